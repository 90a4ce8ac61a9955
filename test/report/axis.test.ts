/** Axis labels: one unit per axis, chosen by its top. */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { attainmentAxis, countAxis, niceCeil } from "../../src/report/axis.js";

describe("countAxis", () => {
  it("labels an axis up to 10,000 in plain numbers throughout (it read 8,000 then 1万)", () => {
    const zh = countAxis("zh", 10_000);
    expect([0, 2_000, 8_000, 10_000].map(zh)).toEqual(["0", "2,000", "8,000", "10,000"]);
    const en = countAxis("en", 10_000);
    expect([8_000, 10_000].map(en)).toEqual(["8,000", "10,000"]);
  });

  it("labels an axis from 10万 in 万 (zh) and k or M (en) throughout", () => {
    const zh = countAxis("zh", 1_500_000);
    expect([0, 50_000, 300_000, 1_500_000].map(zh)).toEqual(["0", "5万", "30万", "150万"]);
    expect([50_000, 150_000].map(countAxis("en", 150_000))).toEqual(["50k", "150k"]);
    expect([500_000, 1_500_000].map(countAxis("en", 1_500_000))).toEqual(["0.5M", "1.5M"]);
  });

  it("without a top, each value takes its own unit (single figures such as a target's label)", () => {
    expect(countAxis("zh")(1_420_000)).toBe("142万");
    expect(countAxis("zh")(8_007)).toBe("8,007");
    expect(countAxis("en")(1_420_000)).toBe("1.42M");
  });

  it("niceCeil gives the axis tops these rules read", () => {
    expect(niceCeil(8_007)).toBe(10_000);
    expect(niceCeil(1_420_000)).toBe(1_500_000);
  });
});

describe("attainmentAxis", () => {
  it("splits a 95–115 % axis into 5 % steps that end on both bounds (ECharts took 3 %: 95 % printed under 96 %)", () => {
    expect(attainmentAxis([1, 0.99, 1.11])).toEqual({ min: 0.95, max: 1.15, interval: 0.05 });
  });

  it("starts at 0 under 50 %, reaches 100 % at least, and takes wider steps on a wide range", () => {
    expect(attainmentAxis([0.3, 0.8])).toEqual({ min: 0, max: 1, interval: 0.2 });
    expect(attainmentAxis([0.6, 1.2])).toEqual({ min: 0.6, max: 1.2, interval: 0.1 });
    // On the step's multiples: 80–160 % in 10 % steps, not 85, 95 … 155 % (a review's stress run).
    expect(attainmentAxis([0.87, 1.52])).toEqual({ min: 0.8, max: 1.6, interval: 0.1 });
    expect(attainmentAxis([1, 1])).toEqual({ min: 0.95, max: 1, interval: 0.05 }); // not an axis of no height
  });

  it("always covers the data with a whole number of round steps (5, 10, 20, 25, 50, 100 %), at most eight", () => {
    fc.assert(fc.property(fc.array(fc.double({ min: 0, max: 60, noNaN: true }), { minLength: 1, maxLength: 20 }), (values) => {
      const { min, max, interval } = attainmentAxis(values);
      const steps = Math.round((max - min) / interval);
      expect(Math.abs(steps * interval - (max - min))).toBeLessThan(1e-9);
      expect(steps).toBeLessThanOrEqual(8);
      // Round: 5, 10, 20, 25, 50 % or whole hundreds of per cent, and both bounds on its multiples.
      expect([0.05, 0.1, 0.2, 0.25, 0.5].some((s) => Math.abs(interval - s) < 1e-12) || Math.abs(interval - Math.round(interval)) < 1e-12).toBe(true);
      for (const bound of [min, max]) expect(Math.abs(bound / interval - Math.round(bound / interval))).toBeLessThan(1e-9);
      expect(max).toBeGreaterThan(min);
      expect(min).toBeLessThanOrEqual(Math.min(...values) + 1e-12);
      expect(max).toBeGreaterThanOrEqual(Math.max(1, ...values) - 1e-12);
    }));
  });
});
