/**
 * One stage's duals for the stage runner, with ranges and rhs sensitivities when asked: from the
 * stage's own solve when it is an LP, else from the LP relaxation of the stage model; a one-shot
 * solver (jslp) hands that LP to a HiGHS session when ranges or responses are wanted.
 */
import type { LinearModel, StagedProblem } from "../model/types.js";
import { newHighsSession } from "../solve/newHighsSession.js";
import type { SolveResult, SolverSession } from "../solve/types.js";
import type { StageDuals } from "./lexSensitivity.js";
import { relaxIntegers, type StageOptimum, stageModel } from "./stageModels.js";

/** The runner's session and problem; `model` gives the base model as the session holds it now. */
export interface DualsSource {
  session: SolverSession;
  problem: StagedProblem;
  model: () => LinearModel;
}

export interface DualsWanted {
  ranging: boolean;
  /** Columns whose response to every row bound is wanted (rows of B⁻¹). */
  columns: number[];
}

const NONE: StageDuals = { duals: null, ranges: null, sensitivity: null };

export async function stageDuals(
  from: DualsSource,
  i: number,
  optima: StageOptimum[],
  result: SolveResult,
  integer: boolean,
  wants: DualsWanted,
): Promise<StageDuals> {
  if (result.status === "time_limit") return NONE;
  // A one-shot solver's duals come without ranges or B⁻¹ rows (jslp under `auto` on a tiny plan):
  // when those are wanted, HiGHS re-solves the stage LP and gives all three from one basis. Its
  // duals are duals of the same LP, so they fit the plan found (complementary slackness holds for
  // any pair of optima), and the ranges fit its duals; jslp's alone, at a degenerate vertex, priced
  // a budget of 0 that a re-plan with more of it showed to be worth nothing.
  const extrasWanted = wants.ranging || wants.columns.length > 0;
  if (!integer && result.duals && (from.session.persistent || !extrasWanted)) return { duals: result.duals, ...(await extras(from.session, wants)) };
  const session = from.session.persistent ? from.session : newHighsSession();
  if (session === from.session) await session.setIntegrality(false);
  else await session.load(relaxIntegers(stageModel(from.problem, i, optima, from.model())));
  try {
    const relaxed = await session.solve({ start: "warm" });
    // Should HiGHS not re-solve it, the one-shot solve's duals (if any) still price the plan.
    if (relaxed.status !== "optimal" || !relaxed.duals) return !integer && result.duals ? { duals: result.duals, ranges: null, sensitivity: null } : NONE;
    return { duals: relaxed.duals, ...(await extras(session, wants)), relaxed: integer ? relaxed.primal : null };
  } finally {
    if (session === from.session) await session.setIntegrality(true);
    else await session.dispose();
  }
}

/** Ranges and rhs sensitivities of the LP just solved in `session`. */
async function extras(session: SolverSession, wants: DualsWanted): Promise<Omit<StageDuals, "duals">> {
  return {
    ranges: wants.ranging ? await session.rowRanges() : null,
    sensitivity: wants.columns.length > 0 ? await session.rhsSensitivity(wants.columns) : null,
  };
}
