/**
 * A re-plan held near an earlier plan (stress's cut levels, docs/finance.md "Which regions lose"):
 *
 *   near row (l, y):  starts_l,y − up_l,y + down_l,y = starts⁰_l,y        (up, down ≥ 0)
 *   stages:           shortfall → cost → near → (smoothing)
 *   near stage:       min Σ_{l,y} households_per_unit_l · (up + down) / Σ_l households_per_unit_l · stock_l
 *
 * for every leaf-programme l of a continuous programme and every horizon year y, starts⁰ being the
 * earlier plan's. The shortfall and cost stages leave many plans equally good — which city starts
 * the households a cut costs is not decided by them: a 20 % cut of Guangdong's provincial money moved
 * 7,500 households from one city to another between runs that lost 41 in all. Among those plans
 * the near stage takes the one that moves fewest households from the earlier plan, so what a level
 * loses falls where the cut makes it fall. Whole-unit programmes are left out, as smoothing leaves
 * them out: the stage would be a MIP. Rows and columns are appended after the planning model's, so
 * every index of the planning model (ModelIndex) still holds.
 */
import type { PlanningModel } from "../model/build.js";
import type { Row, Term, Variable } from "../model/types.js";

/** `earlier`: the plan to stay near, made from a scenario with the same regions and programmes. */
export function buildNearProblem(base: PlanningModel, earlier: { pm: PlanningModel; primal: Float64Array }): PlanningModel {
  const { ctx } = base;
  const before = earlier.pm.ctx;
  if (before.leafPrograms.length !== ctx.leafPrograms.length || before.index.H !== ctx.index.H) {
    throw new Error("buildNearProblem: the earlier plan has other leaves or years");
  }
  const variables: Variable[] = [...base.model.variables];
  const rows: Row[] = [...base.model.rows];
  const objective: Term[] = [];
  const households = ctx.leafPrograms.reduce((sum, lp) => sum + lp.leaf.householdsPerUnit * lp.leaf.stock, 0);
  for (const lp of ctx.leafPrograms) {
    const was = before.leafPrograms[lp.index];
    if (was.leaf.region !== lp.leaf.region || was.program.id !== lp.program.id) throw new Error("buildNearProblem: the earlier plan's leaves are in another order");
    if (lp.program.integer) continue;
    const weight = lp.leaf.householdsPerUnit / Math.max(1, households);
    ctx.years.forEach((year, h) => {
      const v = ctx.index.startsCol(lp.index, h);
      const v0 = before.index.startsCol(lp.index, h);
      if (v < 0 || v0 < 0) return;
      const key = { region: lp.leaf.region, program: lp.program.id, year };
      const up = variables.push({ lb: 0, ub: Infinity, integer: false, ref: { role: "near_up", ...key } }) - 1;
      const down = variables.push({ lb: 0, ub: Infinity, integer: false, ref: { role: "near_down", ...key } }) - 1;
      const target = earlier.primal[v0];
      rows.push({ ref: { family: "near", ...key }, terms: [{ v, c: 1 }, { v: up, c: -1 }, { v: down, c: 1 }], lb: target, ub: target });
      objective.push({ v: up, c: weight }, { v: down, c: weight });
    });
  }
  if (objective.length === 0) return base;
  const cost = base.stages.findIndex((s) => s.name === "cost");
  const stages = [...base.stages.slice(0, cost + 1), { name: "near" as const, objective }, ...base.stages.slice(cost + 1)];
  return { ctx, model: { ...base.model, variables, rows }, stages, settings: base.settings };
}
