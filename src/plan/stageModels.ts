/**
 * Turns the planning model into the linear model each lexicographic stage solves: the base rows,
 * one `stage_fix` row per earlier stage holding its optimum within the tolerance, and this stage's
 * objective. Also the LP relaxation used for duals of integer plans.
 */
import type { PlanningModel } from "../model/build.js";
import type { LinearModel, Row, Term } from "../model/types.js";
import type { ObjectiveSettings } from "../scenario/types.js";

export interface StageOptimum {
  objective: Term[];
  value: number;
  stage: string;
}

export function stageModel(pm: PlanningModel, stage: number, earlier: StageOptimum[]): LinearModel {
  const base = pm.ctx.model;
  const fixes: Row[] = earlier.map((o) => fixRow(o, pm.ctx.scenario.objective));
  return {
    variables: base.variables,
    rows: [...base.rows, ...fixes],
    objective: pm.stages[stage].objective,
    objectiveConstant: 0,
  };
}

/** Σ objective ≤ optimum + rel·|optimum| + abs: the earlier stage's result may not get worse. */
export function fixRow(o: StageOptimum, settings: ObjectiveSettings): Row {
  const slack = settings.relTolerance * Math.abs(o.value) + settings.absTolerance;
  return { ref: { family: "stage_fix", stage: o.stage }, terms: o.objective, lb: -Infinity, ub: o.value + slack };
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
