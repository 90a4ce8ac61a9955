import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { binomialQuantile } from "../../src/stats/binomialQuantile.js";

/**
 * An independent oracle: every pmf from ln k! summed as logarithms (no log-gamma), the CDF summed
 * from 0 up (exact in the lower tail), the smallest k whose CDF reaches u, and how far u is from
 * that step.
 */
function oracle(u: number, n: number, p: number): { k: number; step: number } {
  const lnFact = [0];
  for (let k = 1; k <= n; k++) lnFact.push(lnFact[k - 1] + Math.log(k));
  let cdf = 0;
  for (let k = 0; k <= n; k++) {
    const pmf = Math.exp(lnFact[n] - lnFact[k] - lnFact[n - k] + k * Math.log(p) + (n - k) * Math.log1p(-p));
    const before = cdf;
    cdf += pmf;
    if (cdf >= u) return { k, step: Math.min(Math.abs(cdf - u), Math.abs(u - before)) / u };
  }
  return { k: n, step: 0 };
}

describe("binomialQuantile", () => {
  it("inverts the CDF worked by hand for six villages with a 0.25 % slip each", () => {
    // P(X = 0) = 0.9975⁶ = 0.98509…; P(X ≤ 1) = P(0) + 6 · 0.0025 · 0.9975⁵ = 0.99989…
    const p0 = 0.9975 ** 6;
    const p1 = p0 + 6 * 0.0025 * 0.9975 ** 5;
    expect(binomialQuantile(p0 - 1e-9, 6, 0.0025)).toBe(0);
    expect(binomialQuantile(p0 + 1e-9, 6, 0.0025)).toBe(1);
    expect(binomialQuantile(p1 - 1e-9, 6, 0.0025)).toBe(1);
    expect(binomialQuantile(p1 + 1e-9, 6, 0.0025)).toBe(2);
    expect(binomialQuantile(1 - 2 ** -53, 6, 0.0025)).toBe(6); // P(X ≤ 5) = 1 − 0.0025⁶ = 1 − 2.4e-16 < u
  });

  it("gives the certain answers at the ends of n and p", () => {
    expect(binomialQuantile(0.7, 0, 0.3)).toBe(0);
    expect(binomialQuantile(0.7, 9, 0)).toBe(0);
    expect(binomialQuantile(0.7, 9, 1)).toBe(9);
    expect(binomialQuantile(2 ** -53, 9, 0.5)).toBe(0);
    expect(binomialQuantile(1 - 2 ** -53, 9, 0.5)).toBe(9);
  });

  it("matches an independent oracle away from the CDF's steps (both halves of p and of u, both walks)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3000 }),
        fc.double({ min: 0.001, max: 0.999, noNaN: true }),
        fc.double({ min: 1e-6, max: 0.5, noNaN: true }),
        (n, p, u) => {
          // The oracle sums its CDF from 0, exact below ½; above ½ the symmetry n − X is checked instead.
          const expected = oracle(u, n, p);
          if (expected.step < 1e-9) return; // a u on a step: either neighbour is right to rounding
          expect(binomialQuantile(1 - u, n, 1 - p)).toBe(n - expected.k);
          expect(binomialQuantile(u, n, p)).toBe(expected.k);
        },
      ),
      { numRuns: 400, seed: 20261204 },
    );
  });

  it("is right in the far tails, where a CDF summed towards them would have lost its digits", () => {
    const far = oracle(2 ** -53, 2000, 0.4);
    expect(far.k).toBeGreaterThan(500);
    expect(binomialQuantile(2 ** -53, 2000, 0.4)).toBe(far.k);
    expect(binomialQuantile(1 - 2 ** -53, 2000, 0.6)).toBe(2000 - far.k);
    expect(binomialQuantile(1e-20, 50_000, 0.3)).toBe(oracle(1e-20, 50_000, 0.3).k);
  });

  it("starts at the mode when (1 − p)ⁿ underflows, and agrees with the oracle there", () => {
    for (const [n, p] of [[5000, 0.3], [20000, 0.05], [8000, 0.9]] as const) {
      expect(Math.exp(n * Math.log1p(-Math.min(p, 1 - p)))).toBeLessThan(1e-280);
      for (const u of [0.001, 0.1, 0.37, 0.5, 0.81, 0.999]) {
        const expected = oracle(u, n, p);
        if (expected.step < 1e-9) continue;
        expect(binomialQuantile(u, n, p)).toBe(expected.k);
      }
    }
  });

  it("has the binomial's mean and variance over a grid of uniforms", () => {
    const n = 40;
    const p = 0.13;
    const m = 20000;
    let sum = 0;
    let sq = 0;
    for (let i = 0; i < m; i++) {
      const k = binomialQuantile((i + 0.5) / m, n, p);
      sum += k;
      sq += k * k;
    }
    const mean = sum / m;
    expect(mean).toBeCloseTo(n * p, 2);
    expect(sq / m - mean * mean).toBeCloseTo(n * p * (1 - p), 1);
  });
});
