/**
 * Whether a probability estimated from `successes` of `n` trials is known to ±halfWidth at ~95 %
 * (z = 1.96): z · se ≤ halfWidth with the Agresti–Coull standard error (agrestiCoull.ts), so that
 * p = 0 or 1 after a few draws does not count as exact (0 of 100 is not precise to ±0.01; 0 of
 * 800 is). The `--precision` stop asks it of every target's P(met) and of P(all targets met)
 * (precisionCounts and precisionReachedFor in montecarlo/tables.ts). n ≤ 0 gives false.
 */
import { agrestiCoull } from "./agrestiCoull.js";

export function precisionReached(successes: number, n: number, halfWidth: number, z = 1.96): boolean {
  if (n <= 0) return false;
  return z * agrestiCoull(successes, n).se <= halfWidth;
}
