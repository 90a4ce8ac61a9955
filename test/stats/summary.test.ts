import { describe, expect, it } from "vitest";
import { averageRanks, tornado } from "../../src/stats/summary.js";
import { spearman } from "../helpers/spearman.js";

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
