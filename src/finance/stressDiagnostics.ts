/**
 * Why a cut level has no plan: each infeasible level's diagnosis (the IIS or elastic re-solve of
 * the planning model, in planning words: src/plan/elastic.ts, as planScenario made it for the
 * level), or why it was not planned (the 0 % level has no plan), for the stress folder's
 * diagnostics.csv and the lines under the printed table. A level with a plan adds only the sums of
 * its payments its rounding to the fen could not hold (`rounding` rows, as in `simulate`'s
 * diagnostics.csv); its missed targets are in stress.csv.
 */
import { groupConflicts } from "../plan/conflictGroups.js";
import { alsoInConflict, NOT_PLANNED } from "../plan/diagnosticText.js";
import { notPlannedRow } from "../plan/diagnostics.js";
import { type Conflict, mustGive } from "../plan/elastic.js";
import type { PlannedScenario } from "../plan/planScenario.js";
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
    // planScenario diagnosed the level as `simulate` diagnoses a plan (plan/diagnostics.ts).
    const diagnosed = solution.status === "infeasible" || solution.status === "error";
    return tables.diagnostics.filter((d) => diagnosed || d.kind === "rounding").map((d) => ({ ...named, ...d }));
  });
}

/**
 * One line per level without a plan: what must give, the cut budgets first — the cut is what
 * changed, and a level's diagnosis may otherwise open with shares or caps that give less — then, by
 * group, the limits in the conflict that need not give (mustGive: listed among what must give, the
 * IIS's budgets came first and hid the target that falls short). The levels left unplanned share
 * one line, saying why.
 */
export function stressDiagnosticLines(levels: StressLevel[]): string[] {
  const diagnosed = levels.flatMap((level) => {
    if (level.planned === null) return [];
    const { status } = level.planned.solution;
    if (status === "infeasible") return [`${level.label}: no plan fits: ${conflictText(level.planned)}`];
    if (status !== "error") return [];
    const own = stressDiagnosticRows([level]);
    return own.length === 0 ? [] : [`${level.label}: the solver failed: ${namedText(own.map((r) => r.message))}`];
  });
  const unplanned = levels.filter((l) => l.planned === null).map((l) => l.label);
  return unplanned.length === 0 ? diagnosed : [...diagnosed, `${unplanned.join(", ")}: ${NOT_PLANNED.en}`];
}

/** What must give (cut budgets first), then the other limits of the conflict by group. */
function conflictText({ solution }: PlannedScenario): string {
  const budgetsFirst = (c: Conflict) => (c.kind === "budgets" ? 0 : 1);
  const giving = solution.conflicts.filter(mustGive).sort((a, b) => budgetsFirst(a) - budgetsFirst(b));
  const held = solution.conflicts.filter((c) => !mustGive(c));
  const groups = held.length > 0 ? groupConflicts(held, solution.pm.model, solution.pm.ctx.scenario) : [];
  const also = groups.length > 0 ? alsoInConflict(groups, PRINTED_CONFLICTS) : "";
  return [giving.length > 0 ? namedText(giving.map((c) => c.message)) : "", also].filter(Boolean).join("; ");
}

/** The first PRINTED_CONFLICTS messages, and how many more the file has. */
function namedText(messages: string[]): string {
  const more = messages.length > PRINTED_CONFLICTS ? ` (and ${messages.length - PRINTED_CONFLICTS} more in diagnostics.csv)` : "";
  return messages.slice(0, PRINTED_CONFLICTS).join("; ") + more;
}
