import { describe, expect, it } from "vitest";
import { samePlanAtEveryLevel } from "../../src/confidence/samePlan.js";

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
});
