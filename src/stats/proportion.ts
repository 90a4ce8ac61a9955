/**
 * The plain (Wald) estimate of a probability from `successes` of `n` trials, targets.csv's p_met
 * and p_met_se: p̂ = s/n with standard error √(p̂(1 − p̂)/n). The standard error is 0 at p̂ = 0 or
 * 1 however few the trials, so whether an estimate is precise enough is judged by
 * `precisionReached` (Agresti–Coull) instead. n ≤ 0 gives p and se NaN with n = 0; successes is
 * not checked against n (s > n gives p̂ > 1 and se NaN).
 */
export interface Proportion {
  /** Estimated probability successes / n. */
  p: number;
  /** Standard error √(p(1 − p)/n). It is 0 when p is 0 or 1: see `precisionReached`. */
  se: number;
  n: number;
}

export function proportion(successes: number, n: number): Proportion {
  if (n <= 0) return { p: NaN, se: NaN, n: 0 };
  const p = successes / n;
  return { p, se: Math.sqrt((p * (1 - p)) / n), n };
}
