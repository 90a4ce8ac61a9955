/**
 * Reading a finished HiGHS run into a SolveResult: an optimum (duals for an LP), an objective
 * target reached, or a limit hit with the best point kept when it is feasible.
 */
import type { Model } from "highs";
import type { LinearModel } from "../model/types.js";
import { maxViolation, secondsSince } from "./check.js";
import { statusName } from "./highsStatus.js";
import type { SolveResult } from "./types.js";

const FEASIBLE = 2; // info primal_solution_status
const SOLVER = "highs";

/** What a reader needs to know about the session besides the run itself. */
export interface RunShape {
  /** Integer solve: no duals, a MIP gap to report. */
  mip: boolean;
  columns: number;
  /** The model's rows as loaded, to check a kept point against; null when rows were appended since. */
  check: LinearModel | null;
}

export function optimalResult(m: Model, start: number, shape: RunShape): SolveResult {
  const sol = m.getSolution();
  return {
    status: "optimal",
    objective: m.getObjectiveValue(),
    primal: Float64Array.from(sol.colValue),
    duals: shape.mip ? null : Float64Array.from(sol.rowDual, (d) => d + 0), // no -0 in reports
    solver: SOLVER,
    seconds: secondsSince(start),
    ...(shape.mip ? { mipGap: Number(m.info.get("mip_gap")) } : {}),
  };
}

/** Objective target reached: a plan as good as asked for (no duals: it is not an optimum). */
export function targetReachedResult(m: Model, start: number): SolveResult {
  return { status: "optimal", objective: m.getObjectiveValue(), primal: Float64Array.from(m.getSolution().colValue), duals: null, solver: SOLVER, seconds: secondsSince(start) };
}

/** At a time, iteration or node limit: keep the best point when it is feasible (an integer incumbent). */
export function limitedResult(m: Model, start: number, shape: RunShape): SolveResult {
  const feasible = Number(m.info.get("primal_solution_status")) === FEASIBLE;
  const primal = feasible ? Float64Array.from(m.getSolution().colValue) : new Float64Array(shape.columns);
  const result: SolveResult = {
    status: "error", objective: NaN, primal, duals: null, solver: SOLVER, seconds: secondsSince(start), message: `HiGHS status: ${statusName(m.getModelStatus())}`,
  };
  if (!feasible) return result;
  if (shape.check && maxViolation(shape.check, primal).violation > 1e-6) return result;
  return {
    ...result,
    status: "time_limit",
    objective: m.getObjectiveValue(),
    message: `${statusName(m.getModelStatus()).toLowerCase()}; best feasible point kept`,
    ...(shape.mip ? { mipGap: Number(m.info.get("mip_gap")) } : {}),
  };
}
