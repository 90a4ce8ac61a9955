import { describe, expect, it } from "vitest";
import { summarise } from "../../src/stats/summarise.js";

describe("summarise", () => {
  it("has the reporting quantiles", () => {
    const s = summarise(Array.from({ length: 101 }, (_, i) => i));
    expect(s).toEqual({ draws: 101, mean: 50, sd: s.sd, quantiles: { p5: 5, p10: 10, p50: 50, p90: 90, p95: 95 } });
  });
  it("keys the quantiles asked for by their column names", () => {
    expect(summarise([4, 1, 3, 2], [0.1, 0.5, 0.9]).quantiles).toEqual({ p10: 1.3, p50: 2.5, p90: 3.7 });
  });
  it("is NaN throughout for no values", () => {
    expect(summarise([])).toEqual({ draws: 0, mean: NaN, sd: NaN, quantiles: { p5: NaN, p10: NaN, p50: NaN, p90: NaN, p95: NaN } });
  });
});
