import { describe, expect, it } from "vitest";
import { proportion } from "../../src/stats/proportion.js";

describe("proportion", () => {
  it("P(met) with its standard error √(p(1−p)/n)", () => {
    expect(proportion(30, 100)).toEqual({ p: 0.3, se: Math.sqrt((0.3 * 0.7) / 100), n: 100 });
    expect(proportion(0, 0)).toEqual({ p: NaN, se: NaN, n: 0 });
  });
  it("has standard error 0 at p = 0 or 1, however few the draws", () => {
    expect(proportion(0, 3).se).toBe(0);
    expect(proportion(3, 3).se).toBe(0);
  });
});
