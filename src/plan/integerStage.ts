/**
 * One stage of an integer plan, solved so that its gap is proven by a bound rather than by a long
 * branch-and-bound search (measurements in docs/solvers.md: HiGHS-WASM spends most of an integer
 * stage in root cut rounds, and on Guangdong in whole communities the smoothing MIP does not close
 * 0.1 % in 300 s):
 *   1. the LP relaxation (warm): a lower bound on the stage optimum;
 *   2. a neighbourhood MIP (RENS): integer columns boxed between the floor and ceiling of the LP
 *      solution, widened to include the previous stage's plan so the box is never empty — small
 *      and fast, started from that plan;
 *   3. if its plan is within the stage's gap of the LP bound, that proves it optimal within the gap
 *      and the stage is done; otherwise the full MIP runs, started from it.
 * The stage's gap: the scenario's `mip_gap` (relative), or `absGap` (e.g. half a unit of shortfall).
 */
import type { LinearModel, Stage } from "../model/types.js";
import type { ObjectiveSettings } from "../scenario/types.js";
import type { BoundChange, SessionSolveOptions, SolveResult, SolverSession } from "../solve/types.js";

/** Branch-and-bound nodes the neighbourhood search may use (its root node does most of the work). */
export const NEIGHBOURHOOD_NODES = 200;

export interface IntegerStageResult {
  result: SolveResult;
  /** The LP relaxation's optimum: a lower bound on the stage (null when it was not solved). */
  bound: number | null;
  /** How the plan was proven: by the LP bound after the neighbourhood search, or by the full MIP. */
  proof: "lp_bound" | "mip";
  /** The absolute precision it was solved to, where finer than the stage's own (Stage.fineAbsGap). */
  absGap?: number;
}

function stageGaps(stage: Stage, settings: ObjectiveSettings): { rel: number; abs: number } {
  return { rel: settings.mipGap, abs: stage.absGap ?? 0 };
}

/** True when `value` is within the stage's gap of `bound` (minimisation). */
export function withinGap(value: number, bound: number, gap: { rel: number; abs: number }): boolean {
  const excess = value - bound;
  return excess <= gap.abs + 1e-9 || excess <= gap.rel * Math.abs(value) + 1e-12;
}

/** Where an integer stage starts: warm or cold, and the previous stage's plan as a MIP start. */
export interface IntegerStageStart {
  start: SessionSolveOptions["start"];
  previous: Float64Array | null;
}

export async function solveIntegerStage(
  session: SolverSession,
  model: LinearModel,
  stage: Stage,
  settings: ObjectiveSettings,
  options: IntegerStageStart,
): Promise<IntegerStageResult> {
  return refined(session, stage, settings, await solveToGap(session, model, stage, settings, options));
}

/**
 * A stage that ended with its whole objective inside its absolute precision but above the finer one
 * (Stage.fineAbsGap: a households target 160 short where the smallest unit holds 450, and units of
 * 600 and 450 households can close it) is solved on from its plan to the finer precision. The rest
 * keep their plan: a shortfall of at least half a unit is a miss the coarse precision may report.
 */
async function refined(session: SolverSession, stage: Stage, settings: ObjectiveSettings, solved: IntegerStageResult): Promise<IntegerStageResult> {
  const { result, bound } = solved;
  const fine = stage.fineAbsGap;
  if (fine === undefined || bound === null || !session.persistent || result.status !== "optimal") return solved;
  if (result.objective - bound <= fine + 1e-9 || result.objective > (stage.absGap ?? 0) + 1e-9) return solved;
  // Within the stage's own time limit: what the first search left of it (the limit is per stage).
  const left = settings.timeLimitSeconds - result.seconds;
  if (left <= 0) return solved;
  const closer = await session.solve({ mipGap: settings.mipGap, mipAbsGap: fine, timeLimitSeconds: left, mipStart: result.primal });
  const seconds = result.seconds + closer.seconds;
  const better = (closer.status === "optimal" || closer.status === "time_limit") && closer.objective < result.objective - 1e-12;
  if (!better) return { ...solved, result: { ...result, seconds } };
  return { result: { ...closer, seconds }, bound, proof: "mip", absGap: fine };
}

async function solveToGap(
  session: SolverSession,
  model: LinearModel,
  stage: Stage,
  settings: ObjectiveSettings,
  options: IntegerStageStart,
): Promise<IntegerStageResult> {
  const gap = stageGaps(stage, settings);
  const mip: SessionSolveOptions = { mipGap: gap.rel, mipAbsGap: gap.abs || undefined, timeLimitSeconds: settings.timeLimitSeconds };
  if (!session.persistent) {
    const result = await session.solve({ ...mip, start: options.start, ...(options.previous ? { mipStart: options.previous } : {}) });
    return { result, bound: null, proof: "mip" };
  }
  await session.setIntegrality(false);
  const lp = await session.solve({ start: options.start, algorithm: options.previous ? "primal" : "choose" });
  await session.setIntegrality(true);
  if (lp.status !== "optimal") {
    // Infeasible or unbounded relaxation: so is the MIP; let the full solve say which, in its words.
    return { result: await session.solve({ ...mip, start: "cold" }), bound: null, proof: "mip" };
  }
  // A plan to hold from the first moment: the previous stage's, or the LP optimum's integer columns
  // rounded down (fewer units never break a budget or capacity) with the rest re-solved.
  const first = options.previous ?? (await roundedDownPlan(session, model, lp.primal));
  const box = neighbourhood(model, lp.primal, first);
  await session.setColBounds(box);
  // The neighbourhood search is bounded by nodes, not seconds, so the plan it finds is the same on
  // any machine; it stops as soon as its plan is within the gap of the LP bound (then proven).
  const target = lp.objective + Math.max(gap.abs, gap.rel * Math.abs(lp.objective));
  const local = await session.solve({ ...mip, nodeLimit: NEIGHBOURHOOD_NODES, objectiveTarget: target, ...(first ? { mipStart: first } : {}) });
  await session.setColBounds(box.map((c) => ({ index: c.index, lb: model.variables[c.index].lb, ub: model.variables[c.index].ub })));
  const best = local.status === "optimal" || local.status === "time_limit" ? local : first ? held(first, stage, local) : null;
  if (best && withinGap(best.objective, lp.objective, gap)) {
    return { result: { ...best, status: "optimal", mipGap: gapOf(best.objective, lp.objective) }, bound: lp.objective, proof: "lp_bound" };
  }
  const full = await session.solve({ ...mip, ...(best ? { mipStart: best.primal } : {}) });
  const seconds = full.seconds + local.seconds + lp.seconds;
  if (full.status === "error" && best) return { result: { ...best, status: "time_limit", seconds, message: full.message }, bound: lp.objective, proof: "mip" };
  return { result: { ...full, seconds }, bound: lp.objective, proof: "mip" };
}

/** A plan the search was given but did not improve on before its limit, as a result. */
function held(plan: Float64Array, stage: Stage, local: SolveResult): SolveResult {
  let objective = 0;
  for (const t of stage.objective) objective += t.c * plan[t.v];
  return { status: "time_limit", objective, primal: plan, duals: null, solver: local.solver, seconds: local.seconds, message: local.message };
}

/** The LP optimum with integer columns rounded down and the continuous ones re-solved; null if infeasible. */
async function roundedDownPlan(session: SolverSession, model: LinearModel, lp: Float64Array): Promise<Float64Array | null> {
  const integers = model.variables.flatMap((v, j) => (v.integer ? [j] : []));
  await session.setColBounds(integers.map((j) => {
    const x = Math.max(model.variables[j].lb, Math.floor(lp[j] + 1e-9));
    return { index: j, lb: x, ub: x };
  }));
  await session.setIntegrality(false);
  const plan = await session.solve({ start: "warm" });
  await session.setIntegrality(true);
  await session.setColBounds(integers.map((j) => ({ index: j, lb: model.variables[j].lb, ub: model.variables[j].ub })));
  return plan.status === "optimal" ? plan.primal : null;
}

/** Integer columns boxed to [floor, ceil] of the LP value, widened to the previous plan's value. */
function neighbourhood(model: LinearModel, lp: Float64Array, previous: Float64Array | null): BoundChange[] {
  const out: BoundChange[] = [];
  model.variables.forEach((v, j) => {
    if (!v.integer) return;
    let lb = Math.floor(lp[j] + 1e-9);
    let ub = Math.ceil(lp[j] - 1e-9);
    if (previous) {
      lb = Math.min(lb, Math.round(previous[j]));
      ub = Math.max(ub, Math.round(previous[j]));
    }
    out.push({ index: j, lb: Math.max(v.lb, lb), ub: Math.min(v.ub, ub) });
  });
  return out;
}

function gapOf(value: number, bound: number): number {
  return value === 0 ? 0 : Math.max(0, (value - bound) / Math.abs(value));
}
