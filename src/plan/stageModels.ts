/**
 * The linear model each lexicographic stage solves, as a standalone model (for export, audit and
 * diagnosis): the base rows, one `stage_fix` row per earlier stage holding its optimum within the
 * tolerance, and this stage's objective. The stage runner (stagedSession.ts) holds the same rows
 * in one solver session instead of rebuilding them.
 */
import type { LinearModel, Row, StagedProblem, Term } from "../model/types.js";
import type { ObjectiveSettings } from "../scenario/types.js";

export interface StageOptimum {
  objective: Term[];
  value: number;
  stage: string;
}

export function stageModel(problem: StagedProblem, stage: number, earlier: StageOptimum[], base: LinearModel = problem.model): LinearModel {
  return {
    variables: base.variables,
    rows: [...base.rows, ...earlier.slice(0, stage).map((o) => fixRow(o, problem.settings))],
    objective: problem.stages[stage].objective,
    objectiveConstant: 0,
  };
}

/**
 * An optimum this close to 0 is 0: HiGHS's primal feasibility tolerance (docs/solvers.md), below
 * which a solved plan's stage objective is rounding in the basis, not a shortfall.
 */
export const ZERO_OPTIMUM = 1e-9;

/**
 * Σ objective ≤ optimum + rel·|optimum| + abs: the earlier stage's result may not get worse. An
 * integer stage is held the same way, to the value its plan reached, not to its gap: the gap's
 * slack let a later stage give back part of a target (docs/model.md, "Integer stages").
 * An optimum of 0 (every target met, nothing to smooth) is held at exactly 0: the tolerance there
 * only let the cost stage buy back a hair of a met target (a plan of 49.999995 units for a target
 * of 50), and the plan that reached 0 satisfies the exact hold.
 */
export function fixRow(o: StageOptimum, settings: ObjectiveSettings): Row {
  const ub = Math.abs(o.value) <= ZERO_OPTIMUM ? 0 : o.value + settings.relTolerance * Math.abs(o.value) + settings.absTolerance;
  return { ref: { family: "stage_fix", stage: o.stage }, terms: o.objective, lb: -Infinity, ub };
}

export function relaxIntegers(model: LinearModel): LinearModel {
  if (!model.variables.some((v) => v.integer)) return model;
  return { ...model, variables: model.variables.map((v) => (v.integer ? { ...v, integer: false } : v)) };
}

export function isInteger(model: LinearModel): boolean {
  return model.variables.some((v) => v.integer);
}

/** Objective value of terms at a primal point (used to report stage optima consistently). */
export function evaluate(terms: Term[], primal: Float64Array): number {
  let s = 0;
  for (const t of terms) s += t.c * primal[t.v];
  return s;
}
