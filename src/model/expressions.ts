/**
 * Linear expressions shared by several families: units started in a year (decided or from
 * actuals), cost falling due, units active, and the cumulative metric a target measures. Households
 * and completions recorded in actuals count as recorded (recorded.ts).
 */
import type { Program, Target } from "../scenario/types.js";
import { unitCostOfStart } from "../scenario/unitPrice.js";
import { type Expr, type LeafProgram, type ModelContext, MONEY_UNIT, sumExpr } from "./context.js";
import { householdsStartedCorrection, metricCorrection } from "./recorded.js";

/** Units started in year t: the decision variable inside the horizon, actuals before it. */
export function startsIn(ctx: ModelContext, lp: LeafProgram, t: number): Expr {
  const h = ctx.yearIndex(t);
  if (h >= 0) {
    const v = ctx.index.startsCol(lp.index, h);
    return { terms: v < 0 ? [] : [{ v, c: 1 }], constant: 0 };
  }
  if (t < ctx.scenario.horizon.start) return { terms: [], constant: lp.preHorizonStarts.get(t) ?? 0 };
  return { terms: [], constant: 0 };
}

/** Cost of one unit started in year t, in 万元 (escalation applies from the horizon start). */
export function unitCostAt(ctx: ModelContext, lp: LeafProgram, t: number): number {
  return unitCostOfStart(lp.program, lp.leaf, t, ctx.scenario.horizon.start) / MONEY_UNIT;
}

/** Σ_k profile[k] · unitCost(y−k) · starts(y−k): the money falling due in year y (万元). */
export function costDue(ctx: ModelContext, lp: LeafProgram, y: number): Expr {
  return sumExpr(
    lp.program.spendProfile.map((share, k) => {
      const e = startsIn(ctx, lp, y - k);
      const c = share * unitCostAt(ctx, lp, y - k);
      return { terms: e.terms.map((t) => ({ v: t.v, c: t.c * c })), constant: e.constant * c };
    }),
  );
}

/** Households in the units being paid for in year y, weighted by the spend profile. */
export function householdsPaidFor(ctx: ModelContext, lp: LeafProgram, y: number): Expr {
  const hpu = lp.leaf.householdsPerUnit;
  return sumExpr(
    lp.program.spendProfile.map((share, k) => {
      const e = startsIn(ctx, lp, y - k);
      const recorded = householdsStartedCorrection(lp, y - k) * share;
      return { terms: e.terms.map((t) => ({ v: t.v, c: t.c * share * hpu })), constant: e.constant * share * hpu + recorded };
    }),
  );
}

/** Units under construction in year y: started in y, y−1, … y−duration+1. */
export function activeUnits(ctx: ModelContext, lp: LeafProgram, y: number): Expr {
  return sumExpr(lp.program.spendProfile.map((_, k) => startsIn(ctx, lp, y - k)));
}

/** Last start year whose units have completed by the end of `by`. */
export function lastStartCompletedBy(lp: { program: Pick<Program, "spendProfile"> }, by: number): number {
  return by - lp.program.spendProfile.length + 1;
}

/**
 * The cumulative quantity a target measures over its region's leaves, by the end of `target.by`,
 * counted from the horizon start (completions of pre-horizon starts count when they fall inside),
 * plus what recorded households and completions add to the derived counts.
 */
export function targetMetric(ctx: ModelContext, target: Target): Expr {
  const { start } = ctx.scenario.horizon;
  const parts: Expr[] = [];
  for (const lp of ctx.leafProgramsIn(target.region, [target.program])) {
    const perUnit = target.metric.startsWith("households") ? lp.leaf.householdsPerUnit : 1;
    const dur = lp.program.spendProfile.length;
    const completes = target.metric.endsWith("completed");
    const from = completes ? start - dur + 1 : start;
    const to = completes ? lastStartCompletedBy(lp, target.by) : target.by;
    for (let t = from; t <= to; t++) {
      const e = startsIn(ctx, lp, t);
      parts.push({ terms: e.terms.map((x) => ({ v: x.v, c: x.c * perUnit })), constant: e.constant * perUnit });
    }
    parts.push({ terms: [], constant: metricCorrection(lp, target.metric, start, target.by) });
  }
  return sumExpr(parts);
}
