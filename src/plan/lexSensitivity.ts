/**
 * Sensitivities of a lexicographic solve, chained through the stage-fix rows. Stage k holds each
 * earlier optimum j in a fix row f_j, whose bound moves with that optimum when a limit b_i moves;
 * so the total derivative of stage k's optimum is
 *   D_k(i) = y_k(i) + Σ_{j<k} y_k(f_j) · D_j(i)                (y_k: stage k's duals)
 * and the final solution (stage K's basis, column responses s_K) moves by
 *   dx/db_i = s_K(i) + Σ_{j<K} s_K(f_j) · D_j(i).
 * This is what a re-plan with a slightly larger limit shows (within every stage's ranging interval),
 * where stage k's own dual alone would ignore that the earlier stages re-optimise too (e.g. a cost
 * stage "saving" more than the plan spends while the shortfall it trades against is held fixed).
 */
import type { RowRange } from "../solve/types.js";

/**
 * `duals[k]`: stage k's duals over all rows (base rows, then fix rows f_0 … f_{K−2});
 * returns D_k over the base rows, for every stage.
 */
export function totalDuals(duals: Float64Array[], baseRows: number): Float64Array[] {
  const out: Float64Array[] = [];
  duals.forEach((y, k) => {
    const d = y.slice(0, baseRows);
    for (let j = 0; j < k; j++) {
      const through = y[baseRows + j];
      if (through === 0) continue;
      for (let i = 0; i < baseRows; i++) d[i] += through * out[j][i];
    }
    out.push(d);
  });
  return out;
}

/** Final-stage column responses `s` (over all rows) chained through the fix rows: base rows only. */
export function totalResponse(s: Float64Array, total: Float64Array[], baseRows: number, stages: number): Float64Array {
  const out = s.slice(0, baseRows);
  for (let j = 0; j < stages - 1; j++) {
    const through = s[baseRows + j];
    if (through === 0) continue;
    for (let i = 0; i < baseRows; i++) out[i] += through * total[j][i];
  }
  return out;
}

/** One stage's raw duals, ranges and column responses, as its solve gave them. */
export interface StageDuals {
  /** Over all rows the session holds (base rows, then fix rows). */
  duals: Float64Array | null;
  ranges: RowRange[] | null;
  sensitivity: Float64Array[] | null;
  /** An integer stage's LP relaxation as solved for these duals (null for an LP stage: its plan is its own). */
  relaxed?: Float64Array | null;
}

/** A run's duals, ranges and final-stage column responses over the base rows, chained. */
export interface ChainedDuals {
  /**
   * Per stage: d(stage optimum)/d(row bound), chained through the earlier stages — what a re-plan
   * with that limit moved shows; null when unavailable.
   */
  duals: (Float64Array | null)[];
  /** Per stage: the bound interval over which that stage's basis stays optimal (null unless ranged). */
  ranges: (RowRange[] | null)[];
  /** d(final value of column)/d(row bound), for the `sensitivity` columns asked for. */
  sensitivity: Float64Array[] | null;
  /**
   * The last stage's LP relaxation, whose basis gives the responses (`sensitivity`), for a
   * whole-unit plan; null for an LP plan. It may meet a target the whole-unit plan misses.
   */
  relaxedPrimal: Float64Array | null;
}

/** Chains raw stage duals and final-stage responses through the fix rows (the formulas above). */
export function chainStageDuals(raw: StageDuals[], base: number, count: number): ChainedDuals {
  const ranges = raw.map((d) => d.ranges && d.ranges.slice(0, base));
  // A chain is only as available as its weakest link: one stage without duals breaks the later ones.
  const firstMissing = raw.findIndex((d) => !d.duals);
  const complete = firstMissing < 0 ? raw.length : firstMissing;
  const total = totalDuals(raw.slice(0, complete).map((d) => d.duals!), base);
  const duals = raw.map((_, k) => total[k] ?? null);
  const last = raw[raw.length - 1];
  const sensitivity = complete === raw.length && last?.sensitivity
    ? last.sensitivity.map((s) => totalResponse(s, total, base, count))
    : null;
  return { duals, ranges, sensitivity, relaxedPrimal: last?.relaxed ?? null };
}
