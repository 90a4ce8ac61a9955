/** Renders the extracted tables and run metadata as the files of a results folder. */
import type { PlanTables } from "../results/types.js";
import {
  BUDGET_COLUMNS, CAPACITY_COLUMNS, DIAGNOSTIC_COLUMNS, FUNDING_COLUMNS, PLAN_COLUMNS, TARGET_COLUMNS,
} from "./columns.js";
import { type CsvOptions, toCsv } from "./csv.js";

export async function renderPlanFiles(
  tables: PlanTables,
  runJson: object,
  options: CsvOptions,
): Promise<Record<string, string>> {
  return {
    "plan.csv": await toCsv(tables.plan, PLAN_COLUMNS, options),
    "funding.csv": await toCsv(tables.funding, FUNDING_COLUMNS, options),
    "budgets.csv": await toCsv(tables.budgets, BUDGET_COLUMNS, options),
    "capacity.csv": await toCsv(tables.capacity, CAPACITY_COLUMNS, options),
    "targets.csv": await toCsv(tables.targets, TARGET_COLUMNS, options),
    "diagnostics.csv": await toCsv(tables.diagnostics, DIAGNOSTIC_COLUMNS, options),
    "run.json": JSON.stringify(runJson, null, 2) + "\n",
  };
}

export async function renderDiagnosticsOnly(
  tables: Pick<PlanTables, "diagnostics">,
  runJson: object,
  options: CsvOptions,
): Promise<Record<string, string>> {
  return {
    "diagnostics.csv": await toCsv(tables.diagnostics, DIAGNOSTIC_COLUMNS, options),
    "run.json": JSON.stringify(runJson, null, 2) + "\n",
  };
}
