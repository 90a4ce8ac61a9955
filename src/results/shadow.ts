/**
 * Shadow prices in the units a finance office asks about, each with the interval over which it
 * holds. All come from the LP's duals and basis, chained through the lexicographic stages
 * (plan/lexSensitivity.ts), so each figure is what a re-plan with the limit moved slightly shows:
 *   - per target, in the target's own units: how much more of it the plan reaches per extra
 *     1亿元 of a budget or per extra slot (`shadow_prices.csv`; budgets.csv and capacity.csv carry
 *     the figure for the reference target, the first missed soft target);
 *   - the weighted shortfall score per 1亿元, labelled as such (`shadow_price_score_per_100m_yuan`);
 *   - the cost stage: weighted cost (every source's money × its cost weight) saved per extra yuan of
 *     a budget — negative when the extra money buys more of a missed target, so the plan spends
 *     more in all;
 *   - targets: weighted cost one more unit of a target adds.
 * Validity (HiGHS ranging): the bound interval over which the basis of the stage that prices the
 * row stays optimal — the shortfall stage for attainment prices, the cost stage for cost prices.
 */
import { MONEY_UNIT } from "../model/context.js";
import type { PlanSolution } from "../plan/solvePlan.js";
import type { Target } from "../scenario/types.js";
import { isMet, round } from "./numbers.js";

/** 1亿元 in the model's money unit (万元). */
const PER_100M = 1e8 / MONEY_UNIT;
/** Prices smaller than this (per row unit) are solver noise, reported as 0. */
const NOISE = 1e-9;

export function referenceTarget(sol: PlanSolution): Target | null {
  const i = referenceIndex(sol);
  return i >= 0 ? sol.pm.ctx.scenario.targets[i] : null;
}

function referenceIndex(sol: PlanSolution): number {
  const { ctx } = sol.pm;
  return ctx.scenario.targets.findIndex((t, ti) => {
    const v = ctx.index.shortfall[ti];
    return v >= 0 && !isMet(sol.primal[v], t.atLeast);
  });
}

function clean(x: number): number {
  return Math.abs(x) < NOISE ? 0 : x;
}

/** d(planned value of target ti)/d(bound of `row`), target units per row unit (0 when unknown). */
export function targetGain(sol: PlanSolution, ti: number, row: number): number {
  return clean(sol.targetResponse?.[ti]?.[row] ?? 0);
}

/**
 * [from, to] of `row`'s bound over which its prices hold, in row units: the shortfall stage's
 * interval when the row limits attainment, else the cost stage's; null without ranging.
 */
export function validity(sol: PlanSolution, row: number): { from: number; to: number } | null {
  const attainment = gain(sol.shortfallDuals, row) !== 0 || sol.pm.ctx.scenario.targets.some((_, ti) => targetGain(sol, ti, row) !== 0);
  return (attainment ? sol.validity?.[row] : sol.costValidity?.[row]) ?? null;
}

/** −dual: how much the stage objective improves per unit more of the row's bound. */
function gain(duals: Float64Array | null, row: number): number {
  return duals ? clean(-duals[row]) : 0;
}

function priced(sol: PlanSolution, row: number): boolean {
  return gain(sol.shortfallDuals, row) !== 0 || gain(sol.costDuals, row) !== 0
    || sol.pm.ctx.scenario.targets.some((_, ti) => targetGain(sol, ti, row) !== 0);
}

/** Row-unit interval scaled to reporting units; blank (NaN) when the row carries no price. */
function interval(sol: PlanSolution, row: number, scale: number): { from: number; to: number } {
  const v = validity(sol, row);
  if (!v || !priced(sol, row)) return { from: NaN, to: NaN };
  return { from: round(v.from * scale, 2), to: round(v.to * scale, 2) };
}

export function budgetShadow(sol: PlanSolution, row: number) {
  const ref = referenceIndex(sol);
  const range = interval(sol, row, MONEY_UNIT);
  return {
    shadow_price_units_per_100m_yuan: ref >= 0 ? round(targetGain(sol, ref, row) * PER_100M, 6) : 0,
    shadow_price_target: ref >= 0 ? sol.pm.ctx.scenario.targets[ref].id : "",
    shadow_price_score_per_100m_yuan: round(gain(sol.shortfallDuals, row) * PER_100M, 9),
    cost_saved_per_yuan: round(gain(sol.costDuals, row), 9),
    shadow_price_valid_from_yuan: range.from,
    shadow_price_valid_to_yuan: range.to,
    shadow_price_method: sol.dualMethod,
  };
}

export function capacityShadow(sol: PlanSolution, row: number) {
  const ref = referenceIndex(sol);
  const range = interval(sol, row, 1);
  return {
    shadow_price_units_per_slot: ref >= 0 ? round(targetGain(sol, ref, row), 6) : 0,
    shadow_price_target: ref >= 0 ? sol.pm.ctx.scenario.targets[ref].id : "",
    shadow_price_valid_from_slots: range.from,
    shadow_price_valid_to_slots: range.to,
    shadow_price_method: sol.dualMethod,
  };
}

/** Weighted cost one more unit of the target would add (cost stage), ≥ 0, with its range. */
export function targetMarginalCost(sol: PlanSolution, row: number) {
  const cost = sol.costDuals ? Math.max(0, clean(sol.costDuals[row])) * MONEY_UNIT : 0;
  const v = sol.costValidity?.[row] ?? null;
  const show = v && cost > 0;
  return {
    marginal_cost_yuan_per_unit: round(cost, 2),
    marginal_cost_valid_from: show ? round(v.from, 4) : NaN,
    marginal_cost_valid_to: show ? round(v.to, 4) : NaN,
  };
}
