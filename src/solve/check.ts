/** Evaluate a primal point against a model: used to verify solver output and in tests. */
import { rowName, variableName } from "../model/names.js";
import type { LinearModel, Term } from "../model/types.js";
import type { SolveResult, SolveStatus } from "./types.js";

export function dot(terms: Term[], x: ArrayLike<number>): number {
  let s = 0;
  for (const t of terms) s += t.c * x[t.v];
  return s;
}

export function objectiveAt(model: LinearModel, x: ArrayLike<number>): number {
  return model.objectiveConstant + dot(model.objective, x);
}

/**
 * Largest violation of any row or variable bound, each scaled by max(1, |bound|) so that a 1e9-yuan
 * budget row is judged relatively and a 0-rhs balance row absolutely.
 */
export function maxViolation(model: LinearModel, x: ArrayLike<number>): { violation: number; where: string } {
  let worst = { violation: 0, where: "" };
  const note = (amount: number, bound: number, where: string) => {
    const scaled = amount / Math.max(1, Math.abs(bound));
    if (scaled > worst.violation) worst = { violation: scaled, where };
  };
  for (const r of model.rows) {
    const a = dot(r.terms, x);
    if (a < r.lb) note(r.lb - a, r.lb, `row ${rowName(r)}`);
    if (a > r.ub) note(a - r.ub, r.ub, `row ${rowName(r)}`);
  }
  model.variables.forEach((v, j) => {
    if (x[j] < v.lb) note(v.lb - x[j], v.lb, `variable ${variableName(v)}`);
    if (x[j] > v.ub) note(x[j] - v.ub, v.ub, `variable ${variableName(v)}`);
    if (v.integer && Math.abs(x[j] - Math.round(x[j])) > 1e-6) note(Math.abs(x[j] - Math.round(x[j])), 0, `integrality of ${variableName(v)}`);
  });
  return worst;
}

/** A result without a solution (infeasible, unbounded, error) for a model of `columns` columns. */
export function noSolution(
  columns: number,
  solver: string,
  status: SolveStatus,
  seconds: number,
  message?: string,
): SolveResult {
  return {
    status,
    objective: status === "infeasible" ? Infinity : status === "unbounded" ? -Infinity : NaN,
    primal: new Float64Array(columns),
    duals: null,
    solver,
    seconds,
    ...(message ? { message } : {}),
  };
}

export function secondsSince(startMs: number): number {
  return (performance.now() - startMs) / 1000;
}
