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
