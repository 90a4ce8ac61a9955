import { agrestiCoull } from "../stats/agrestiCoull.js";

/**
 * When a calibration sample shows a target met "with probability ≥ α". With m met draws out of n,
 * the Agresti–Coull estimate p̃ = (m + 2)/(n + 4) and its one-sided lower bound
 *
 *   lower(m, n) = p̃ − z · √(p̃ (1 − p̃) / (n + 4)),   z = 2 (≈ 97.7 % one-sided)
 *
 * must reach α. Planning to the lower bound rather than to p̂ = m/n is what makes a plan
 * calibrated on n draws hold on fresh draws: p̂ itself is off by ±√(α(1 − α)/n), so a plan tuned
 * to p̂ = α would fall below α on new draws about half the time (docs/confidence.md).
 */
export const CALIBRATION_Z = 2;

export function lowerBound(met: number, n: number, z = CALIBRATION_Z): number {
  const { p, se } = agrestiCoull(met, n);
  return p - z * se;
}

/** True when m met draws of n show P(met) ≥ α (α ≤ 0: no requirement). */
export function passes(met: number, n: number, alpha: number): boolean {
  return alpha <= 0 || lowerBound(met, n) >= alpha;
}

/** The fewest met draws of n that pass α; n + 1 when even n of n do not (the sample is too small). */
export function metNeeded(n: number, alpha: number): number {
  if (alpha <= 0) return 0;
  let m = Math.min(n, Math.floor(alpha * n));
  while (m <= n && !passes(m, n, alpha)) m++;
  return m;
}
