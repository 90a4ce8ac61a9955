/**
 * Shadow prices in the units a finance office asks about.
 *
 * The shortfall stage minimises Σ w_t·shortfall_t/T_t, so its dual on a budget row (in 万元) is the
 * change in weighted, target-normalised shortfall per 万元. We report it per 1亿元 and, for
 * readers, convert it into units of the *reference target*: the first soft target (in scenario
 * order) that the plan misses, via its T_t/w_t. With a single missed target that is exactly
 * "target units gained per extra 1亿元"; with several it is the same gain expressed in that
 * target's units, and the column names the target. When no soft target is missed, money is not
 * what limits attainment and every shortfall-stage price is 0.
 */
import { MONEY_UNIT } from "../model/context.js";
import type { PlanSolution } from "../plan/solvePlan.js";
import type { Target } from "../scenario/types.js";
import { MET_TOLERANCE, round } from "./numbers.js";

export function referenceTarget(sol: PlanSolution): Target | null {
  const { ctx } = sol.pm;
  const missed = ctx.scenario.targets.findIndex((t, ti) => {
    const v = ctx.index.shortfall[ti];
    return v >= 0 && sol.primal[v] > MET_TOLERANCE * Math.max(1, t.atLeast);
  });
  return missed >= 0 ? ctx.scenario.targets[missed] : null;
}

/** −dual: objective improvement per unit of extra rhs (duals are d objective / d rhs, minimising). */
function gain(duals: Float64Array | null, row: number): number {
  if (!duals) return 0;
  const g = -duals[row];
  return Math.abs(g) < 1e-12 ? 0 : g;
}

function method(sol: PlanSolution): string {
  return sol.dualMethod;
}

export function budgetShadow(sol: PlanSolution, row: number) {
  const ref = referenceTarget(sol);
  const perHundredMillion = gain(sol.shortfallDuals, row) * (1e8 / MONEY_UNIT);
  return {
    shadow_price_units_per_100m_yuan: ref ? round((perHundredMillion * ref.atLeast) / ref.weight, 6) : 0,
    shadow_price_target: ref?.id ?? "",
    shadow_price_objective_per_100m_yuan: round(perHundredMillion, 9),
    cost_saved_per_yuan: round(gain(sol.costDuals, row), 9),
    shadow_price_method: method(sol),
  };
}

export function capacityShadow(sol: PlanSolution, row: number) {
  const ref = referenceTarget(sol);
  const perSlot = gain(sol.shortfallDuals, row);
  return {
    shadow_price_units_per_slot: ref ? round((perSlot * ref.atLeast) / ref.weight, 6) : 0,
    shadow_price_target: ref?.id ?? "",
    shadow_price_method: method(sol),
  };
}

/** Weighted government yuan one more unit of the target would cost (cost stage), ≥ 0. */
export function targetMarginalCost(sol: PlanSolution, row: number): number {
  if (!sol.costDuals) return 0;
  return round(Math.max(0, sol.costDuals[row]) * MONEY_UNIT, 2);
}
