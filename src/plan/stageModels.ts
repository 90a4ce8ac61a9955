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
 * Σ objective ≤ optimum + rel·|optimum| + abs: the earlier stage's result may not get worse. An
 * integer stage is held the same way, to the value its plan reached, not to its gap: the gap's
 * slack let a later stage give back part of a target (docs/model.md, "Integer stages").
 */
export function fixRow(o: StageOptimum, settings: ObjectiveSettings): Row {
  const tolerance = settings.relTolerance * Math.abs(o.value) + settings.absTolerance;
  return { ref: { family: "stage_fix", stage: o.stage }, terms: o.objective, lb: -Infinity, ub: o.value + tolerance };
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
