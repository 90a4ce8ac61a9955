/**
 * A `LinearModel` as the dense and CSR arrays HiGHS takes (`ModelData`), checked on the way: a
 * non-finite coefficient or a coefficient HiGHS would treat as infinite (|a| ≥ 1e15) is reported
 * with the readable names of its column and row, instead of letting the solver reject the model.
 * Plain typed arrays, so the data can also be transferred to the solver thread without a copy.
 */
import { mergeTerms } from "../model/context.js";
import { rowName, variableName } from "../model/names.js";
import type { LinearModel, Row, Term } from "../model/types.js";

/** HiGHS treats |a_ij| >= 1e15 as infinite (`large_matrix_value`) and rejects the model. */
export const LARGEST_COEFFICIENT = 1e15;

export interface CsrRows {
  lower: Float64Array;
  upper: Float64Array;
  starts: Int32Array;
  indices: Int32Array;
  values: Float64Array;
}

export interface ModelArrays {
  numCols: number;
  numRows: number;
  colCost: Float64Array;
  colLower: Float64Array;
  colUpper: Float64Array;
  /** 1 for an integer column, 0 otherwise; null when every column is continuous. */
  integrality: Int32Array | null;
  offset: number;
  rows: CsrRows;
}

export class ModelDataError extends Error {}

export function modelArrays(model: LinearModel): ModelArrays {
  const n = model.variables.length;
  const colLower = new Float64Array(n);
  const colUpper = new Float64Array(n);
  let integrality: Int32Array | null = null;
  model.variables.forEach((v, j) => {
    if (Number.isNaN(v.lb) || Number.isNaN(v.ub)) throw new ModelDataError(`a bound of ${variableName(v)} is NaN`);
    colLower[j] = v.lb;
    colUpper[j] = v.ub;
    if (v.integer) (integrality ??= new Int32Array(n))[j] = 1;
  });
  if (!Number.isFinite(model.objectiveConstant)) throw new ModelDataError(`the objective constant is ${model.objectiveConstant}`);
  return {
    numCols: n,
    numRows: model.rows.length,
    colCost: denseCost(model.objective, n, (j) => `objective coefficient of ${variableName(model.variables[j])}`),
    colLower,
    colUpper,
    integrality,
    offset: model.objectiveConstant,
    rows: csrRows(model, model.rows),
  };
}

/** Objective terms as a dense cost vector (duplicates summed). */
export function denseCost(terms: Term[], n: number, label: (j: number) => string = (j) => `column ${j}`): Float64Array {
  const cost = new Float64Array(n);
  for (const t of terms) {
    if (!Number.isFinite(t.c)) throw new ModelDataError(`${label(t.v)} is ${t.c}; coefficients must be finite numbers`);
    cost[t.v] += t.c;
  }
  return cost;
}

/** Rows in CSR form (duplicate columns summed, zeros dropped), validated. */
export function csrRows(model: LinearModel, rows: Row[]): CsrRows {
  rows.forEach((r) => {
    for (const t of r.terms) {
      if (!Number.isFinite(t.c)) {
        throw new ModelDataError(`coefficient of ${variableName(model.variables[t.v])} in ${rowName(r)} is ${t.c}; coefficients must be finite numbers`);
      }
    }
  });
  const merged = rows.map((r) => mergeTerms(r.terms));
  const nnz = merged.reduce((s, t) => s + t.length, 0);
  const out: CsrRows = {
    lower: new Float64Array(rows.length),
    upper: new Float64Array(rows.length),
    starts: new Int32Array(rows.length + 1),
    indices: new Int32Array(nnz),
    values: new Float64Array(nnz),
  };
  let k = 0;
  rows.forEach((r, i) => {
    if (Number.isNaN(r.lb) || Number.isNaN(r.ub)) throw new ModelDataError(`a bound of row ${rowName(r)} is NaN`);
    out.lower[i] = r.lb;
    out.upper[i] = r.ub;
    out.starts[i] = k;
    for (const t of merged[i]) {
      if (Math.abs(t.c) >= LARGEST_COEFFICIENT) {
        throw new ModelDataError(`coefficient ${t.c} of ${variableName(model.variables[t.v])} in ${rowName(r)} is beyond HiGHS's limit (1e15); rescale the model`);
      }
      out.indices[k] = t.v;
      out.values[k++] = t.c;
    }
  });
  out.starts[rows.length] = k;
  return out;
}

/** The buffers to transfer when posting arrays to another thread. */
export function transferList(a: ModelArrays): ArrayBuffer[] {
  const list = [a.colCost, a.colLower, a.colUpper, a.rows.lower, a.rows.upper, a.rows.starts, a.rows.indices, a.rows.values];
  if (a.integrality) list.push(a.integrality);
  return list.map((x) => x.buffer as ArrayBuffer);
}
