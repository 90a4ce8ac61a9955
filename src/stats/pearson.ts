/**
 * Pearson's correlation r = Σdx·dy / √(Σdx² · Σdy²), d the deviations from each side's `mean`,
 * summed in the order given (two-pass, as `sd`). Of `averageRanks` it is Spearman's ρ, the
 * sensitivity.csv statistic (montecarlo/tables.ts; test/helpers/spearman.ts).
 *
 * Accuracy: y = x gives exactly 1 and y = −x exactly −1, but |r| can exceed 1 by an ulp
 * (x = [0.2, 1.9, 2.5], y = x · 0.1 gives 1.0000000000000002); sensitivity.csv rounds ρ to 6
 * decimals. NaN when Σdx² or Σdy² is 0: a constant side whose mean comes out exact, as ranks'
 * always does — ten copies of 0.1 leave deviations of ~1e−17 and give a number, not NaN. Fewer
 * than two pairs give NaN; sides of different lengths throw. simple-statistics'
 * `sampleCorrelation` (covariance over both sd, compensated means) can differ in the last bits.
 */
import { mean } from "./mean.js";

export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  if (n !== y.length) throw new RangeError(`pearson: ${n} vs ${y.length} values`);
  if (n < 2) return NaN;
  const mx = mean(x);
  const my = mean(y);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - mx;
    const dy = y[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : NaN;
}
