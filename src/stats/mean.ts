/**
 * Arithmetic mean: the values summed left to right in the order given (draw order), divided by n.
 * Plain recursive summation, not compensated (simple-statistics' `mean` uses Neumaier's and can
 * differ in the last bits): the rounding error is at most about (n − 1)·ε·Σ|xᵢ|/n, and the order
 * matters — mean([1e16, 1, −1e16]) is 0, mean([1e16, −1e16, 1]) is 1/3. Fixed order is what
 * makes merged shards byte-identical to a single run. No values give NaN; a NaN among them gives
 * NaN; +∞ and −∞ together give NaN.
 */
export function mean(values: ArrayLike<number>): number {
  if (values.length === 0) return NaN;
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i];
  return s / values.length;
}
