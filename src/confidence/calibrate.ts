/**
 * Calibrates the planning margins L_t (docs/confidence.md, "Method"). Each round re-solves the
 * warm margin problem with the current margins, executes the plan in every world of the fixed
 * calibration sample and, for each target that does not yet show P(met) ≥ α_t, raises its
 * margin to what the sample says it needs:
 *
 *   r_k   = (realised_k − c) / (planned − c)        how much of the planned value draw k delivers
 *   q     = the m*-th largest r_k                   m* = fewest met draws that pass α (criterion.ts)
 *   L_t  ← max(L_t + step, c + (at_least − c) / q)
 *
 * — the margin at which m* draws would meet the target if every draw kept delivering the same
 * share of the plan. Margins only rise, so the search ends: when every target passes, or cannot
 * rise further because the plan no longer reaches its margin (it is held by budgets, capacity or
 * stock: "limited"), or after MAX_ROUNDS. Targets with α = 0 keep L = at_least.
 */
import type { PlanningModel } from "../model/build.js";
import { buildExecutionPlan } from "../montecarlo/executionPlan.js";
import type { StagedSession } from "../plan/stagedSession.js";
import { SolverFailure } from "../errors.js";
import { metCount } from "../montecarlo/tables.js";
import type { CalibrationSample } from "./calibrationSample.js";
import { metNeeded, passes } from "./criterion.js";
import { type MarginProblem, marginBounds, plannedValues } from "./marginProblem.js";

export const MAX_ROUNDS = 30;

export type TargetStatus = "reached" | "limited" | "sample_too_small" | "not_converged" | "none";

export interface Calibration {
  /** Per target (scenario order): the planned value the plan aims at. */
  levels: Float64Array;
  /** The accepted plan (a point of the margin problem). */
  primal: Float64Array;
  planned: Float64Array;
  met: number[];
  draws: number;
  status: TargetStatus[];
  rounds: number;
}

export interface CalibrateOptions {
  /** Required probability per target (0: none). */
  required: number[];
  /** Margins never go below these (default: each target's at_least). */
  floor?: ArrayLike<number>;
  /** Margins start here (default: the floor). */
  start?: ArrayLike<number>;
  /** Targets already known to be limited (their margin is frozen at its start). */
  limited?: boolean[];
  /** The planning model whose scenario the plan is executed under (default the margin problem's). */
  execution?: PlanningModel;
  /** Called after every round (progress). */
  onRound?: (round: number, calibration: Calibration) => void;
}

export async function calibrate(session: StagedSession, mp: MarginProblem, sample: CalibrationSample, options: CalibrateOptions): Promise<Calibration> {
  const targets = mp.pm.ctx.scenario.targets;
  const floor = (i: number) => Math.max(targets[i].atLeast, options.floor?.[i] ?? 0);
  const levels = Float64Array.from(targets, (_, i) => Math.max(floor(i), options.start?.[i] ?? 0));
  const limited = targets.map((_, i) => options.limited?.[i] ?? false);
  for (let round = 1; ; round++) {
    const c = await evaluateLevels(session, mp, sample, levels, { ...options, limited }, round);
    options.onRound?.(round, c);
    const failing = c.status.flatMap((s, i) => (s === "not_converged" ? [i] : []));
    const newlyLimited = c.status.flatMap((s, i) => (s === "limited" && !limited[i] ? [i] : []));
    if ((failing.length === 0 && newlyLimited.length === 0) || round >= MAX_ROUNDS) return c;
    levels.set(raisedLevels(mp, c, options.required));
    freezeLimited(mp, c, levels, limited);
  }
}

/**
 * A margin the plan cannot reach is lowered to what it reaches and frozen there, so the margin
 * stage holds every limited target at its best at once (and stays easy for integer plans).
 * Updates `levels` and `limited`; returns whether a target was newly frozen.
 */
export function freezeLimited(mp: MarginProblem, c: Calibration, levels: Float64Array, limited: boolean[]): boolean {
  const targets = mp.pm.ctx.scenario.targets;
  let frozen = false;
  c.status.forEach((s, i) => {
    if (s !== "limited" || limited[i]) return;
    limited[i] = true;
    levels[i] = Math.max(targets[i].atLeast, c.planned[i]);
    frozen = true;
  });
  return frozen;
}

/**
 * The margin problem has no plan at all. Its margin rows are soft, so it has one wherever the plain
 * plan has one: for a plan, a frontier level or a stress level (each planned plainly first) this
 * is an internal failure, as its base class says. Only min-budget's search changes the budgets on
 * the margin problem without a plain plan first, and reads this as "no plan at this scale"
 * (minBudgetConfidence.ts).
 */
export class NoMarginPlan extends SolverFailure {
  constructor(status: string) {
    super(`confidence planning: the plan with margins could not be solved (${status})`);
  }
}

/** Solves with the given margins and executes the plan on the calibration sample. */
export async function evaluateLevels(
  session: StagedSession,
  mp: MarginProblem,
  sample: CalibrationSample,
  levels: Float64Array,
  options: Pick<CalibrateOptions, "required" | "execution" | "limited">,
  rounds = 1,
): Promise<Calibration & { realised: Float64Array[] }> {
  await session.setRowBounds(marginBounds(mp, levels));
  const run = await session.run({ duals: false });
  if (run.status === "infeasible") throw new NoMarginPlan(run.message ?? run.status);
  if (run.status !== "optimal") throw new SolverFailure(`confidence planning: the plan with margins could not be solved (${run.message ?? run.status})`);
  return { ...judge(mp, sample, levels, run.primal, options), rounds };
}

/** Executes a plan on the calibration sample and says, per target, where it stands. */
export function judge(
  mp: MarginProblem,
  sample: CalibrationSample,
  levels: Float64Array,
  primal: Float64Array,
  options: Pick<CalibrateOptions, "required" | "execution" | "limited">,
): Calibration & { realised: Float64Array[] } {
  const targets = mp.pm.ctx.scenario.targets;
  const planned = plannedValues(mp, primal);
  const realised = sample.realised(buildExecutionPlan({ pm: options.execution ?? mp.pm, primal }));
  const met = targets.map((t, i) => metCount(realised[i], t.atLeast));
  const status = targets.map((_, i): TargetStatus => {
    const alpha = options.required[i];
    if (alpha <= 0) return "none";
    if (passes(met[i], sample.draws, alpha)) return "reached";
    if (metNeeded(sample.draws, alpha) > sample.draws) return "sample_too_small";
    if (options.limited?.[i]) return "limited";
    return planned[i] < levels[i] - reachTolerance(levels[i]) ? "limited" : "not_converged";
  });
  return { levels: Float64Array.from(levels), primal, planned, met, draws: sample.draws, status, rounds: 0, realised };
}

/** The margins after one round: every target still failing (`not_converged`) raised by the ratio rule. */
export function raisedLevels(mp: MarginProblem, c: Calibration & { realised: Float64Array[] }, required: number[]): Float64Array {
  return Float64Array.from(c.levels, (level, i) => (c.status[i] === "not_converged" ? nextLevel(mp, i, c, required[i]) : level));
}

/** The margin a failing target needs by the ratio rule above. */
function nextLevel(mp: MarginProblem, t: number, c: Calibration & { realised: Float64Array[] }, alpha: number): number {
  const target = mp.pm.ctx.scenario.targets[t];
  const constant = mp.constant[t];
  const planned = c.planned[t] - constant;
  const current = c.levels[t];
  const step = minStep(mp, t);
  // Nothing of the target's own is planned yet: ask for a first 5 % more.
  if (!(planned > 1e-9)) return current + Math.max(step, 0.05 * target.atLeast);
  const ratios = Float64Array.from(c.realised[t], (v) => (v - constant) / planned).sort().reverse();
  const q = ratios[metNeeded(c.draws, alpha) - 1];
  const want = q > 1e-9 ? constant + (target.atLeast - constant) / q : current * 1.25;
  return Math.max(current + step, want);
}

/** The smallest rise worth a round: one unit for whole units, else a ten-thousandth of the target. */
function minStep(mp: MarginProblem, t: number): number {
  const target = mp.pm.ctx.scenario.targets[t];
  const integer = mp.pm.ctx.scenario.programs.find((p) => p.id === target.program)?.integer ?? false;
  return integer && !target.metric.startsWith("households") ? 1 : 1e-4 * target.atLeast;
}

/** A plan "reaches" a margin when it falls short of it by no more than this. */
function reachTolerance(level: number): number {
  return 1e-6 * Math.max(1, Math.abs(level));
}
