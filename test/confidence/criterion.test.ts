/** The calibration criterion: a one-sided Agresti–Coull lower bound at z = 2. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lowerBound, metNeeded, passes } from "../../src/confidence/criterion.js";

describe("calibration criterion", () => {
  it("asks for α plus about two standard errors", () => {
    const n = 4000;
    const m = metNeeded(n, 0.9);
    expect(passes(m, n, 0.9)).toBe(true);
    expect(passes(m - 1, n, 0.9)).toBe(false);
    expect(m / n).toBeGreaterThan(0.9 + 1.8 * Math.sqrt(0.09 / n));
    expect(m / n).toBeLessThan(0.9 + 2.2 * Math.sqrt(0.09 / n));
  });

  it("needs no draw for α = 0 and more draws than exist when the sample cannot show α", () => {
    expect(metNeeded(100, 0)).toBe(0);
    expect(passes(0, 100, 0)).toBe(true);
    expect(metNeeded(100, 0.99)).toBe(101);
    expect(passes(100, 100, 0.99)).toBe(false);
  });

  it("is monotone: more met draws never pass less, a higher α never passes more", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 20000 }), fc.double({ min: 0.01, max: 0.99, noNaN: true }), (n, alpha) => {
      const m = metNeeded(n, alpha);
      if (m <= n) {
        expect(passes(m, n, alpha)).toBe(true);
        if (m < n) expect(passes(m + 1, n, alpha)).toBe(true);
      }
      if (m > 0 && m <= n) expect(passes(m - 1, n, alpha)).toBe(false);
      expect(lowerBound(m, n)).toBeLessThanOrEqual((m + 2) / (n + 4));
    }));
  });
});
