import { describe, expect, it } from "vitest";
import { sameMoneyAtEveryLevel, samePlanAtEveryLevel } from "../../src/confidence/samePlan.js";

const levels = (values: Record<string, (number | null)[]>) =>
  Object.entries(values).flatMap(([target, planned]) => planned.map((p) => ({ target, planned: p })));

describe("samePlanAtEveryLevel: a frontier whose levels all got the same plan", () => {
  it("holds where every target is planned the same at every level, to frontier.csv's 4 decimals (Guangdong at 50–95 %)", () => {
    expect(samePlanAtEveryLevel(levels({ gd: [8560.1857, 8560.1857, 8560.18570001], county: [2464, 2464, 2464] }))).toBe(true);
  });

  it("does not where one target moves at one level, or has no planned value there", () => {
    expect(samePlanAtEveryLevel(levels({ gd: [8560.1857, 8560.1857, 8560.1857], county: [2464, 2464, 2440] }))).toBe(false);
    expect(samePlanAtEveryLevel(levels({ gd: [8560.1857, null] }))).toBe(false);
  });

  it("does not where a large target moves by a household (a relative 1e-6 let 1.4 households through)", () => {
    expect(samePlanAtEveryLevel(levels({ hh: [1498899, 1498900.4] }))).toBe(false);
    expect(samePlanAtEveryLevel(levels({ hh: [1498899, 1498899.00004] }))).toBe(true);
  });
});

describe("sameMoneyAtEveryLevel: the printed note's and the chart's other half", () => {
  it("holds within 0.1 % of the most money, not beyond, nor with an amount missing", () => {
    expect(sameMoneyAtEveryLevel([343.16e8, 343.1e8])).toBe(true);
    expect(sameMoneyAtEveryLevel([343.16e8, 340e8])).toBe(false);
    expect(sameMoneyAtEveryLevel([343.16e8, null])).toBe(false);
  });
});
