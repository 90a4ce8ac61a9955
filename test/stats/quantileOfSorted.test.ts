import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { quantileOfSorted } from "../../src/stats/quantileOfSorted.js";
import { sortedCopy } from "../../src/stats/sortedCopy.js";

/** Type-7 quantiles of unsorted values, as summarise takes them. */
const quantiles = (xs: number[], ps: number[]) => ps.map((p) => quantileOfSorted(sortedCopy(xs), p));

describe("quantileOfSorted", () => {
  it("gives an order statistic exactly when h = (n − 1)p is whole", () => {
    const xs = [0.1, 0.2, 0.3, 0.7, 1.1];
    expect([0, 0.25, 0.5, 0.75, 1].map((p) => quantileOfSorted(xs, p))).toEqual(xs);
  });
  it("is NaN for no values and refuses p outside [0, 1]", () => {
    expect(quantileOfSorted([], 0.5)).toBeNaN();
    expect(() => quantileOfSorted([1, 2], 1.5)).toThrow();
    expect(() => quantileOfSorted([1, 2], -0.1)).toThrow();
  });
  it("is NaN where the interpolation reaches a NaN sorted last, not below", () => {
    const xs = [1, 2, 3, NaN];
    expect(quantileOfSorted(xs, 0.5)).toBe(2.5);
    expect(quantileOfSorted(xs, 2 / 3)).toBe(3);
    expect(quantileOfSorted(xs, 0.7)).toBeNaN();
  });
  it("interpolates linearly between order statistics", () => {
    // h = (n − 1)p: [1,2,3,4] at 0.5 → 2.5; at 0.05 → 1 + 0.15 = 1.15; R: quantile(1:10, .1) = 1.9
    expect(quantiles([4, 1, 3, 2], [0.5, 0.05, 0, 1])).toEqual([2.5, 1.15, 1, 4]);
    expect(quantiles(Array.from({ length: 10 }, (_, i) => i + 1), [0.1])[0]).toBeCloseTo(1.9, 14);
    expect(quantiles([3, 6, 7, 8, 8, 9, 10, 13, 15, 16, 20], [0.5, 0.9])).toEqual([9, 16]);
  });
  it("is monotone in p and within the data range (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 50 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (xs, p1, p2) => {
          const [lo, hi] = p1 <= p2 ? [p1, p2] : [p2, p1];
          const [a, b] = quantiles(xs, [lo, hi]);
          return a <= b && a >= Math.min(...xs) && b <= Math.max(...xs);
        }),
    );
  });
});
