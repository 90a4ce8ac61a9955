/**
 * A series' summary for mc_summary.csv and targets.csv: its count, `mean`, `sd` and type-7
 * quantiles (`quantileOfSorted`) at `probs`, keyed by `quantileName`, all from one sorted copy.
 * Method, accuracy and edge cases are those of the parts: in draw order, so merged shards give
 * byte-identical summaries; no values give draws 0 and NaN everywhere; `draws` counts NaN values
 * too, and a NaN makes the mean, the sd and the upper quantiles NaN.
 */
import { mean } from "./mean.js";
import { quantileName } from "./quantileName.js";
import { quantileOfSorted } from "./quantileOfSorted.js";
import { sd } from "./sd.js";
import { sortedCopy } from "./sortedCopy.js";

/** mc_summary.csv's quantiles: p5, p10, p50, p90, p95. */
export const REPORT_PROBS = [0.05, 0.1, 0.5, 0.9, 0.95] as const;

export interface Summary {
  draws: number;
  mean: number;
  sd: number;
  /** Keyed like the probabilities: p5, p10, p50, p90, p95 for REPORT_PROBS. */
  quantiles: Record<string, number>;
}

export function summarise(values: ArrayLike<number>, probs: readonly number[] = REPORT_PROBS): Summary {
  const sorted = sortedCopy(values);
  const q: Record<string, number> = {};
  for (const p of probs) q[quantileName(p)] = quantileOfSorted(sorted, p);
  return { draws: values.length, mean: mean(values), sd: sd(values), quantiles: q };
}
