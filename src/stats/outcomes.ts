/**
 * Mergeable Monte Carlo results. Rather than streaming accumulators (whose floating-point sums
 * depend on how draws were split), a shard keeps every draw's outcome, keyed by draw index.
 * Merging sorts by draw index, so the merged shard — and every statistic computed from it in draw
 * order — is byte-identical to a single run over the same draws, whatever the worker count or
 * `--shard k/n` layout (contiguous ranges or interleaved slices alike).
 *
 * Memory is 8 bytes per metric per draw; callers choose which series to keep.
 */

export interface OutcomeShard {
  /** Metric names; a merged shard keeps the first shard's order. */
  metrics: string[];
  /** Draw indices held, strictly ascending. */
  draws: Float64Array;
  /** values[m][k] = metric m in draw draws[k] (NaN until recorded). */
  values: Float64Array[];
}

/** An empty shard for the given draws (ascending, distinct), every value NaN. */
export function createShard(metrics: string[], draws: ArrayLike<number>): OutcomeShard {
  const d = Float64Array.from(draws);
  for (let k = 1; k < d.length; k++) {
    if (!(d[k] > d[k - 1])) throw new RangeError(`draw indices must be strictly ascending (draw ${d[k]} after ${d[k - 1]})`);
  }
  if (new Set(metrics).size !== metrics.length) throw new RangeError("metric names must be distinct");
  return { metrics: [...metrics], draws: d, values: metrics.map(() => new Float64Array(d.length).fill(NaN)) };
}

/** Draws first … first + count − 1 (a contiguous shard). */
export function drawRange(first: number, count: number): Float64Array {
  return Float64Array.from({ length: count }, (_, i) => first + i);
}

/**
 * Combines shards into one holding all their draws in ascending draw order. Shards must record
 * the same metrics (in any order) and must not share a draw.
 */
export function mergeShards(shards: OutcomeShard[]): OutcomeShard {
  if (shards.length === 0) throw new RangeError("nothing to merge");
  const metrics = shards[0].metrics;
  const want = [...metrics].sort().join("\n");
  for (const s of shards) {
    if ([...s.metrics].sort().join("\n") !== want) throw new RangeError("shards record different metrics; they come from different runs");
  }
  const entries: { draw: number; shard: number; pos: number }[] = [];
  shards.forEach((s, si) => s.draws.forEach((draw, pos) => entries.push({ draw, shard: si, pos })));
  entries.sort((a, b) => a.draw - b.draw);
  for (let i = 1; i < entries.length; i++) {
    if (entries[i].draw === entries[i - 1].draw) throw new RangeError(`draw ${entries[i].draw} appears in two shards`);
  }
  const merged = createShard(metrics, entries.map((e) => e.draw));
  shards.forEach((s, si) => {
    const column = metrics.map((m) => s.metrics.indexOf(m));
    entries.forEach((e, k) => {
      if (e.shard !== si) return;
      for (let m = 0; m < metrics.length; m++) merged.values[m][k] = s.values[column[m]][e.pos];
    });
  });
  return merged;
}

/** The series of one metric, in draw order. */
export function series(shard: OutcomeShard, metric: string): Float64Array {
  const m = shard.metrics.indexOf(metric);
  if (m < 0) throw new RangeError(`unknown metric "${metric}"`);
  return shard.values[m];
}
