/** diagnostics.csv: what a planner should look at first, whatever the plan's status. */
import type { DiagnosticRow, PlanTables } from "../results/types.js";
import type { PlanSolution } from "./solvePlan.js";

/** Conflicts when infeasible; otherwise a warning per missed target and per binding budget. */
export function diagnosticsOf(solution: PlanSolution, tables: PlanTables): DiagnosticRow[] {
  if (solution.status === "infeasible") {
    return solution.conflicts.map((c) => ({ kind: `conflict:${c.kind}`, where: c.where, message: c.message }));
  }
  if (solution.status === "error") return [{ kind: "error", where: "solver", message: solution.message ?? "solver error" }];
  const rows: DiagnosticRow[] = solution.warnings.map((w) => ({ kind: "warning", where: "solver", message: w }));
  for (const t of tables.targets) {
    if (!t.met) rows.push({ kind: "target_missed", where: `target[${t.target}]`, message: `${t.kind} target ${t.target} (${t.metric} by ${t.by} in ${t.region_name}) reaches ${t.planned} of ${t.target_value}: short by ${t.shortfall}` });
  }
  for (const b of tables.budgets) {
    if (b.binding) rows.push({ kind: "budget_binding", where: `budget[${b.source},${b.region},${b.year}]`, message: `budget of ${b.source_name} for ${b.region_name} in ${b.year} is fully used` });
  }
  for (const c of tables.capacity) {
    if (c.binding) rows.push({ kind: "capacity_binding", where: `capacity[${c.capacity},${c.year}]`, message: `capacity ${c.capacity} (${c.region_name}) in ${c.year} is fully used` });
  }
  return rows;
}
