/**
 * Why a cut level has no plan: each infeasible level's diagnosis (the IIS or elastic re-solve of
 * the planning model, in planning words: src/plan/elastic.ts, as planScenario made it for the
 * level), or why it was not planned (the 0 % level has no plan), for the stress folder's
 * diagnostics.csv and the lines under the printed table. Levels with a plan add nothing here;
 * their missed targets are in stress.csv.
 */
import { NOT_PLANNED } from "../plan/diagnosticText.js";
import { notPlannedRow } from "../plan/diagnostics.js";
import type { DiagnosticRow } from "../results/types.js";
import type { StressLevel } from "./stress.js";

export const STRESS_DIAGNOSTICS_FILE = "diagnostics.csv";

export interface StressDiagnosticRow extends DiagnosticRow {
  cut: number;
  cut_label: string;
}

/** How many of a level's conflicts the printed table names; the file has them all. */
const PRINTED_CONFLICTS = 3;

export function stressDiagnosticRows(levels: StressLevel[]): StressDiagnosticRow[] {
  return levels.flatMap((level) => {
    const named = { cut: level.cut, cut_label: level.label };
    // Left unplanned: the 0 % level has no plan, and its rows say what would have to give.
    if (level.planned === null) return [{ ...named, ...notPlannedRow() }];
    const { solution, tables } = level.planned;
    if (solution.status !== "infeasible" && solution.status !== "error") return [];
    // planScenario diagnosed the level as `simulate` diagnoses a plan (plan/diagnostics.ts).
    return tables.diagnostics.map((d) => ({ ...named, ...d }));
  });
}

/**
 * One line per level without a plan: what must give, the cut budgets first — the cut is what
 * changed, and a level's diagnosis may otherwise open with shares or caps that give less. The
 * levels left unplanned share one line, saying why.
 */
export function stressDiagnosticLines(levels: StressLevel[]): string[] {
  const budgetsFirst = (r: StressDiagnosticRow) => (r.kind === "conflict:budgets" ? 0 : 1);
  const diagnosed = levels.flatMap((level) => {
    if (level.planned === null) return [];
    const own = stressDiagnosticRows([level]).sort((a, b) => budgetsFirst(a) - budgetsFirst(b));
    if (own.length === 0) return [];
    const named = own.slice(0, PRINTED_CONFLICTS).map((r) => r.message).join("; ");
    const more = own.length > PRINTED_CONFLICTS ? ` (and ${own.length - PRINTED_CONFLICTS} more in diagnostics.csv)` : "";
    const what = level.planned.solution.status === "infeasible" ? "no plan fits" : "the solver failed";
    return [`${level.label}: ${what}: ${named}${more}`];
  });
  const unplanned = levels.filter((l) => l.planned === null).map((l) => l.label);
  return unplanned.length === 0 ? diagnosed : [...diagnosed, `${unplanned.join(", ")}: ${NOT_PLANNED.en}`];
}
