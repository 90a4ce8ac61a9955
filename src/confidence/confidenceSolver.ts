/**
 * One margin problem held warm for a whole confidence run (a plan, every level of a frontier, every
 * scale of a min-budget search): the calibration sample, the solver session(s), and the steps
 * every command shares — calibrate (calibrate.ts; integer plans on their LP relaxation first, then
 * on the integer model), explain the targets that fall short (limits.ts), and the final solve with
 * duals for the results tables.
 */
import type { PlanningModel } from "../model/build.js";
import type { Uncertainty } from "../montecarlo/types.js";
import { type PlanSolution, solveInSession } from "../plan/solvePlan.js";
import { StagedSession } from "../plan/stagedSession.js";
import { relaxIntegers } from "../plan/stageModels.js";
import type { SolverChoice } from "../solve/auto.js";
import type { BoundChange } from "../solve/types.js";
import { type CalibrateOptions, type Calibration, calibrate, freezeLimited, judge, MAX_ROUNDS, raisedLevels } from "./calibrate.js";
import { CalibrationSample } from "./calibrationSample.js";
import { type Limit, limitsOf } from "./limits.js";
import { buildMarginProblem, marginBounds, type MarginProblem } from "./marginProblem.js";

export type Phase = "relaxed" | "exact";

/** A relaxation's count within this of a whole number reaches it (wholeLevels). */
const RELAXED_WHOLE_TOLERANCE = 1e-4;

export class ConfidenceSolver {
  private constructor(
    readonly mp: MarginProblem,
    readonly sample: CalibrationSample,
    private readonly exact: StagedSession,
    private readonly relaxed: StagedSession,
    readonly integer: boolean,
  ) {}

  static open(pm: PlanningModel, uncertainty: Uncertainty, seed: number, draws: number, solver: SolverChoice): ConfidenceSolver {
    const mp = buildMarginProblem(pm);
    const sample = new CalibrationSample(mp.pm.ctx, uncertainty, seed, draws);
    const integer = mp.pm.model.variables.some((v) => v.integer);
    const exact = StagedSession.open(mp.pm, solver);
    const relaxed = integer ? StagedSession.open({ ...mp.pm, model: relaxIntegers(mp.pm.model) }, solver) : exact;
    return new ConfidenceSolver(mp, sample, exact, relaxed, integer);
  }

  /** The session of the plan reported (the integer model for whole-unit plans). */
  get exactSession(): StagedSession {
    return this.exact;
  }

  /** Sets the margins the next solve of the reported model aims at. */
  async setMarginLevels(levels: ArrayLike<number>): Promise<void> {
    await this.exact.setRowBounds(marginBounds(this.mp, levels));
  }

  /** Changes row bounds of the planning model in every session (e.g. scaled budgets). */
  async setRowBounds(changes: BoundChange[]): Promise<void> {
    await this.exact.setRowBounds(changes);
    if (this.relaxed !== this.exact) await this.relaxed.setRowBounds(changes);
  }

  /**
   * Calibrates the margins. Integer plans calibrate on the LP relaxation (fast; execution draws the
   * whole part of a fractional plan unit by unit, the rest in expectation), then — unless `relaxedOnly`, when the caller's final solve finishes the
   * job (finalPlan) — on the integer model from there.
   */
  async calibrate(options: Omit<CalibrateOptions, "onRound"> & { relaxedOnly?: boolean; onRound?: (phase: Phase, round: number, c: Calibration) => void }): Promise<Calibration> {
    const on = (phase: Phase) => (r: number, c: Calibration) => options.onRound?.(phase, r, c);
    const first = await calibrate(this.relaxed, this.mp, this.sample, { ...options, onRound: on(this.integer ? "relaxed" : "exact") });
    if (!this.integer) return first;
    const whole = { ...first, levels: this.wholeLevels(first) };
    if (options.relaxedOnly) return whole;
    return calibrate(this.exact, this.mp, this.sample, { ...options, start: whole.levels, limited: limitedOf(first), onRound: on("exact") });
  }

  /**
   * The plan with duals (for the results tables), judged on the calibration sample: it is the plan
   * reported, and it may be another optimal vertex than the calibrated one (whole-unit plans have
   * many, which differ in when and where units start, and so in what slips and failed votes take).
   * Should a target fall short on it, its margin is raised by the ratio rule on this plan's own
   * draws and the plan solved again — re-calibrating on solves without duals could land back on the
   * vertex that passed and never move the margin.
   */
  async finalPlan(c: Calibration, options: Pick<CalibrateOptions, "required" | "execution" | "onRound">): Promise<{ solution: PlanSolution; calibration: Calibration }> {
    let levels = c.levels;
    const limited = limitedOf(c);
    for (let round = 0; ; round++) {
      await this.exact.setRowBounds(marginBounds(this.mp, levels));
      const solution = await solveInSession(this.exact, this.mp.pm, { duals: true });
      if (solution.status !== "optimal") return { solution, calibration: { ...c, levels } };
      const judged = { ...judge(this.mp, this.sample, levels, solution.primal, { ...options, limited }), rounds: c.rounds + round };
      // Rounds are counted (run.json, progress) only where the final solve had to move a margin.
      if (round > 0) options.onRound?.(round, judged);
      const failing = judged.status.includes("not_converged");
      const next = raisedLevels(this.mp, judged, options.required);
      // As in calibrate(): a margin the plan stopped reaching is frozen at what it reaches.
      const frozen = freezeLimited(this.mp, judged, next, limited);
      if ((!failing && !frozen) || round + 1 >= MAX_ROUNDS) return { solution, calibration: judged };
      levels = next;
    }
  }

  /**
   * The plan of `c` (a point of the margin problem, e.g. of a smaller budget scale) executed on the
   * calibration sample under `execution`'s scenario, judged against its own margins.
   */
  rejudge(c: Calibration, options: Pick<CalibrateOptions, "required" | "execution">): Calibration {
    return { ...judge(this.mp, this.sample, c.levels, c.primal, { ...options, limited: limitedOf(c) }), rounds: c.rounds };
  }

  /**
   * For each target that falls short of its level: the limits that hold its plan, from one solve
   * (the LP, or the LP relaxation of an integer plan) with those targets' margins 5 % out of reach.
   */
  async explain(c: Calibration): Promise<Limit[][]> {
    const out: Limit[][] = c.status.map(() => []);
    const short = c.status.flatMap((s, i) => (s === "limited" || s === "not_converged" || s === "sample_too_small" ? [i] : []));
    if (short.length === 0) return out;
    const levels = Float64Array.from(c.levels, (l, i) => (short.includes(i) ? Math.max(l, c.planned[i]) * 1.05 + 1e-6 : l));
    await this.relaxed.setRowBounds(marginBounds(this.mp, levels));
    const run = await this.relaxed.run({ duals: true, sensitivity: short.map((i) => this.mp.marginSlack[i]) });
    if (run.status !== "optimal" || !run.sensitivity) return out;
    short.forEach((t, k) => (out[t] = limitsOf(this.mp.pm.model, this.mp.pm.ctx.scenario, run.sensitivity![k], this.mp.marginRow[t])));
    return out;
  }

  async dispose(): Promise<void> {
    await this.exact.dispose();
    if (this.relaxed !== this.exact) await this.relaxed.dispose();
  }

  /**
   * A frozen margin found on the relaxation is rounded down to what whole units reach. The LP's
   * value at a limit is that limit only to its tolerances: 14 construction sites gave 13.9999984
   * villages, which floored to 13 froze the whole-unit plan one village short (76.9 % where 14
   * villages were 99 % sure).
   */
  private wholeLevels(c: Calibration): Float64Array {
    const targets = this.mp.pm.ctx.scenario.targets;
    return Float64Array.from(c.levels, (l, i) => (c.status[i] === "limited" ? Math.max(targets[i].atLeast, Math.floor(l + RELAXED_WHOLE_TOLERANCE)) : l));
  }
}

export function limitedOf(c: Calibration): boolean[] {
  return c.status.map((s) => s === "limited");
}
