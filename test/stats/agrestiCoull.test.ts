/** The Agresti–Coull estimate, by hand and as the two callers use it. */
import { describe, expect, it } from "vitest";
import { lowerBound } from "../../src/confidence/criterion.js";
import { agrestiCoull } from "../../src/stats/agrestiCoull.js";
import { precisionReached } from "../../src/stats/precisionReached.js";

describe("agrestiCoull", () => {
  it("adds two successes and two failures: 0 of 20 is p̃ = 2/24, not certain failure", () => {
    const { p, se } = agrestiCoull(0, 20);
    expect(p).toBeCloseTo(2 / 24, 15);
    expect(se).toBeCloseTo(Math.sqrt(((2 / 24) * (22 / 24)) / 24), 15);
    expect(se).toBeGreaterThan(0.05);
  });

  it("is what the confidence criterion and the --precision stop read", () => {
    const { p, se } = agrestiCoull(930, 1000);
    expect(lowerBound(930, 1000)).toBeCloseTo(p - 2 * se, 15);
    expect(precisionReached(930, 1000, 1.96 * se)).toBe(true);
    expect(precisionReached(930, 1000, 1.96 * se * 0.99)).toBe(false);
  });
});
