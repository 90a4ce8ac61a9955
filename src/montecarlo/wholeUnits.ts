/**
 * Whole units in execution (docs/monte-carlo.md, "Execution rules"): how many of a cell's whole
 * candidates fail consent or slip, and a capacity cut that leaves whole units.
 */
import { WHOLE_TOLERANCE } from "../results/tolerance.js";
import { binomialQuantile } from "../stats/binomialQuantile.js";

/**
 * How many of `candidates` whole units fail, each with probability p: Binomial(n, p) at the cell's
 * uniform u for the n whole candidates; a fractional remainder (from a fractional LP plan: replan's
 * annual plans, confidence calibration's relaxation) fails in expectation.
 */
export function wholeFailures(candidates: number, p: number, u: number): number {
  if (p <= 0) return 0;
  const n = Math.floor(candidates + WHOLE_TOLERANCE);
  const rest = Math.max(0, candidates - n);
  return Math.min(candidates, binomialQuantile(u, n, p) + rest * p);
}

/**
 * How many whole units a shortage of money defers, `lacking` being the shortage in units of
 * first-year cost: its whole part, and one more unit with probability equal to its fraction (at the
 * cell's uniform u) — a village short of 3 % of its money is deferred in 3 % of the draws, not
 * started as 0.97 of a village in all of them. The expectation is the divisible rule's. Never more
 * than the `candidates` there are.
 */
export function wholeUnfunded(lacking: number, candidates: number, u: number): number {
  const n = Math.floor(lacking + WHOLE_TOLERANCE);
  const fraction = lacking - n;
  return Math.min(candidates, fraction > WHOLE_TOLERANCE && u < fraction ? n + 1 : n);
}

/**
 * The cuts of one capacity limit over `members` (leaf-programme indices) when some are whole
 * units, written into `cut` (by leaf-programme). The divisible rule cuts every member's candidates
 * by the same fraction 1 − keep, just enough to remove `excess` slots. Here each whole member's
 * cut is rounded up to whole units (never past its candidates); then the members rounded up the
 * most give one unit back each, in that order (ties by index), while the slots cut still cover the
 * excess; what is still cut beyond the excess is given back by the divisible members, pro rata.
 * So a limit over by a fraction of a slot defers one unit, not one unit of every member.
 */
export function wholeCapacityCuts(
  members: ArrayLike<number>, whole: Uint8Array, slotsPerUnit: Float64Array, candidates: Float64Array,
  keep: number, excess: number, cut: Float64Array,
): void {
  let total = 0;
  const roundedUp: { i: number; by: number }[] = [];
  for (let m = 0; m < members.length; m++) {
    const i = members[m];
    const exact = candidates[i] * (1 - keep);
    cut[i] = whole[i] === 1 ? Math.max(0, Math.min(candidates[i], Math.ceil(exact - WHOLE_TOLERANCE))) : exact;
    if (whole[i] === 1 && cut[i] >= 1 && cut[i] - exact > WHOLE_TOLERANCE) roundedUp.push({ i, by: cut[i] - exact });
    total += slotsPerUnit[i] * cut[i];
  }
  roundedUp.sort((a, b) => b.by - a.by || a.i - b.i);
  const enough = excess - WHOLE_TOLERANCE * Math.max(1, excess);
  for (const { i } of roundedUp) {
    if (total - slotsPerUnit[i] < enough) continue;
    cut[i] -= 1;
    total -= slotsPerUnit[i];
  }
  let divisible = 0;
  for (let m = 0; m < members.length; m++) if (whole[members[m]] === 0) divisible += slotsPerUnit[members[m]] * cut[members[m]];
  const over = total - excess;
  if (over <= 0 || divisible <= 0) return;
  const scale = Math.max(0, 1 - over / divisible);
  for (let m = 0; m < members.length; m++) if (whole[members[m]] === 0) cut[members[m]] *= scale;
}
