/**
 * Type-7 quantiles of unsorted values at each probability: one `sortedCopy`, then
 * `quantileOfSorted` for each p (its method, accuracy and edge cases).
 */
import { quantileOfSorted } from "./quantileOfSorted.js";
import { sortedCopy } from "./sortedCopy.js";

export function quantiles(values: ArrayLike<number>, probs: readonly number[]): number[] {
  const sorted = sortedCopy(values);
  return probs.map((p) => quantileOfSorted(sorted, p));
}
