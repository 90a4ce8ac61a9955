/**
 * One stage's duals for the stage runner, with ranges and rhs sensitivities when asked: from the
 * stage's own solve when it is an LP, else from the LP relaxation of the stage model; a one-shot
 * solver without duals (jslp) hands that LP to a HiGHS session.
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
  if (!integer && result.duals) return { duals: result.duals, ...(await extras(from.session, wants)) };
  const session = from.session.persistent ? from.session : newHighsSession();
  if (session === from.session) await session.setIntegrality(false);
  else await session.load(relaxIntegers(stageModel(from.problem, i, optima, from.model())));
  try {
    const relaxed = await session.solve({ start: "warm" });
    if (relaxed.status !== "optimal" || !relaxed.duals) return NONE;
    return { duals: relaxed.duals, ...(await extras(session, wants)) };
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
