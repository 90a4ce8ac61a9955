/**
 * `simulate min-budget --confidence α`: the smallest uniform scale λ of the selected budgets at
 * which the confidence plan reaches α for every target (docs/confidence.md). The deterministic
 * breaking point λ₀ (minBudgetSolve.ts: every target met in the planned world) is a lower bound —
 * below it no plan meets the targets even when nothing goes wrong. From there λ grows by 25 % steps
 * until the confidence plan at λ reaches α, and bisection narrows [fails, reaches] to 0.1 %. Every
 * λ is tried on the same warm margin problem (only the selected budget rows' bounds change) and the
 * same calibration sample, so the search compares scales, not samples. Integer plans search on the
 * LP relaxation and check the integer plan at the end (growing λ by 0.5 % steps if it falls short).
 * A scale whose budgets give no plan at all — below λ₀, where the frozen years of --from must still
 * be paid, or whole units a hard target cannot do without — does not reach α: it is a trial with
 * the diagnosis `simulate` would give (noPlan), never an error.
 */
import { buildPlanningModel, type PlanningModel } from "../model/build.js";
import { MONEY_UNIT } from "../model/context.js";
import { scaleBudgets, scaledAmount } from "../finance/cuts.js";
import { budgetMoney } from "../results/carry.js";
import { freezeBeforeSelection } from "../finance/freezePast.js";
import { fundingOfPlan, type MinBudgetFundingRow, minBudgetFundingRows } from "../finance/minBudgetFunding.js";
import { byYearSourceRegion, type MinBudgetRow, minBudgetRow } from "../finance/minBudgetRows.js";
import { type MinBudgetResult, solveMinBudget } from "../finance/minBudgetSolve.js";
import { type BudgetSelection, selectsBudget } from "../finance/selection.js";
import type { Uncertainty } from "../montecarlo/types.js";
import { Namer } from "../plan/describe.js";
import { planScenario, type PlannedScenario } from "../plan/planScenario.js";
import type { SolverChoice } from "../solve/auto.js";
import type { Scenario } from "../scenario/types.js";
import type { Conflict } from "../plan/elastic.js";
import { type Calibration, NoMarginPlan } from "./calibrate.js";
import { conflictsOf, furtherThan, lowerScaleReaches, planOf, type ScalePlan, type ScaleTrial, settleBelow, type Trial, trialRecord } from "./scaleTrials.js";
import { ConfidenceSolver, type Phase } from "./confidenceSolver.js";
import type { Limit } from "./limits.js";
import { DEFAULT_CALIBRATION_DRAWS, planToConfidence, requiredLevels } from "./planToConfidence.js";
import { type ValidationRequest, validatePlanJointly } from "./validate.js";

// The trials' types and the step down live with the trials; callers and tests name them here.
export { BELOW, MAX_STEPS_DOWN, type ScalePlan, type ScaleTrial, settleBelow } from "./scaleTrials.js";

/** The plan a scale is judged by: an LP's own, an integer plan's LP relaxation, or its whole units. */
export type TrialPlan = "lp" | "relaxation" | "whole units";

/** Relative width at which the bisection stops. */
export const SCALE_PRECISION = 1e-3;
/** Largest scale tried before the search gives up (other limits stop the targets). */
export const MAX_SCALE = 100;

export interface MinBudgetConfidenceOptions {
  confidence: number;
  calibrationSeed: number;
  calibrationDraws?: number;
  solver?: SolverChoice;
  validation?: ValidationRequest;
  /** Each scale tried, whether it reached α, and which plan judged it (progress lines). */
  onTrial?: (scale: number, reached: boolean, plan: TrialPlan) => void;
  onRound?: (phase: Phase, round: number, c: Calibration) => void;
}

export interface MinBudgetConfidenceResult {
  /** optimal: λ found; unreachable: no λ up to MAX_SCALE; infeasible/error: from the deterministic solve. */
  status: "optimal" | "unreachable" | "infeasible" | "error";
  deterministic: MinBudgetResult;
  required: number[];
  trials: ScaleTrial[];
  /** The plan at λ* (or at the largest scale tried, when unreachable). */
  at: ScalePlan | null;
  /** The best plan at BELOW · λ*; null when there is none (belowNoPlan). */
  below: ScalePlan | null;
  /**
   * BELOW · λ* has no plan at all (λ* within 1 % of λ₀, and the budgets below λ₀ cannot pay what
   * any plan must, e.g. the tails of the years --from froze): that scale and what must give. It does
   * not reach α.
   */
  belowNoPlan: { scale: number; conflicts: Conflict[] } | null;
  rows: MinBudgetRow[];
  /**
   * min_budget_funding.csv: what each source pays per payment year in the plan of `at` (λ, or the
   * largest scale tried when unreachable) against the plain plan with today's budgets — the plan
   * plain min-budget compares with, so the two folders' tables share their `today_used_yuan`.
   */
  funding: MinBudgetFundingRow[];
  /** Unreachable: what stops each target that falls short at the largest scale. */
  limits: Limit[][];
  calibration: { seed: number; draws: number; rounds: number };
  /**
   * With --from: the first year scaled, the years before it kept at today's plan to the confidence
   * level (not today's plain plan, as plain min-budget keeps them), so λ₀ here can differ from
   * plain min-budget's λ. Null when nothing was kept.
   */
  keptBefore: number | null;
}

export async function minBudgetToConfidence(
  given: Scenario,
  uncertainty: Uncertainty,
  selection: BudgetSelection,
  options: MinBudgetConfidenceOptions,
): Promise<MinBudgetConfidenceResult> {
  const solver = options.solver ?? "auto";
  const draws = options.calibrationDraws ?? DEFAULT_CALIBRATION_DRAWS;
  const calibration = { seed: options.calibrationSeed, draws, rounds: 0 };
  // The plain plan with today's budgets, which min_budget_funding.csv compares with: planned once,
  // by the freeze below when --from asks for today's plan to α (it plans the plain one first).
  let plain: Promise<PlannedScenario> | null = null;
  const todaysPlan = () => (plain ??= planScenario(given, solver));
  // With --from, the years before it are today's plan to α, as at stress --confidence's 0 % level.
  const { scenario, notice } = await freezeBeforeSelection(given, selection.from, async (s) => {
    const sure = await planToConfidence(s, uncertainty, { confidence: options.confidence, calibrationSeed: options.calibrationSeed, calibrationDraws: draws, solver });
    plain ??= Promise.resolve(sure.plain);
    return sure.planned.solution;
  });
  const required = requiredLevels(scenario, options.confidence);
  const deterministic = await solveMinBudget(scenario, selection, { solver, freezePast: false, checkWholeUnits: false, funding: false });
  // Below λ₀ no plan meets the targets even in the planned world: the search's floor (λ₀ can be 0:
  // targets met without the selected money).
  const lambda0 = deterministic.status === "optimal" ? Math.max(deterministic.scales[0].scale, 1e-6) : 0;
  if (notice) deterministic.notices.push(notice);
  const keptBefore = scenario !== given && selection.from !== null ? selection.from : null;
  const result: MinBudgetConfidenceResult = { status: deterministic.status, deterministic, required, trials: [], at: null, below: null, belowNoPlan: null, rows: [], funding: [], limits: [], calibration, keptBefore };
  if (deterministic.status !== "optimal") return result;
  const pm = buildPlanningModel(scenario);
  const cs = ConfidenceSolver.open(pm, uncertainty, options.calibrationSeed, draws, solver);
  const selected = pm.ctx.index.budgetRows.filter((b) =>
    selectsBudget(selection, scenario.sources[b.source].id, { region: b.region, year: b.year, amount: pm.model.rows[b.row].ub * MONEY_UNIT }));
  const onRound = (phase: Phase, r: number, c: Calibration) => {
    calibration.rounds++;
    options.onRound?.(phase, r, c);
  };
  const plansTried: Trial[] = [];
  const atScale = async (scale: number, exact: boolean): Promise<Trial> => {
    await cs.setRowBounds(selected.map((b) => ({ index: b.row, lb: -Infinity, ub: scaledAmount(pm.model.rows[b.row].ub * MONEY_UNIT, scale) / MONEY_UNIT })));
    const scaled = scaleBudgets(scenario, selection, scale);
    const execution = buildPlanningModel(scaled);
    const wholeUnits = exact && cs.integer;
    const plan: TrialPlan = wholeUnits ? "whole units" : cs.integer ? "relaxation" : "lp";
    let c: Calibration;
    try {
      c = await cs.calibrate({ required, execution, relaxedOnly: !exact, onRound });
    } catch (e) {
      if (!(e instanceof NoMarginPlan)) throw e;
      // No plan at this scale: no target reaches α here. Why, in the words `simulate` would use.
      const noPlan = await conflictsOf(scaled, solver, e);
      options.onTrial?.(scale, false, plan);
      return { scale, wholeUnits, reached: false, calibration: null, noPlan, pm: execution };
    }
    // More money only loosens budget rows, so the plan of a smaller scale tried is a plan here too,
    // and with more money to execute it does no worse. This scale's own plan need not be as sure:
    // where budgets no longer pin the start years, the solver's vertex can start units late, when a
    // failed vote has no year left to try again (villages 99 % sure at today's budgets, 78 % at 100×).
    const smaller = plansTried.filter((t) => t.scale < scale && t.wholeUnits === wholeUnits);
    const best = smaller.reduce<Calibration | null>((b, t) => (!b || furtherThan(t.calibration!, b) ? t.calibration! : b), null);
    if (best && !c.status.every((s) => s === "reached" || s === "none")) {
      const carried = cs.rejudge(best, { required, execution });
      if (furtherThan(carried, c)) c = carried;
    }
    const reached = c.status.every((s) => s === "reached" || s === "none");
    options.onTrial?.(scale, reached, plan);
    const t = { scale, wholeUnits, reached, calibration: c, noPlan: null, pm: execution };
    plansTried.push(t);
    return t;
  };
  // Who pays in the plan of result.at; `rows` name the budgets scaled there (min_budget.csv's).
  const withFunding = async (rows: MinBudgetRow[]) => {
    const at = result.at!;
    const scale = at.scale.toFixed(4);
    const paid = fundingOfPlan(at.pm.ctx, at.calibration.primal, { en: `the plan at λ = ${scale}`, zh: `λ = ${scale} 时的方案` });
    deterministic.notices.push(...paid.notices);
    const today = await todaysPlan();
    result.funding = minBudgetFundingRows(scenario, rows, paid.funding, today.solution.status === "optimal" ? today.tables.funding : null);
    return result;
  };
  try {
    const trial = async (scale: number, exact: boolean) => {
      const t = await atScale(scale, exact);
      result.trials.push(trialRecord(t));
      return t;
    };
    // From λ₀, λ grows by 25 % until the plan reaches α, then bisection narrows [falls short,
    // reaches]; `last` is the least scale found to reach, or the largest tried when none does.
    const search = async (exact: boolean): Promise<{ reached: boolean; last: Trial }> => {
      let hi = await trial(lambda0, exact);
      let lo = hi.scale;
      while (!hi.reached) {
        if (hi.scale >= MAX_SCALE) return { reached: false, last: hi };
        lo = hi.scale;
        hi = await trial(Math.min(MAX_SCALE, hi.scale * 1.25), exact);
      }
      while (hi.scale - lo > SCALE_PRECISION * hi.scale) {
        const mid = await trial((lo + hi.scale) / 2, exact);
        if (mid.reached) hi = mid;
        else lo = mid.scale;
      }
      return { reached: true, last: hi };
    };
    let found = await search(false);
    // Integer plans search on the LP relaxation, whose plan is not the one reported (its vertex and
    // its fractional remainders, which fail in expectation, make it surer or less sure than whole
    // units): "no scale reaches" is the whole-unit plans' verdict, searched again in whole units.
    if (!found.reached && cs.integer) found = await search(true);
    let hi = found.last;
    // Integer plans found on the LP relaxation: the integer plan must reach α too.
    if (found.reached && cs.integer && !hi.wholeUnits) {
      hi = await trial(hi.scale, true);
      while (!hi.reached && hi.scale < MAX_SCALE) hi = await trial(hi.scale * 1.005, true);
    }
    if (!hi.reached) {
      result.status = "unreachable";
      result.at = planOf(hi, lambda0);
      result.limits = await cs.explain(result.at.calibration);
      return await withFunding(budgetRows(pm, hi.pm, scenario, selection, hi.scale, result.at.calibration.primal));
    }
    // The answer must fail 1 % lower. Plans are not monotone in money (each scale's margins are
    // calibrated anew; whole units round), so a scale the bisection passed over can reach every
    // level: then it is the answer, checked 1 % lower again, down to λ₀ at most.
    const searched = hi.scale;
    // Down to the search's own floor, λ₀; its 1 % less may have no plan (belowNoPlan).
    const settled = await settleBelow(hi, lambda0, (scale) => atScale(scale, cs.integer));
    for (const t of [...settled.passed, settled.below]) result.trials.push(trialRecord(t));
    hi = settled.at;
    const below = settled.below;
    if (hi.scale < searched) deterministic.notices.push(lowerScaleReaches(searched, hi.scale));
    result.status = "optimal";
    result.at = planOf(hi, lambda0);
    if (below.noPlan) result.belowNoPlan = { scale: below.scale, conflicts: below.noPlan };
    else result.below = planOf(below, lambda0);
    result.rows = budgetRows(pm, hi.pm, scenario, selection, hi.scale, result.at.calibration.primal);
  } finally {
    await cs.dispose();
  }
  if (options.validation) {
    for (const p of [result.at, result.below]) {
      if (!p) continue;
      const v = await validatePlanJointly({ pm: p.pm, primal: p.calibration.primal }, uncertainty, options.validation);
      p.validation = v.targets;
      p.allTargetsMet = v.all;
    }
  }
  return withFunding(result.rows);
}

/**
 * min_budget.csv's rows for the plan at the scale found: every selected budget today (the rows of
 * `todays`, the model of today's budgets) and at λ (`pm`, the execution model of the scaled ones).
 */
function budgetRows(todays: PlanningModel, pm: PlanningModel, scenario: Scenario, selection: BudgetSelection, scale: number, primal: Float64Array): MinBudgetRow[] {
  const namer = new Namer(scenario);
  const rows: MinBudgetRow[] = [];
  const money = budgetMoney(pm.ctx, primal); // the execution model's rows hold the scaled budgets
  for (const [k, b] of pm.ctx.index.budgetRows.entries()) {
    const source = scenario.sources[b.source];
    const today = todays.model.rows[b.row].ub * MONEY_UNIT;
    if (!selectsBudget(selection, source.id, { region: b.region, year: b.year, amount: today })) continue;
    rows.push(minBudgetRow(namer, source, b.region, b.year, today, scale, { used: money.used[k], carriedIn: money.carriedIn[k] }));
  }
  return rows.sort(byYearSourceRegion);
}
