import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { quantiles } from "../../src/stats/quantiles.js";

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
  it("leave the input unsorted", () => {
    const xs = [4, 1, 3, 2];
    quantiles(xs, [0.5]);
    expect(xs).toEqual([4, 1, 3, 2]);
  });
});
