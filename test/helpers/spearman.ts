/**
 * Spearman rank correlation, the definition the tests check sampling and sensitivity.csv against
 * (montecarlo/tables.ts computes the same from ranks it keeps per input).
 */
import { averageRanks } from "../../src/stats/averageRanks.js";
import { pearson } from "../../src/stats/pearson.js";

/** Spearman rank correlation (Pearson of average ranks, so ties are handled exactly). */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number {
  return pearson(averageRanks(x), averageRanks(y));
}
