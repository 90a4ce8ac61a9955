/**
 * The quantile function of Binomial(n, p): the smallest k with P(X ≤ k) ≥ u, for u ∈ (0, 1), n a
 * whole number and p ∈ [0, 1]. Execution inverts it at one uniform per cell to draw how many of a
 * leaf's whole units fail consent or slip (docs/monte-carlo.md, "Execution rules").
 *
 * Method: inversion by walking the mass function with its recurrence
 * pmf(k + 1) = pmf(k) · (n − k)/(k + 1) · p/(1 − p). For p > ½ the walk runs on n − X, which is
 * Binomial(n, 1 − p), so it takes about n · min(p, 1 − p) + a few σ steps. It starts at 0, with
 * pmf(0) = (1 − p)ⁿ, unless that is below 1e-280 (n · p ≳ 645 for small p): then at the mode ⌊(n + 1)p⌋, with
 * pmf from log-gamma (simple-statistics' gammaln) and P(X ≤ mode) summed downward.
 * Accuracy: from 0 the CDF is exact to a few ε per step (ε = 2⁻⁵²); from the mode to gammaln's
 * error, ~1e-15 of ln n!, i.e. ~1e-9 relative at n = 10⁵. Only a u within that of a step of the
 * CDF can land one unit off, so the error in any probability is of that order.
 */
import { gammaln } from "simple-statistics";

/** Smallest pmf(0) the walk from 0 starts at (well above double underflow, 2.2e-308). */
const MIN_START = 1e-280;
/** A term this small against the CDF so far ends a tail: past it the sum cannot move. */
const NEGLIGIBLE = 1e-17;

export function binomialQuantile(u: number, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  return p > 0.5 ? n - lowerHalfQuantile(1 - u, n, 1 - p) : lowerHalfQuantile(u, n, p);
}

/** The quantile for p ≤ ½. */
function lowerHalfQuantile(u: number, n: number, p: number): number {
  const start = Math.exp(n * Math.log1p(-p));
  return start >= MIN_START ? walkUp(u, n, p, 0, start, start) : fromMode(u, n, p);
}

/** From k with its pmf and P(X ≤ k) = cdf, up to the first k whose CDF reaches u. */
function walkUp(u: number, n: number, p: number, k: number, pmf: number, cdf: number): number {
  const odds = p / (1 - p);
  const mean = n * p;
  while (cdf < u && k < n) {
    pmf *= ((n - k) / (k + 1)) * odds;
    k++;
    cdf += pmf;
    if (k > mean && pmf < cdf * NEGLIGIBLE) break; // the upper tail left is below rounding
  }
  return k;
}

function fromMode(u: number, n: number, p: number): number {
  const mode = Math.min(n, Math.floor((n + 1) * p));
  const pmfMode = Math.exp(gammaln(n + 1) - gammaln(mode + 1) - gammaln(n - mode + 1) + mode * Math.log(p) + (n - mode) * Math.log1p(-p));
  const backOdds = (1 - p) / p;
  // P(X ≤ mode): the mode's mass plus the lower tail, summed until its terms no longer count.
  let cdfMode = pmfMode;
  for (let k = mode, pmf = pmfMode; k > 0; k--) {
    pmf *= (k / (n - k + 1)) * backOdds;
    cdfMode += pmf;
    if (pmf < cdfMode * NEGLIGIBLE) break;
  }
  if (cdfMode < u) return walkUp(u, n, p, mode, pmfMode, cdfMode);
  // Down: k is the answer while P(X ≤ k − 1) < u.
  let k = mode;
  let pmf = pmfMode;
  let cdf = cdfMode;
  while (k > 0 && cdf - pmf >= u) {
    cdf -= pmf;
    pmf *= (k / (n - k + 1)) * backOdds;
    k--;
  }
  return k;
}
