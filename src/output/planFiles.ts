/** Renders the extracted tables and run metadata as the files of a results folder. */
import { stringify } from "yaml";
import type { PlanTables, TargetRow } from "../results/types.js";
import {
  BUDGET_COLUMNS, CAPACITY_COLUMNS, DIAGNOSTIC_COLUMNS, FUNDING_COLUMNS, PLAN_COLUMNS, SHADOW_PRICE_COLUMNS, targetColumnsOf,
} from "./columns.js";
import { type CsvOptions, toCsv } from "./csv.js";

/**
 * The merged scenario as planned (all layers applied, `null`s removed): kept beside the results so
 * a folder is auditable on its own and `simulate compare` can diff the inputs of two runs.
 */
export const INPUT_FILE = "input.yaml";

export function renderInput(merged: unknown): string {
  return stringify(merged, { sortMapEntries: false, lineWidth: 0 });
}

/** `input`: input.yaml as renderInput made it (pipeline.ts renders it while solving). */
export function renderPlanFiles(
  tables: PlanTables,
  runJson: object,
  input: string,
  options: CsvOptions,
): Record<string, string> {
  return {
    ...renderDiagnosticsOnly(tables, runJson, input, options),
    "plan.csv": toCsv(tables.plan, PLAN_COLUMNS, options),
    "funding.csv": toCsv(tables.funding, FUNDING_COLUMNS, options),
    "budgets.csv": toCsv(tables.budgets, BUDGET_COLUMNS, options),
    "capacity.csv": toCsv(tables.capacity, CAPACITY_COLUMNS, options),
    "targets.csv": toCsv(tables.targets, targetColumnsOf(tables.targets) as (keyof TargetRow)[], options),
    "shadow_prices.csv": toCsv(tables.shadowPrices, SHADOW_PRICE_COLUMNS, options),
  };
}

/** What every results folder has, feasible or not: the input, the diagnostics and run.json. */
export function renderDiagnosticsOnly(
  tables: Pick<PlanTables, "diagnostics">,
  runJson: object,
  input: string,
  options: CsvOptions,
): Record<string, string> {
  return {
    [INPUT_FILE]: input,
    "diagnostics.csv": toCsv(tables.diagnostics, DIAGNOSTIC_COLUMNS, options),
    "run.json": JSON.stringify(runJson, null, 2) + "\n",
  };
}
