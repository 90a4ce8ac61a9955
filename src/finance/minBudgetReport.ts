/** Files (columns in output/columns.ts) and printed report of `simulate min-budget`. */
import { DIAGNOSTIC_COLUMNS, MIN_BUDGET_BINDING_COLUMNS, MIN_BUDGET_COLUMNS, MIN_BUDGET_FUNDING_COLUMNS } from "../output/columns.js";
import { toCsv } from "../output/csv.js";
import { withOfficeFiles } from "../output/officeFiles.js";
import { INPUT_FILE, renderInput } from "../output/planFiles.js";
import { formatMoney, formatMoneyChange, formatPercent } from "../format/numbers.js";
import type { MinBudgetResult } from "./minBudgetSolve.js";
import type { Conflict } from "../plan/elastic.js";
import { conflictRow, solverErrorRow } from "../plan/diagnostics.js";
import type { InputLocator } from "../scenario/inputPlace.js";
import { renderJson } from "./runInfo.js";
import { sumYuan } from "../results/numbers.js";
import { MIN_BUDGET_FUNDING_FILE, moneyBySourceLines } from "./minBudgetFunding.js";

export const MIN_BUDGET_FILE = "min_budget.csv";
export const MIN_BUDGET_BINDING_FILE = "min_budget_binding.csv";

export async function renderMinBudgetFiles(
  result: MinBudgetResult,
  runJson: object,
  merged: unknown,
  options: { bom: boolean; xlsx?: boolean; locate?: InputLocator },
): Promise<Record<string, string | Uint8Array>> {
  const files: Record<string, string> = { [INPUT_FILE]: renderInput(merged), "run.json": renderJson(runJson) };
  if (result.status === "optimal") {
    files[MIN_BUDGET_FILE] = toCsv(result.rows, MIN_BUDGET_COLUMNS, options);
    files[MIN_BUDGET_BINDING_FILE] = toCsv(result.binding, MIN_BUDGET_BINDING_COLUMNS, options);
    if (result.funding.length > 0) files[MIN_BUDGET_FUNDING_FILE] = toCsv(result.funding, MIN_BUDGET_FUNDING_COLUMNS, options);
  } else {
    const rows = result.conflicts.map((c) => conflictRow(c, placeOf(c, options.locate)));
    if (result.message) rows.push(solverErrorRow(result.message));
    files["diagnostics.csv"] = toCsv(rows, DIAGNOSTIC_COLUMNS, options);
  }
  return withOfficeFiles(files, { kind: "min-budget", xlsx: options.xlsx });
}

/** Totals for run.json and the report: today's selected budget and the minimum. */
export function minBudgetTotals(result: MinBudgetResult) {
  const budget = sumYuan(result.scales.map((c) => c.budget_yuan));
  const min = sumYuan(result.scales.map((c) => c.min_budget_yuan));
  return { budget_yuan: budget, min_budget_yuan: min, ratio: budget > 0 ? min / budget : 0 };
}

export function minBudgetText(result: MinBudgetResult, title: string, top: number, locate?: InputLocator): string {
  const lines = [title, ...result.notices.map((n) => `note: ${n.en}`)];
  if (result.status === "infeasible") {
    lines.push("no budget is large enough: the targets (soft ones demanded in full) cannot all be met with any amount of the selected money.");
    lines.push("what else stands in the way (elastic diagnosis):");
    for (const c of result.conflicts) {
      const place = placeOf(c, locate);
      lines.push(`  - ${c.message}${place ? ` (${place})` : ""}`);
    }
    return lines.join("\n") + "\n";
  }
  if (result.status === "error") return [...lines, `solver failed: ${result.message ?? ""}`].join("\n") + "\n";
  const totals = minBudgetTotals(result);
  const pct = formatPercent;
  if (!result.perYear) {
    const lambda = result.scales[0].scale;
    const verb = lambda <= 1 ? "can shrink to" : "must grow to";
    lines.push(`breaking point: λ = ${lambda.toFixed(6)} — the selected budgets ${verb} ${pct(lambda)} of today's ` +
      `(${formatMoney(totals.min_budget_yuan)} of ${formatMoney(totals.budget_yuan)}) and every target is still met; ` +
      (result.grownFrom
        ? `at ${result.grownFrom.missedAt.toFixed(6)} simulate's whole-unit plan misses a target (the note above), and no whole-unit plan meets them all below the MILP's ${result.grownFrom.milpScale.toFixed(6)}.`
        : "any less misses a target."));
  } else {
    lines.push(`smallest total: ${formatMoney(totals.min_budget_yuan)} of today's ${formatMoney(totals.budget_yuan)} (${pct(totals.ratio)}), per year:`);
  }
  for (const s of result.scales) {
    if (s.year === null) continue;
    lines.push(`  ${s.year}: ${formatMoney(s.min_budget_yuan)} of ${formatMoney(s.budget_yuan)} (λ = ${s.scale.toFixed(6)})`);
  }
  lines.push(`what holds the minimum up (${result.dualMethod === "lp_relaxation" ? "duals of the LP relaxation" : "duals"}): how much the selected budgets' minimum changes per step of each limit:`);
  if (result.binding.length === 0) lines.push("  (nothing: the targets are met without the selected money)");
  for (const b of result.binding.slice(0, top)) {
    lines.push(`  - ${b.what}: ${formatMoneyChange(b.min_budget_change_yuan)} of the selected budgets per ${b.step}`);
  }
  if (result.binding.length > top) lines.push(`  … and ${result.binding.length - top} more (see ${MIN_BUDGET_BINDING_FILE})`);
  if (result.funding.length > 0) lines.push(...moneyBySourceLines(result.funding));
  return lines.join("\n") + "\n";
}

/** File and line of the scenario entry a conflict names; "" without one. */
function placeOf(c: Conflict, locate: InputLocator | undefined): string {
  return c.input && locate ? locate(c.input) : "";
}
