/** targets.csv: each target's planned value, shortfall and whether the plan meets it. */
import { targetMetric } from "../model/expressions.js";
import type { Namer } from "../plan/describe.js";
import type { PlanSolution } from "../plan/solvePlan.js";
import { isMet, round, valueOf } from "./numbers.js";
import type { TargetRow } from "./types.js";

export function extractTargets(
  sol: PlanSolution,
  namer: Namer,
  marginalCost: (sol: PlanSolution, row: number) => Pick<TargetRow, "marginal_cost_yuan_per_unit" | "marginal_cost_valid_from" | "marginal_cost_valid_to">,
): TargetRow[] {
  const ctx = sol.pm.ctx;
  return ctx.scenario.targets.map((t, ti) => {
    const integer = ctx.scenario.programs.find((p) => p.id === t.program)!.integer;
    let planned = valueOf(targetMetric(ctx, t), sol.primal);
    if (integer && !t.metric.startsWith("households")) planned = Math.round(planned);
    planned = round(planned, 4);
    const shortfall = Math.max(0, t.atLeast - planned);
    const met = isMet(shortfall, t.atLeast);
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
      ...marginalCost(sol, ctx.index.targetRow[ti]),
    };
  });
}
