import { describe, expect, it } from "vitest";
import { betaCdf, betaPdf, betaQuantileFunction } from "../../src/stats/beta.js";
import { normalCdf, normalMass, normalQuantile, normalUpper } from "../../src/stats/normal.js";

describe("normal", () => {
  // Φ(z) from erfc in the C library (Python: 0.5 * math.erfc(-z / sqrt(2))).
  const REFERENCE: [number, number][] = [
    [-37, 5.725571222525139e-300],
    [-30, 4.906713927148764e-198],
    [-20, 2.7536241186063314e-89],
    [-10, 7.619853024160593e-24],
    [-8, 6.220960574271819e-16],
    [-6.89, 2.7896193978476664e-12],
    [-5.66, 7.568649751997724e-9],
    [-5.65, 8.022391850663509e-9],
    [-3, 0.0013498980316300957],
    [-1, 0.15865525393145707],
    [-0.6745, 0.2499967428636992],
    [-0.5, 0.3085375387259869],
    [0, 0.5],
    [0.3, 0.6179114221889526],
    [1, 0.8413447460685429],
    [2.5, 0.9937903346742238],
    [6, 0.9999999990134123],
  ];
  it.each(REFERENCE)("Φ(%d) matches the C library to 5e-13 relative", (z, want) => {
    expect(Math.abs(normalCdf(z) / want - 1)).toBeLessThan(5e-13);
    expect(Math.abs(normalUpper(-z) / want - 1)).toBeLessThan(5e-13);
  });
  it("quantile matches reference values (R qnorm)", () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 12);
  });
  it("quantile inverts the CDF across the range", () => {
    for (let z = -8; z <= 8; z += 0.37) {
      const p = normalCdf(z);
      const back = z > 0 ? -normalQuantile(normalUpper(z)) : normalQuantile(p);
      expect(Math.abs(back - z)).toBeLessThan(1e-12 * Math.max(1, Math.abs(z)));
    }
  });
  it("mass between bounds keeps precision in the upper tail", () => {
    expect(normalMass(9, Infinity) / normalUpper(9)).toBeCloseTo(1, 14);
    expect(normalMass(-Infinity, Infinity)).toBe(1);
    expect(normalMass(-1, 1)).toBeCloseTo(0.6826894921370859, 14);
  });
  it("handles infinities and NaN", () => {
    expect(normalCdf(-Infinity)).toBe(0);
    expect(normalCdf(Infinity)).toBe(1);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(1.5)).toBeNaN();
  });
});

describe("beta", () => {
  it("CDF matches closed forms", () => {
    // Beta(1, b): 1 − (1 − x)^b; Beta(2, 2): 3x² − 2x³
    expect(betaCdf(0.3, 1, 4)).toBeCloseTo(1 - 0.7 ** 4, 14);
    expect(betaCdf(0.3, 2, 2)).toBeCloseTo(3 * 0.09 - 2 * 0.027, 14);
    expect(betaCdf(0.9, 2, 2)).toBeCloseTo(3 * 0.81 - 2 * 0.729, 14);
  });
  it.each([
    [1, 1],
    [1, 5],
    [1.5714, 4.4286],
    [3, 3],
    [5, 1.2],
    [21, 31],
  ])("quantile of Beta(%d, %d) inverts the CDF to ~1e-9 relative in x, tails included", (a, b) => {
    const q = betaQuantileFunction(a, b);
    let prev = 0;
    for (let i = 1; i < 20000; i++) {
      const p = i / 20000;
      const x = q.at(p);
      expect(x).toBeGreaterThanOrEqual(prev);
      prev = x;
      // |F(x) − p| ≈ pdf(x)·|Δx|, with |Δx| ≤ 1e-9·min(x, 1 − x) (2× headroom)
      expect(Math.abs(betaCdf(x, a, b) - p)).toBeLessThan(2e-9 * betaPdf(x, a, b) * Math.min(x, 1 - x) + 1e-13);
    }
    for (const p of [1e-15, 1e-9, 1e-5, 1 - 1e-5, 1 - 1e-9]) {
      expect(Math.abs(betaCdf(q.at(p), a, b) - p) / Math.min(p, 1 - p)).toBeLessThan(1e-6);
    }
    expect(q.at(0)).toBe(0);
    expect(q.at(1)).toBe(1);
  });
  it("into gives the quantiles one by one would, bit for bit, Newton cells and edges included", () => {
    const q = betaQuantileFunction(1.5714, 4.4286);
    const p = Float64Array.from({ length: 4001 }, (_, i) => i / 4000);
    p[1] = 1e-15;
    const out = new Float64Array(4002).fill(-1);
    q.into(p, out, p.length);
    expect(Array.from(out.subarray(0, p.length))).toEqual(Array.from(p, (x) => q.at(x)));
    expect(out[p.length]).toBe(-1);
  });
});
