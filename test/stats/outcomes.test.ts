import { describe, expect, it } from "vitest";
import { createShard, drawRange, mergeShards, series, type OutcomeShard } from "../../src/stats/outcomes.js";
import { summarise } from "../../src/stats/summarise.js";

/** True when the shard holds exactly draws 0 … total − 1. */
function isComplete(shard: OutcomeShard, total: number): boolean {
  if (shard.draws.length !== total) return false;
  for (let k = 0; k < total; k++) if (shard.draws[k] !== k) return false;
  return true;
}

const METRICS = ["attained:t1", "gap:central:2024"];
/** Stand-in for a draw's outcomes: any pure function of the draw index. */
const outcome = (draw: number, m: number) => Math.sin(draw * 12.9898 + m * 78.233) * 43758.5453 % 1;

function run(draws: ArrayLike<number>, metrics = METRICS): OutcomeShard {
  const shard = createShard(metrics, draws);
  shard.draws.forEach((d, k) => metrics.forEach((name, m) => (shard.values[m][k] = outcome(d, METRICS.indexOf(name)))));
  return shard;
}

const N = 1000;
const single = run(drawRange(0, N));
const report = (s: OutcomeShard) => JSON.stringify(METRICS.map((m) => summarise(series(s, m))));

describe("merging shards", () => {
  it("contiguous shards merge into exactly the single run", () => {
    const merged = mergeShards([run(drawRange(600, 400)), run(drawRange(0, 250)), run(drawRange(250, 350))]);
    expect(isComplete(merged, N)).toBe(true);
    expect(merged).toEqual(single);
    expect(report(merged)).toBe(report(single));
  });
  it("interleaved shards (k/n slices) and different metric order merge identically", () => {
    const slice = (k: number, n: number) => Array.from({ length: N }, (_, d) => d).filter((d) => d % n === k);
    const shards = [run(slice(2, 3)), run(slice(0, 3), [...METRICS].reverse()), run(slice(1, 3))];
    const merged = mergeShards(shards);
    expect(merged.metrics).toEqual(shards[0].metrics);
    expect(report(merged)).toBe(report(single));
  });
  it("refuse overlapping draws and mismatched metrics", () => {
    expect(() => mergeShards([run(drawRange(0, 10)), run(drawRange(5, 10))])).toThrow("draw 5 appears in two shards");
    expect(() => mergeShards([run(drawRange(0, 10)), run(drawRange(10, 10), ["other"])])).toThrow("different metrics");
    expect(() => createShard(METRICS, [3, 1])).toThrow("ascending");
  });
  it("completeness is checked against the expected draw count", () => {
    expect(isComplete(run(drawRange(0, 10)), 10)).toBe(true);
    expect(isComplete(run(drawRange(1, 10)), 10)).toBe(false);
    expect(isComplete(run(drawRange(0, 9)), 10)).toBe(false);
  });
});
