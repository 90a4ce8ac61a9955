import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cdf, mean, prepareDist, quantile, variance } from "../../src/montecarlo/distributions.js";
import { normaliseDist } from "../../src/montecarlo/distParams.js";
import { Stream } from "../../src/montecarlo/streams.js";
import type { Dist } from "../../src/montecarlo/types.js";
import type { RawDist } from "../../src/montecarlo/distSchema.js";

const N = 200_000;
/** Kolmogorov–Smirnov critical value at α = 0.001: √(−ln(α/2)/2)/√n. */
const KS_CRITICAL = Math.sqrt(-Math.log(0.001 / 2) / 2) / Math.sqrt(N);

function dist(raw: RawDist): Dist {
  const problems: { path: (string | number)[]; message: string }[] = [];
  const d = normaliseDist(raw, [], problems);
  if (!d) throw new Error(JSON.stringify(problems));
  return d;
}

const CONTINUOUS: [string, Dist][] = [
  ["uniform", dist({ type: "uniform", min: 0.9, max: 1.6 })],
  ["triangular", dist({ type: "triangular", min: 0.7, mode: 0.95, max: 1 })],
  ["triangular at min", dist({ type: "triangular", min: 0, mode: 0, max: 2 })],
  ["pert", dist({ type: "pert", min: 0.9, mode: 1, max: 1.6 })],
  ["pert skewed λ=2", dist({ type: "pert", min: 0, mode: 0.05, max: 1, lambda: 2 })],
  ["pert symmetric λ=10", dist({ type: "pert", min: -1, mode: 0, max: 1, lambda: 10 })],
  ["normal", dist({ type: "normal", mean: 1, sd: 0.1 })],
  ["normal truncated both", dist({ type: "normal", mean: 1, sd: 0.3, min: 0.8, max: 1.1 })],
  ["normal truncated far tail", dist({ type: "normal", mean: 0, sd: 1, min: 3 })],
  ["normal truncated upper", dist({ type: "normal", mean: 0.05, sd: 0.05, min: 0, max: 1 })],
  ["lognormal mu/sigma", dist({ type: "lognormal", mu: 0, sigma: 0.25 })],
  ["lognormal mean/sd", dist({ type: "lognormal", mean: 1.1, sd: 0.2 })],
  ["lognormal truncated", dist({ type: "lognormal", mean: 1, sd: 0.3, min: 0.8, max: 1.5 })],
];

const DISCRETE: [string, Dist][] = [
  ["discrete weighted", dist({ type: "discrete", values: [0.7, 1, 0.85], weights: [1, 2, 1] })],
  ["discrete empirical", dist({ type: "discrete", values: [3, 1, 2, 2, 5] })],
];

function sample(d: Dist, name: string): Float64Array {
  const s = new Stream(20240501, 0, `test-${name}`);
  const p = prepareDist(d);
  const out = new Float64Array(N);
  for (let i = 0; i < N; i++) out[i] = p.quantile(s.next());
  return out;
}

function moments(xs: Float64Array) {
  let m = 0;
  for (const x of xs) m += x;
  m /= xs.length;
  let v = 0;
  for (const x of xs) v += (x - m) * (x - m);
  return { m, v: v / (xs.length - 1) };
}

const samples = new Map<string, Float64Array>();
const sampled = (name: string, d: Dist) => samples.get(name) ?? samples.set(name, sample(d, name)).get(name)!;

describe.each([...CONTINUOUS, ...DISCRETE])("%s", (name, d) => {
  it("matches the analytic mean and variance over 200k draws", () => {
    const { m, v } = moments(sampled(name, d));
    const sdv = Math.sqrt(variance(d));
    expect(Math.abs(m - mean(d))).toBeLessThan((5 * sdv) / Math.sqrt(N));
    expect(Math.abs(v / variance(d) - 1)).toBeLessThan(0.02);
  });
  it("stays within the support", () => {
    const { lower, upper } = prepareDist(d);
    const xs = sampled(name, d);
    expect(xs.reduce((m, x) => Math.min(m, x), Infinity)).toBeGreaterThanOrEqual(lower);
    expect(xs.reduce((m, x) => Math.max(m, x), -Infinity)).toBeLessThanOrEqual(upper);
  });
  it("quantiles gives quantile's numbers bit for bit, and only the first n", () => {
    const u = new Stream(7, 0, `batch-${name}`).fill(new Float64Array(1000));
    u[0] = 1e-12; // deep in the lower tail
    u[1] = 1 - 1e-12;
    const out = new Float64Array(1001).fill(-7);
    prepareDist(d).quantiles(u, out, 1000);
    expect(Array.from(out.subarray(0, 1000))).toEqual(Array.from(u, (x) => quantile(d, x)));
    expect(out[1000]).toBe(-7);
  });
});

describe.each(CONTINUOUS)("%s: Kolmogorov–Smirnov", (name, d) => {
  it("D is below the α = 0.001 critical value", () => {
    const xs = Float64Array.from(sampled(name, d)).sort();
    let D = 0;
    for (let i = 0; i < N; i++) {
      const F = cdf(d, xs[i]);
      D = Math.max(D, (i + 1) / N - F, F - i / N);
    }
    expect(D).toBeLessThan(KS_CRITICAL);
  });
  it("cdf inverts quantile, tails included", () => {
    for (const u of [1e-12, 1e-6, 0.001, 0.1, 0.37, 0.5, 0.77, 0.999, 1 - 1e-6, 1 - 1e-12]) {
      expect(Math.abs(cdf(d, quantile(d, u)) - u)).toBeLessThan(1e-9 * Math.min(u, 1 - u) + 1e-13);
    }
  });
});

describe("discrete", () => {
  it("draws each value with its weight (frequency within 5 standard errors)", () => {
    const d = DISCRETE[0][1] as Extract<Dist, { type: "discrete" }>;
    expect(d.values).toEqual([0.7, 0.85, 1]);
    expect(d.weights).toEqual([0.25, 0.25, 0.5]);
    const xs = sampled("discrete weighted", d);
    d.values.forEach((v, k) => {
      const f = xs.filter((x) => x === v).length / N;
      const w = d.weights[k];
      expect(Math.abs(f - w)).toBeLessThan(5 * Math.sqrt((w * (1 - w)) / N));
    });
  });
  it("empirical: equal weight per observation, repeated values merged", () => {
    const d = DISCRETE[1][1] as Extract<Dist, { type: "discrete" }>;
    expect(d.values).toEqual([1, 2, 3, 5]);
    expect(d.weights).toEqual([0.2, 0.4, 0.2, 0.2]);
    expect(quantile(d, 0.2)).toBe(1);
    expect(quantile(d, 0.2000001)).toBe(2);
    expect(cdf(d, 2)).toBeCloseTo(0.6, 12);
    expect(cdf(d, 0.5)).toBe(0);
  });
});

describe("analytic values", () => {
  it("PERT mean is (min + λ·mode + max)/(λ + 2)", () => {
    expect(mean(dist({ type: "pert", min: 0.9, mode: 1, max: 1.6 }))).toBeCloseTo((0.9 + 4 + 1.6) / 6, 14);
  });
  it("lognormal given mean/sd reproduces them", () => {
    const d = dist({ type: "lognormal", mean: 1.1, sd: 0.2 });
    expect(mean(d)).toBeCloseTo(1.1, 12);
    expect(Math.sqrt(variance(d))).toBeCloseTo(0.2, 12);
  });
  it("normal truncated symmetrically keeps its mean", () => {
    expect(mean(dist({ type: "normal", mean: 2, sd: 1, min: 1, max: 3 }))).toBeCloseTo(2, 12);
  });
  it("far-tail truncated normal: mean is the inverse Mills ratio", () => {
    // E[Z | Z > 8] = φ(8)/Q(8) ≈ 8.1211
    expect(mean(dist({ type: "normal", mean: 0, sd: 1, min: 8 }))).toBeCloseTo(8.121, 3);
    expect(quantile(dist({ type: "normal", mean: 0, sd: 1, min: 8 }), 0.5)).toBeGreaterThan(8);
  });
});

const bounded = fc
  .tuple(fc.double({ min: -1e3, max: 1e3, noNaN: true }), fc.double({ min: 1e-3, max: 1e3, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }))
  .map(([min, width, t]) => ({ min, max: min + width, mode: min + t * width }));
const unit = fc.double({ min: 1e-9, max: 1 - 1e-9, noNaN: true });

describe("properties", () => {
  it("bounded families: quantile is monotone in u and within [min, max]", () => {
    fc.assert(
      fc.property(bounded, fc.constantFrom("uniform", "triangular", "pert"), unit, unit, ({ min, mode, max }, type, u1, u2) => {
        const d = dist(type === "uniform" ? { type, min, max } : { type, min, mode, max });
        const [a, b] = u1 <= u2 ? [u1, u2] : [u2, u1];
        const qa = quantile(d, a);
        const qb = quantile(d, b);
        // Monotone up to floating-point rounding (u a few ulps apart at 1e-9 can invert by 1e-16).
        return qa <= qb + 1e-12 * Math.max(1, Math.abs(qb)) && qa >= min && qb <= max;
      }),
      { numRuns: 300, seed: 20211 },
    );
  });
  it("truncated normal and lognormal: monotone and within their bounds", () => {
    fc.assert(
      fc.property(fc.double({ min: -2, max: 2, noNaN: true }), fc.double({ min: 0.01, max: 3, noNaN: true }), fc.double({ min: 0.05, max: 2, noNaN: true }), unit, unit, (m, s, w, u1, u2) => {
        const lo = Math.exp(m - s);
        const d = dist({ type: "lognormal", mu: m, sigma: s, min: lo, max: lo * (1 + w) });
        const n = dist({ type: "normal", mean: m, sd: s, min: m - w, max: m + 2 * w });
        const [a, b] = u1 <= u2 ? [u1, u2] : [u2, u1];
        // Monotone up to rounding: two u a few ulps apart in the far tail may differ by 1e-16 relative.
        const le = (x: number, y: number) => x <= y + 1e-12 * Math.max(1, Math.abs(y));
        return (
          le(quantile(d, a), quantile(d, b)) && quantile(d, a) >= lo && quantile(d, b) <= lo * (1 + w) &&
          le(quantile(n, a), quantile(n, b)) && quantile(n, a) >= m - w && quantile(n, b) <= m + 2 * w
        );
      }),
      { numRuns: 300, seed: 20212 },
    );
  });
});
