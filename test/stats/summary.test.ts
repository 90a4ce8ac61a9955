import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { averageRanks, precisionReached, proportion, quantileName, quantiles, summarise, tornado } from "../../src/stats/summary.js";
import { spearman } from "../helpers/spearman.js";

describe("quantiles (type 7)", () => {
  it("interpolate linearly between order statistics", () => {
    // h = (n − 1)p: [1,2,3,4] at 0.5 → 2.5; at 0.05 → 1 + 0.15 = 1.15; R: quantile(1:10, .1) = 1.9
    expect(quantiles([4, 1, 3, 2], [0.5, 0.05, 0, 1])).toEqual([2.5, 1.15, 1, 4]);
    expect(quantiles(Array.from({ length: 10 }, (_, i) => i + 1), [0.1])[0]).toBeCloseTo(1.9, 14);
    expect(quantiles([3, 6, 7, 8, 8, 9, 10, 13, 15, 16, 20], [0.5, 0.9])).toEqual([9, 16]);
  });
  it("are monotone in p and within the data range (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 50 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (xs, p1, p2) => {
          const [lo, hi] = p1 <= p2 ? [p1, p2] : [p2, p1];
          const [a, b] = quantiles(xs, [lo, hi]);
          return a <= b && a >= Math.min(...xs) && b <= Math.max(...xs);
        }),
    );
  });
  it("column names", () => {
    expect([0.05, 0.1, 0.5, 0.9, 0.95, 0.025].map(quantileName)).toEqual(["p5", "p10", "p50", "p90", "p95", "p2.5"]);
  });
});

describe("summaries and proportions", () => {
  it("summary has the reporting quantiles", () => {
    const s = summarise(Array.from({ length: 101 }, (_, i) => i));
    expect(s).toEqual({ draws: 101, mean: 50, sd: s.sd, quantiles: { p5: 5, p10: 10, p50: 50, p90: 90, p95: 95 } });
  });
  it("P(met) with its standard error √(p(1−p)/n)", () => {
    expect(proportion(30, 100)).toEqual({ p: 0.3, se: Math.sqrt((0.3 * 0.7) / 100), n: 100 });
    expect(proportion(0, 0).p).toBeNaN();
  });
  it("precision stopping does not trust p = 0 or 1 from a handful of draws", () => {
    expect(precisionReached(10, 10, 0.01)).toBe(false);
    expect(precisionReached(0, 100, 0.01)).toBe(false);
    expect(precisionReached(0, 800, 0.01)).toBe(true);
    expect(precisionReached(5000, 10000, 0.01)).toBe(true); // 1.96·0.005 = 0.0098
    expect(precisionReached(4000, 8000, 0.01)).toBe(false);
  });
});

describe("Spearman", () => {
  it("uses average ranks for ties", () => {
    expect(Array.from(averageRanks([10, 20, 20, 30]))).toEqual([1, 2.5, 2.5, 4]);
    // ranks x = [1, 2.5, 2.5, 4], y = [1, 3, 2, 4]: Σdxdy = 4.5, Σdx² = 4.5, Σdy² = 5
    expect(spearman([1, 2, 2, 3], [1, 3, 2, 4])).toBeCloseTo(4.5 / Math.sqrt(4.5 * 5), 14);
  });
  it("is ±1 for monotone relations and NaN for a constant", () => {
    const x = [1, 5, 2, 8, 3];
    expect(spearman(x, x.map((v) => Math.exp(v)))).toBeCloseTo(1, 14);
    expect(spearman(x, x.map((v) => -v * v * v))).toBeCloseTo(-1, 14);
    expect(spearman(x, [2, 2, 2, 2, 2])).toBeNaN();
  });
});

describe("tornado", () => {
  it("orders by |rho|, ties by id, undefined last and unranked", () => {
    const t = tornado([
      { input: "b", rho: 0.2 },
      { input: "c", rho: NaN },
      { input: "a", rho: -0.2 },
      { input: "d", rho: -0.7 },
    ]);
    expect(t.map((e) => [e.input, e.rank])).toEqual([["d", 1], ["a", 2], ["b", 3], ["c", null]]);
  });
});
