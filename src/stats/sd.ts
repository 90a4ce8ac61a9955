/**
 * Sample standard deviation, divisor n − 1, by the two-pass method: `mean` first, then
 * √(Σ(xᵢ − x̄)²/(n − 1)) summed in the order given. This avoids the cancellation of the one-pass
 * Σx² − n·x̄² form: the relative error of the variance is about n·ε + (n·κ·ε)², κ the data's
 * condition number (Chan, Golub & LeVeque 1983; no corrected-two-pass term is added). Equal values
 * give exactly 0 only when their mean comes out exact: ten copies of 0.1 give 1.5e−17. Fewer than
 * two values give NaN, as does a NaN among them. simple-statistics' `sampleStandardDeviation`
 * takes a compensated mean and can differ in the last bits.
 */
import { mean } from "./mean.js";

export function sd(values: ArrayLike<number>): number {
  const n = values.length;
  if (n < 2) return NaN;
  const m = mean(values);
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (values[i] - m) * (values[i] - m);
  return Math.sqrt(ss / (n - 1));
}
