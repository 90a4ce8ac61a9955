/** targets.csv: each target's planned value, shortfall and whether the plan meets it. */
import { targetMetric } from "../model/expressions.js";
import type { Namer } from "../plan/describe.js";
import type { PlanSolution } from "../plan/solvePlan.js";
import { round, valueOf } from "./extract.js";
import type { TargetRow } from "./types.js";

/** Met means within 1e-6 relative of the target (solver tolerance), so 8006.9999999 counts. */
export const MET_TOLERANCE = 1e-6;

export function extractTargets(
  sol: PlanSolution,
  namer: Namer,
  marginalCost: (sol: PlanSolution, row: number) => number,
): TargetRow[] {
  const ctx = sol.pm.ctx;
  const rowIndex = new Map(ctx.model.rows.map((r, i) => [r.name, i]));
  return ctx.scenario.targets.map((t) => {
    const integer = ctx.scenario.programs.find((p) => p.id === t.program)!.integer;
    let planned = valueOf(targetMetric(ctx, t), sol.primal);
    if (integer && !t.metric.startsWith("households")) planned = Math.round(planned);
    planned = round(planned, 4);
    const shortfall = Math.max(0, t.atLeast - planned);
    const met = shortfall <= MET_TOLERANCE * Math.max(1, t.atLeast);
    return {
      target: t.id,
      name: t.name,
      program: t.program,
      region: t.region,
      region_name: namer.name("region", t.region),
      metric: t.metric,
      by: t.by,
      kind: t.kind,
      weight: t.weight,
      target_value: t.atLeast,
      planned,
      shortfall: met ? 0 : round(shortfall, 4),
      attainment: round(planned / t.atLeast, 6),
      met,
      marginal_cost_yuan_per_unit: marginalCost(sol, rowIndex.get(`target[${t.id}]`)!),
    };
  });
}
