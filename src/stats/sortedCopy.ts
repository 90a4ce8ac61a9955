/**
 * An ascending copy as a Float64Array, by the typed-array sort without a comparator: numeric
 * order, −0 before +0, NaN last (so a caller can see and exclude it; `summarise` does not, see
 * `quantileOfSorted`). Always a copy, the input is left as it was. O(n log n), exact.
 */
export function sortedCopy(values: ArrayLike<number>): Float64Array {
  return Float64Array.from(values).sort();
}
