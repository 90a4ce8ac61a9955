/**
 * The Agresti–Coull estimate of a probability from `successes` of `n` trials: add two successes and
 * two failures, p̃ = (s + 2)/(n + 4), with standard error √(p̃ (1 − p̃)/(n + 4)). Its ~95 % interval
 * p̃ ± 1.96 · se keeps close to its nominal coverage even at p near 0 or 1 and n of a few dozen,
 * where the plain p̂ ± 1.96 √(p̂(1 − p̂)/n) collapses to a point (0 of 20 met reads as certain).
 * Agresti & Coull (1998), "Approximate is better than 'exact' for interval estimation of binomial
 * proportions".
 */
export function agrestiCoull(successes: number, n: number): { p: number; se: number } {
  const p = (successes + 2) / (n + 4);
  return { p, se: Math.sqrt((p * (1 - p)) / (n + 4)) };
}
