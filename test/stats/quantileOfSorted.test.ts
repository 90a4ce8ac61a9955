import { describe, expect, it } from "vitest";
import { quantileOfSorted } from "../../src/stats/quantileOfSorted.js";

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
});
