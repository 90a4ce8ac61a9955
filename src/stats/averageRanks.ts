/**
 * Ranks 1 … n in input order, each run of equal values given the mean of the positions it spans
 * ("average" ranks, R's rank(ties.method = "average")): the indices sorted by value (ties by
 * index), then each run of values equal by === ranked (first + last)/2 + 1, so −0 and +0 tie.
 * Exact: every rank is a whole number or a half. O(n log n). A NaN gives meaningless ranks — the
 * comparator is inconsistent with it and misplaces other values too ([3, NaN, 1, 2] ranks 3
 * first). simple-statistics ranks the same way (0-based) inside `sampleRankCorrelation` but does
 * not export it.
 */
export function averageRanks(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a] - values[b] || a - b);
  const ranks = new Float64Array(n);
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && values[order[j + 1]] === values[order[i]]) j++;
    const r = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[order[k]] = r;
    i = j + 1;
  }
  return ranks;
}
