/**
 * The p-quantile of values already sorted ascending (not checked), Hyndman & Fan (1996) type 7 —
 * R's default, Excel PERCENTILE.INC, numpy's "linear"; run.json names it (QUANTILE_METHOD in
 * montecarlo/mcFiles.ts). With x₀ ≤ … ≤ x_{n−1} and h = (n − 1)p: p = 0 and p = 1 give x₀ and
 * x_{n−1}, a whole h gives x_h exactly, otherwise x_⌊h⌋ + (h − ⌊h⌋)(x_⌈h⌉ − x_⌊h⌋), computed
 * by simple-statistics' `quantileSorted`.
 *
 * Accuracy: a few roundings; R and numpy arrange the interpolation differently, so they agree to
 * a few ulps of the neighbouring values, not bit for bit. h itself is rounded: n = 101, p = 0.07
 * gives h = 7.000000000000001, so the result moves 1e−15 of the gap from x₇ towards x₈; for 0.05,
 * 0.1, 0.5, 0.9 and 0.95 (the probabilities the tables use) h is exact for every n ≤ 10⁶.
 * Edge cases: no values give NaN (simple-statistics would throw); p outside [0, 1] throws; NaN
 * (which `sortedCopy` sorts last) makes NaN every quantile whose interpolation reaches it, lower
 * ones are unaffected; interpolating between equal infinities gives NaN (∞ − ∞).
 */
import { quantileSorted } from "simple-statistics";

export function quantileOfSorted(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return NaN;
  return quantileSorted(sorted as unknown as number[], p);
}
