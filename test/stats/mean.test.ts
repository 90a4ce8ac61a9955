import { describe, expect, it } from "vitest";
import { mean } from "../../src/stats/mean.js";

describe("mean", () => {
  it("is the arithmetic mean, NaN for no values", () => {
    expect(mean([2, 4, 4, 4, 5, 5, 7, 9])).toBe(5);
    expect(mean([])).toBeNaN();
    expect(mean([1, NaN, 3])).toBeNaN();
  });
  it("sums in the order given, uncompensated", () => {
    expect(mean([1e16, 1, -1e16])).toBe(0);
    expect(mean([1e16, -1e16, 1])).toBe(1 / 3);
  });
});
