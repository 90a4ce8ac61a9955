/** Run bookkeeping: shard ranges cover every draw once, seed precedence, request checks. */
import { describe, expect, it } from "vitest";
import { checkMonteCarloRequest, DEFAULT_SEED, resolveSeed, shardRange } from "../../src/montecarlo/monteCarlo.js";

describe("shardRange", () => {
  it("splits N draws into n contiguous slices covering 0 … N−1 exactly once", () => {
    for (const [N, n] of [[10, 3], [900, 3], [7, 7], [1000, 16], [5, 1]]) {
      const covered: number[] = [];
      let previousEnd = 0;
      for (let k = 1; k <= n; k++) {
        const [a, b] = shardRange(k, n, N);
        expect(a).toBe(previousEnd);
        expect(b - a).toBeGreaterThanOrEqual(Math.floor(N / n));
        expect(b - a).toBeLessThanOrEqual(Math.ceil(N / n));
        for (let d = a; d < b; d++) covered.push(d);
        previousEnd = b;
      }
      expect(covered).toEqual(Array.from({ length: N }, (_, i) => i));
    }
    expect(shardRange(2, 3, 10)).toEqual([3, 6]); // ⌊(k−1)N/n⌋, ⌊kN/n⌋
  });
});

describe("resolveSeed", () => {
  it("takes --seed, then uncertainty.seed, then the scenario's seed, then the default", () => {
    expect(resolveSeed(5, 6, 7)).toEqual({ seed: 5, from: "--seed" });
    expect(resolveSeed(0, 6, 7)).toEqual({ seed: 0, from: "--seed" });
    expect(resolveSeed(undefined, 6, 7)).toEqual({ seed: 6, from: "uncertainty.seed" });
    expect(resolveSeed(undefined, null, 7)).toEqual({ seed: 7, from: "seed" });
    expect(resolveSeed(undefined, null, undefined)).toEqual({ seed: DEFAULT_SEED, from: "default" });
  });
});

describe("checkMonteCarloRequest", () => {
  const ok = { mode: "evaluate" as const, draws: 100, workers: 2 };
  it("accepts sensible requests", () => {
    expect(() => checkMonteCarloRequest(ok)).not.toThrow();
    expect(() => checkMonteCarloRequest({ ...ok, draws: undefined, precision: 0.01 })).not.toThrow();
    expect(() => checkMonteCarloRequest({ ...ok, precision: 0.01 })).not.toThrow(); // draws = cap
    expect(() => checkMonteCarloRequest({ ...ok, shard: { k: 3, n: 3 } })).not.toThrow();
  });
  it("rejects what no run could honour, as usage errors", () => {
    const bad = [
      { ...ok, draws: undefined },
      { ...ok, shard: { k: 1, n: 200 } },
      { ...ok, shard: { k: 1, n: 2 }, draws: undefined, precision: 0.01 },
      { ...ok, seed: 2 ** 53 },
      { ...ok, workers: 1.5 },
    ];
    for (const r of bad) expect(() => checkMonteCarloRequest(r), JSON.stringify(r)).toThrow(expect.objectContaining({ kind: "usage" }));
  });
});
