import { describe, expect, it } from "vitest";
import { sd } from "../../src/stats/sd.js";

describe("sd", () => {
  it("is the sample standard deviation (divisor n − 1), NaN below two values", () => {
    expect(sd([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(Math.sqrt(32 / 7), 14);
    expect(sd([1])).toBeNaN();
    expect(sd([])).toBeNaN();
  });
  it("is 0 for equal values only when their mean is exact", () => {
    expect(sd([5, 5, 5])).toBe(0);
    const tenths = sd(Array(10).fill(0.1));
    expect(tenths).toBeGreaterThan(0);
    expect(tenths).toBeLessThan(1e-16);
  });
});
