/**
 * javascript-lp-solver adapter. jslp knows only x >= 0 (or `unrestricted`) columns and rows with
 * min/max/equal, so the model is translated:
 * - a fixed column (lb = ub) is substituted out as a constant;
 * - a column with finite lb is shifted, x = lb + x' with x' >= 0 (integers shift by ceil(lb), which
 *   keeps x' integral); a column with lb = -inf is `unrestricted`;
 * - a finite ub becomes a one-term row `x' <= ub - shift`;
 * - a row without terms is checked directly (0 within its bounds, else infeasible).
 * jslp gives no duals (`duals: null`). Its simplex is a plain dense tableau that can return a wrong
 * point or cycle for ever on degenerate models, so (1) it runs in a worker thread that is killed at the
 * time limit (default `DEFAULT_TIME_LIMIT_S`), and (2) the returned point is checked against every row
 * and bound: a violation above 1e-6 (relative) is reported as status "error", never as "optimal".
 * Primal values are read unrounded from jslp's final tableau (its own answer is rounded to `PRECISION`).
 */
import { rowName } from "../model/names.js";
import type { ModelDefinition } from "javascript-lp-solver";
import type { LinearModel } from "../model/types.js";
import { mergeTerms } from "../model/context.js";
import { assertFiniteModel, finiteOrInf } from "../model/exportLp.js";
import type { SolveOptions, SolveResult, SolverAdapter } from "./types.js";
import { maxViolation, noSolution, objectiveAt, secondsSince } from "./check.js";
import { JslpWorker } from "./jslpWorker.js";

type JslpModel = ModelDefinition;
type Bound = { min?: number; max?: number; equal?: number };

/** Tableau precision passed to jslp: chosen by sweep (docs/solvers.md); smaller values made it cycle. */
export const PRECISION = 1e-7;
export const DEFAULT_TIME_LIMIT_S = 60;
const FEASIBILITY_TOLERANCE = 1e-6;
const OBJECTIVE = "__objective";

export interface Translation {
  jslp: JslpModel;
  /** Value added to each column: x = shift + x'. */
  shift: Float64Array;
  /** False for a fixed column, substituted out of the jslp model. */
  present: boolean[];
  /** A row that is infeasible on its own (no terms, 0 outside its bounds). */
  infeasibleRow: string | null;
}

export interface JslpAdapterOptions {
  /** Time limit when the caller gives none (seconds). */
  defaultTimeLimitSeconds?: number;
  precision?: number;
}

export class JslpAdapter implements SolverAdapter {
  readonly name = "jslp";
  private readonly worker = new JslpWorker();
  private readonly defaultTimeLimit: number;
  private readonly precision: number;

  constructor(options: JslpAdapterOptions = {}) {
    this.defaultTimeLimit = options.defaultTimeLimitSeconds ?? DEFAULT_TIME_LIMIT_S;
    this.precision = options.precision ?? PRECISION;
  }

  /** Stops the worker thread (it restarts on the next solve). */
  close(): Promise<void> {
    return this.worker.close();
  }

  async solve(model: LinearModel, options: SolveOptions = {}): Promise<SolveResult> {
    const start = performance.now();
    const fail = (status: "infeasible" | "unbounded" | "error", message?: string) =>
      noSolution(model.variables.length, this.name, status, secondsSince(start), message);
    try {
      assertFiniteModel(model);
    } catch (e) {
      return fail("error", (e as Error).message);
    }
    const t = translate(model, options);
    if (t.infeasibleRow) return fail("infeasible", `row ${t.infeasibleRow} has no terms and excludes 0`);
    const limit = options.timeLimitSeconds ?? this.defaultTimeLimit;
    const outcome = await this.worker.solve(t.jslp, this.precision, limit * 1000);
    if (outcome.kind === "timeout") return fail("error", `javascript-lp-solver did not finish within ${limit} s`);
    if (outcome.kind === "threw") return fail("error", `javascript-lp-solver failed: ${outcome.error}`);
    const out = outcome.out;
    if (out.feasible !== true) return fail("infeasible");
    if (out.bounded === false) return fail("unbounded");
    const primal = new Float64Array(model.variables.length);
    model.variables.forEach((_, j) => {
      const value = t.present[j] ? out.values[`x${j}`] : 0;
      primal[j] = t.shift[j] + (typeof value === "number" ? value : 0);
    });
    const check = maxViolation(model, primal);
    if (check.violation > FEASIBILITY_TOLERANCE) {
      const result = fail("error", `jslp returned a point violating ${check.where} by ${check.violation.toExponential(2)} (relative)`);
      result.primal.set(primal);
      return result;
    }
    return { status: "optimal", objective: objectiveAt(model, primal), primal, duals: null, solver: this.name, seconds: secondsSince(start) };
  }
}

/** The jslp model object for a `LinearModel` (exported for inspection and tests). */
export function translate(model: LinearModel, options: SolveOptions = {}): Translation {
  const n = model.variables.length;
  const shift = new Float64Array(n);
  const present: boolean[] = new Array(n).fill(true);
  const variables: Record<string, Record<string, number>> = {};
  const constraints: Record<string, Bound> = {};
  const ints: Record<string, 1> = {};
  const unrestricted: Record<string, 1> = {};

  model.variables.forEach((v, j) => {
    const lb = finiteOrInf(v.lb);
    const ub = finiteOrInf(v.ub);
    if (lb === ub) {
      shift[j] = lb;
      present[j] = false;
      return;
    }
    const key = `x${j}`;
    variables[key] = {};
    if (lb === -Infinity) unrestricted[key] = 1;
    else shift[j] = v.integer ? Math.ceil(lb) : lb;
    if (v.integer) ints[key] = 1;
    if (ub < Infinity) {
      constraints[`ub${j}`] = { max: (v.integer ? Math.floor(ub) : ub) - shift[j] };
      variables[key][`ub${j}`] = 1;
    }
  });

  for (const t of mergeTerms(model.objective)) if (present[t.v]) variables[`x${t.v}`][OBJECTIVE] = t.c;

  let infeasibleRow: string | null = null;
  model.rows.forEach((r, i) => {
    const terms = mergeTerms(r.terms);
    let offset = 0; // contribution of shifts and substituted columns
    for (const t of terms) offset += t.c * shift[t.v];
    const lb = finiteOrInf(r.lb) - offset;
    const ub = finiteOrInf(r.ub) - offset;
    const live = terms.filter((t) => present[t.v]);
    if (live.length === 0) {
      if (lb > FEASIBILITY_TOLERANCE * Math.max(1, Math.abs(r.lb)) || ub < -FEASIBILITY_TOLERANCE * Math.max(1, Math.abs(r.ub))) {
        infeasibleRow ??= rowName(r);
      }
      return;
    }
    const bound: Bound = lb === ub ? { equal: lb } : {};
    if (lb !== ub && lb > -Infinity) bound.min = lb;
    if (lb !== ub && ub < Infinity) bound.max = ub;
    if (bound.min === undefined && bound.max === undefined && bound.equal === undefined) return; // free row
    constraints[`r${i}`] = bound;
    for (const t of live) variables[`x${t.v}`][`r${i}`] = t.c;
  });

  const jslp: JslpModel = {
    optimize: OBJECTIVE,
    opType: "min",
    constraints,
    variables,
    ints,
    unrestricted,
    options: { tolerance: options.mipGap ?? 0 }, // the time limit is enforced by the worker
  };
  return { jslp, shift, present, infeasibleRow };
}
