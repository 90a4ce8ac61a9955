/** diagnostics.csv: what a planner should look at first, whatever the plan's status. */
import type { InputLocator } from "../scenario/inputPlace.js";
import type { Scenario, YamlPath } from "../scenario/types.js";
import type { DiagnosticRow, PlanTables } from "../results/types.js";
import type { Label } from "../format/labels.js";
import type { Conflict } from "./elastic.js";
import type { PlanSolution } from "./solvePlan.js";
import { budgetFullyUsed, capacityFullyUsed, NOT_PLANNED, SOLVER_ERROR, solverFailed, targetMissed } from "./diagnosticText.js";

/** A row of both languages' message. */
function row(kind: string, where: string, message: Label, input_line: string): DiagnosticRow {
  return { kind, where, message: message.en, message_zh: message.zh, input_line };
}

/** A conflict of an infeasible plan (or min-budget), with the file and line of its limit. */
export function conflictRow(c: Conflict, input_line: string): DiagnosticRow {
  return row(`conflict:${c.kind}`, c.where, { en: c.message, zh: c.message_zh }, input_line);
}

/** The solver failed: its message as written, headed 求解出错 in Chinese, or "solver error". */
export function solverErrorRow(message: string | undefined): DiagnosticRow {
  return row("error", "solver", message !== undefined ? solverFailed(message) : SOLVER_ERROR, "");
}

/** A stress cut level not planned because the 0 % level has no plan (its own rows say what must give). */
export function notPlannedRow(): DiagnosticRow {
  return row("not_planned", "level[0%]", NOT_PLANNED, "");
}

/**
 * Conflicts when infeasible; otherwise the solver's warnings, the tables' own rows (extractTables:
 * sums of payments not held to the fen), a warning per missed target and per binding budget. With a
 * locator, each row names the file and line of the scenario entry it is about (`input_line`).
 */
export function diagnosticsOf(solution: PlanSolution, tables: PlanTables, locate?: InputLocator): DiagnosticRow[] {
  const input = (path: YamlPath | null | undefined) => (path && locate ? locate(path) : "");
  if (solution.status === "infeasible") {
    return solution.conflicts.map((c) => conflictRow(c, input(c.input)));
  }
  if (solution.status === "error") return [solverErrorRow(solution.message)];
  const scenario: Scenario = solution.pm.ctx.scenario;
  // After the solver's warnings, the tables' own rows: sums the rounding to the fen could not hold (results/roundingNotes.ts).
  const rows: DiagnosticRow[] = [...solution.warnings.map((w) => row("warning", "solver", w, "")), ...tables.diagnostics];
  for (const t of tables.targets) {
    if (t.met) continue;
    const path = scenario.targets.find((x) => x.id === t.target)?.path;
    rows.push(row("target_missed", `target[${t.target}]`, targetMissed(t), input(path)));
  }
  for (const b of tables.budgets) {
    if (!b.binding) continue;
    const path = scenario.sources.find((s) => s.id === b.source)?.budgets.find((x) => x.region === b.region && x.year === b.year)?.path;
    rows.push(row("budget_binding", `budget[${b.source},${b.region},${b.year}]`, budgetFullyUsed(b), input(path)));
  }
  for (const c of tables.capacity) {
    if (!c.binding) continue;
    const entry = scenario.capacity.find((x) => x.id === c.capacity);
    rows.push(row("capacity_binding", `capacity[${c.capacity},${c.year}]`, capacityFullyUsed(c, entry?.name), input(entry?.slotPaths?.[c.year])));
  }
  return rows;
}
