/** diagnostics.csv: what a planner should look at first, whatever the plan's status. */
import type { InputLocator } from "../scenario/inputPlace.js";
import type { Scenario, YamlPath } from "../scenario/types.js";
import type { DiagnosticRow, PlanTables } from "../results/types.js";
import type { PlanSolution } from "./solvePlan.js";

/**
 * Conflicts when infeasible; otherwise a warning per missed target and per binding budget. With a
 * locator, each row names the file and line of the scenario entry it is about (`input_line`).
 */
export function diagnosticsOf(solution: PlanSolution, tables: PlanTables, locate?: InputLocator): DiagnosticRow[] {
  const input = (path: YamlPath | null | undefined) => (path && locate ? locate(path) : "");
  if (solution.status === "infeasible") {
    return solution.conflicts.map((c) => ({ kind: `conflict:${c.kind}`, where: c.where, message: c.message, input_line: input(c.input) }));
  }
  if (solution.status === "error") return [{ kind: "error", where: "solver", message: solution.message ?? "solver error", input_line: "" }];
  const scenario: Scenario = solution.pm.ctx.scenario;
  const rows: DiagnosticRow[] = solution.warnings.map((w) => ({ kind: "warning", where: "solver", message: w, input_line: "" }));
  for (const t of tables.targets) {
    if (t.met) continue;
    const path = scenario.targets.find((x) => x.id === t.target)?.path;
    rows.push({ kind: "target_missed", where: `target[${t.target}]`, message: `${t.kind} target ${t.target} (${t.metric} by ${t.by} in ${t.region_name}) reaches ${t.planned} of ${t.target_value}: short by ${t.shortfall}`, input_line: input(path) });
  }
  for (const b of tables.budgets) {
    if (!b.binding) continue;
    const path = scenario.sources.find((s) => s.id === b.source)?.budgets.find((x) => x.region === b.region && x.year === b.year)?.path;
    rows.push({ kind: "budget_binding", where: `budget[${b.source},${b.region},${b.year}]`, message: `budget of ${b.source_name} for ${b.region_name} in ${b.year} is fully used`, input_line: input(path) });
  }
  for (const c of tables.capacity) {
    if (!c.binding) continue;
    const path = scenario.capacity.find((x) => x.id === c.capacity)?.slotPaths?.[c.year];
    rows.push({ kind: "capacity_binding", where: `capacity[${c.capacity},${c.year}]`, message: `capacity ${c.capacity} (${c.region_name}) in ${c.year} is fully used`, input_line: input(path) });
  }
  return rows;
}
