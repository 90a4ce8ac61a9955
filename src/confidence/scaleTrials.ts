/**
 * The scales min-budget --confidence tries (minBudgetConfidence.ts): what a trial holds, the plan
 * the result keeps of one, the diagnosis of a scale with no plan at all, and the step down from the
 * answer that shows it fails 1 % lower (settleBelow).
 */
import type { PlanningModel } from "../model/build.js";
import { SolverFailure } from "../errors.js";
import type { Label } from "../format/labels.js";
import type { AllTargetsMet, McTargetColumns } from "../montecarlo/tables.js";
import type { Conflict } from "../plan/elastic.js";
import { planScenario } from "../plan/planScenario.js";
import type { Scenario } from "../scenario/types.js";
import type { SolverChoice } from "../solve/auto.js";
import type { Calibration, NoMarginPlan } from "./calibrate.js";

/** How far below λ* the result is shown to fail (the "1 % less" check). */
export const BELOW = 0.99;
/** Most 1 % steps down from the bisection's λ (settleBelow). */
export const MAX_STEPS_DOWN = 1000;

export interface ScaleTrial {
  scale: number;
  /** Planned in whole units (an integer plan's final checks); false: its LP relaxation, or a continuous plan. */
  wholeUnits: boolean;
  /** False where the scale has no plan too. */
  reached: boolean;
  /** The calibrated plan's; null where the scale has no plan (noPlan). */
  calibration: Calibration | null;
  /**
   * Where the selected budgets at this scale give no plan at all: what must give, in planning words
   * (the plain plan at the scale, diagnosed as `simulate` diagnoses one). Null where there is a plan.
   */
  noPlan: Conflict[] | null;
}

export interface ScalePlan {
  scale: number;
  /** The plan is in whole units (an integer plan's); false: a continuous plan (or, never reported, a relaxation's). */
  wholeUnits: boolean;
  calibration: Calibration;
  pm: PlanningModel;
  validation: Map<string, McTargetColumns> | null;
  /**
   * P(all targets met) on the same validation draws (tables.ts allTargetsMet): λ asks each target's
   * level alone, and every target met together is rarer. Null without validation or with one target.
   */
  allTargetsMet: AllTargetsMet | null;
}

/**
 * Which of two calibrated plans goes further towards every level: more targets at their level, then
 * more calibration draws meeting the targets that are not. A plan that reaches beats any that does not.
 */
export function furtherThan(a: Calibration, b: Calibration): boolean {
  const atLevel = (c: Calibration) => c.status.filter((s) => s === "reached" || s === "none").length;
  const metShort = (c: Calibration) => c.met.reduce((sum, m, i) => sum + (c.status[i] === "reached" || c.status[i] === "none" ? 0 : m), 0);
  return atLevel(a) !== atLevel(b) ? atLevel(a) > atLevel(b) : metShort(a) > metShort(b);
}

/** A scale tried, with the execution model of its scaled budgets. */
export type Trial = ScaleTrial & { pm: PlanningModel };

/** What min_budget_search.csv and run.json keep of a trial. */
export function trialRecord(t: Trial): ScaleTrial {
  return { scale: t.scale, wholeUnits: t.wholeUnits, reached: t.reached, calibration: t.calibration, noPlan: t.noPlan };
}

/**
 * A trial's plan as the result holds it: the answer (it reached α, so it has a plan), the largest
 * scale tried (at or above λ₀, where the planned world's minimum has a plan and more money only
 * loosens budget rows), or a 1 % less that has one. One missing here is an internal failure.
 */
export function planOf(t: Trial, lambda0: number): ScalePlan {
  if (!t.calibration) throw new SolverFailure(`min-budget --confidence: no plan at λ = ${t.scale}, where one was expected (λ₀ = ${lambda0})`);
  return { scale: t.scale, wholeUnits: t.wholeUnits, calibration: t.calibration, pm: t.pm, validation: null, allTargetsMet: null };
}

/**
 * Why the margin problem has no plan at a scale: the plain plan of the scaled scenario, diagnosed as
 * `simulate` diagnoses an infeasible plan. Should that plan exist, the margin problem (soft margins
 * on the same rows) lost one it must have: the original failure stands.
 */
export async function conflictsOf(scaled: Scenario, solver: SolverChoice, failure: NoMarginPlan): Promise<Conflict[]> {
  const plain = await planScenario(scaled, solver);
  if (plain.solution.status !== "infeasible") throw failure;
  return plain.solution.conflicts;
}

/**
 * From a scale whose plan reaches, steps down by BELOW while the plan there reaches too (not below
 * `floor`, λ₀): the last that reaches is the answer, the first that does not its "1 % less". That
 * check can land below λ₀, where `planAt` may find no plan at all: a trial that does not reach.
 */
export async function settleBelow<T extends { scale: number; reached: boolean }>(
  start: T, floor: number, planAt: (scale: number) => Promise<T>,
): Promise<{ at: T; below: T; passed: T[] }> {
  let at = start;
  const passed: T[] = [];
  let below = await planAt(at.scale * BELOW);
  // At most MAX_STEPS_DOWN steps (0.99¹⁰⁰⁰ ≈ 4·10⁻⁵): each is a calibration, and a floor of 0 alone never stops it.
  for (let step = 0; below.reached && below.scale >= floor && step < MAX_STEPS_DOWN; step++) {
    passed.push(below);
    at = below;
    below = await planAt(at.scale * BELOW);
  }
  return { at, below, passed };
}

/** The bisection's answer was not the least: a lower scale's plan reached every level too. */
export function lowerScaleReaches(searched: number, found: number): Label {
  const [a, b] = [searched.toFixed(4), found.toFixed(4)];
  return {
    en: `the search's λ = ${a} was not the least: the plan 1 % lower reached every level too, so λ = ${b} is taken (the plans are not monotone in money: each scale's margins are calibrated anew, and whole units round); min_budget_search.csv lists every scale tried`,
    zh: `二分搜索得到的 λ = ${a} 并非最小：低1%的方案同样达到所有目标的把握度要求，因此取 λ = ${b}（各预算规模下的方案并不随资金单调变化：每个规模的余量单独校准，整数单位还要取整）；min_budget_search.csv 列出了尝试过的全部规模`,
  };
}
