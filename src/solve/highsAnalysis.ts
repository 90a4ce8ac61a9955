/**
 * What a solved HiGHS model tells beyond its solution: the bound ranges over which row duals hold,
 * columns' responses to row bounds (rows of B⁻¹), and the irreducible infeasible subsystem of an
 * infeasible model. Each answers null when HiGHS cannot (the caller reports the plan without it).
 * The caller makes sure an LP is optimal with a factorised basis before ranging or B⁻¹ rows.
 */
import type { Model } from "highs";
import type { InfeasibleSubsystem, RowRange } from "./types.js";

const BASIC = 1; // basis status
const IIS_ROW_PRIORITY = 6;

/** Per row: the interval of its active bound over which the current basis stays optimal. */
export function rowRanges(m: Model): RowRange[] | null {
  try {
    const r = m.getRanging();
    return Array.from(r.rowBoundDown.value, (from, i) => ({ from, to: r.rowBoundUp.value[i] }));
  } catch {
    return null;
  }
}

/** Per asked column: d(column value)/d(active bound of each of the model's `rows` rows). */
export function rhsSensitivity(m: Model, rows: number, columns: number[]): Float64Array[] | null {
  try {
    const basic = m.getBasicVariables();
    const rowStatus = m.getBasis().rowStatus;
    const position = new Map<number, number>();
    basic.forEach((v, p) => position.set(v, p));
    return columns.map((j) => {
      const p = position.get(j);
      const out = new Float64Array(rows);
      if (p === undefined) return out;
      // Row p of B⁻¹: column j's response to each row's active bound (HiGHS logicals enter B as
      // +e_i, checked against re-plans in test/finance/explain.test.ts).
      const inverse = m.getBasisInverseRow(p).values;
      for (let i = 0; i < rows; i++) if (rowStatus[i] !== BASIC) out[i] = inverse[i] + 0;
      return out;
    });
  } catch {
    return null;
  }
}

export function infeasibleSubsystem(m: Model): InfeasibleSubsystem | null {
  try {
    // Row priority: name limits (rows) rather than column bounds where both would do; the
    // default "light" strategy only reports what presolve finds (nothing, on our models).
    m.options.set({ iis_strategy: IIS_ROW_PRIORITY });
    const iis = m.getIis();
    if (iis.rowIndex.length === 0 && iis.colIndex.length === 0) return null;
    return { rows: Array.from(iis.rowIndex), columns: Array.from(iis.colIndex) };
  } catch {
    return null;
  }
}
