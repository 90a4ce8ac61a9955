/**
 * The quantile function of Binomial(n, p): the smallest k with P(X ≤ k) ≥ u, for u ∈ (0, 1), n a
 * whole number and p ∈ [0, 1]. Execution inverts it at one uniform per cell to draw how many of a
 * leaf's whole units fail consent or slip (docs/monte-carlo.md, "Execution rules").
 *
 * Method: inversion by walking the mass function with its recurrence
 * pmf(k + 1) = pmf(k) · (n − k)/(k + 1) · p/(1 − p), always in a lower tail, so that every CDF is
 * a sum of small terms taken from the smallest up: for p > ½ on n − X ~ Binomial(n, 1 − p), and
 * for u > ½ on the mirrored problem, n − X at 1 − u (exact in floating point). From 0, with
 * pmf(0) = (1 − p)ⁿ, unless that is below 1e-280 (n · p ≳ 645 for small p); then from the mode
 * ⌊(n + 1)p⌋, with pmf from log-gamma (simple-statistics' gammaln), the lower tail's terms kept
 * down to 1e-30 of the mode's and summed from the smallest. The walk takes about
 * n · min(p, 1 − p) steps from 0, a few σ from the mode.
 * Accuracy: from 0 the CDF is exact to a few ε per step (ε = 2⁻⁵²); from the mode to gammaln's
 * error, ~1e-15 of ln n!, i.e. ~1e-9 relative at n = 10⁵. A u within that of a step of the CDF can
 * land one unit off, so the error in any probability is of that order, down to u ≈ 1e-30.
 */
import { gammaln } from "simple-statistics";

/** Smallest pmf(0) the walk from 0 starts at (well above double underflow, 2.2e-308). */
const MIN_START = 1e-280;
/** Terms of the lower tail below this share of the mode's no longer change any CDF a uniform can reach. */
const TAIL_END = 1e-30;

/** The lower tail's terms from the mode down, reused between calls (grown as needed). */
let tail: Float64Array = new Float64Array(256);

export function binomialQuantile(u: number, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - binomialQuantile(1 - u, n, 1 - p);
  if (u > 0.5) return n - lowerTailQuantile(1 - u, n, 1 - p);
  const start = Math.exp(n * Math.log1p(-p));
  return start >= MIN_START ? walkUp(u, n, p, 0, start, start) : lowerTailQuantile(u, n, p);
}

/** From k with its pmf and P(X ≤ k) = cdf, up to the first k whose CDF reaches u (u ≤ ½: no far tail). */
function walkUp(u: number, n: number, p: number, k: number, pmf: number, cdf: number): number {
  const odds = p / (1 - p);
  while (cdf < u && k < n) {
    pmf *= ((n - k) / (k + 1)) * odds;
    k++;
    cdf += pmf;
  }
  return k;
}

/** The quantile at u ≤ ½ for any p ∈ (0, 1), from the mode and its lower tail. */
function lowerTailQuantile(u: number, n: number, p: number): number {
  if (p >= 1) return n; // 1 − p of a p below 1e-16 rounds to 1
  const mode = Math.min(n, Math.floor((n + 1) * p));
  const pmfMode = Math.exp(gammaln(n + 1) - gammaln(mode + 1) - gammaln(n - mode + 1) + mode * Math.log(p) + (n - mode) * Math.log1p(-p));
  const backOdds = (1 - p) / p;
  // tail[j] = pmf(mode − j) while it counts; then, summed from the smallest, tail[j] = P(X ≤ mode − j).
  let last = 0;
  tail[0] = pmfMode;
  for (let k = mode, pmf = pmfMode; k > 0; k--) {
    pmf *= (k / (n - k + 1)) * backOdds;
    if (pmf < pmfMode * TAIL_END) break;
    if (++last === tail.length) tail = grown(tail);
    tail[last] = pmf;
  }
  for (let j = last - 1; j >= 0; j--) tail[j] += tail[j + 1];
  if (tail[0] < u) return walkUp(u, n, p, mode, pmfMode, tail[0]);
  let j = 0;
  while (j < last && tail[j + 1] >= u) j++;
  return mode - j;
}

function grown(a: Float64Array): Float64Array {
  const b = new Float64Array(a.length * 2);
  b.set(a);
  return b;
}
