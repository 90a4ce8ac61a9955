import { describe, expect, it } from "vitest";
import { pearson } from "../../src/stats/pearson.js";
import { spearman } from "../helpers/spearman.js";

describe("pearson", () => {
  it("is exactly ±1 for y = ±x, and may pass 1 by an ulp otherwise", () => {
    const x = [0.1, 0.7, 0.2, 0.9];
    expect(pearson(x, x)).toBe(1);
    expect(pearson(x, x.map((v) => -v))).toBe(-1);
    const z = [0.2, 1.9, 2.5];
    expect(pearson(z, z.map((v) => v * 0.1))).toBe(1.0000000000000002);
  });
  it("is NaN below two pairs or for a constant side with an exact mean, and refuses sides of different lengths", () => {
    expect(pearson([1], [2])).toBeNaN();
    expect(pearson([1, 2, 3], [4, 4, 4])).toBeNaN();
    expect(() => pearson([1, 2], [1, 2, 3])).toThrow(RangeError);
  });
});

describe("Spearman: Pearson of average ranks", () => {
  it("uses average ranks for ties", () => {
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
