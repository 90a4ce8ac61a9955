/**
 * Sampling by inverse CDF: every family maps a uniform u ∈ (0, 1) to a value through its quantile
 * function, so one uniform stream drives any distribution, common random numbers pair scenarios,
 * and the Gaussian copula can correlate inputs by correlating their uniforms.
 *
 * `prepareDist` does the per-distribution set-up once (normalising constants, the PERT table);
 * `quantile`/`cdf`/`mean`/`variance` are conveniences that cache the prepared form per object.
 * Accuracy: uniform, triangular, discrete exact to rounding; normal and lognormal (truncated or
 * not) ~1e-15 relative (AS 241 and Hart 5666, see stats/normal.ts); PERT ~1e-14 in probability
 * (see stats/beta.ts). Analytic mean and variance for all, including truncation.
 */
import { type BetaInverse, betaCdf, betaQuantileFunction, lnBeta } from "../stats/beta.js";
import { normalCdf, normalMass, normalPdf, normalQuantile, normalUpperQuantile } from "../stats/normal.js";
import type { Dist } from "./types.js";

export interface PreparedDist {
  readonly dist: Dist;
  /** Inverse CDF at u ∈ (0, 1) (also defined at 0 and 1 where the support is bounded). */
  quantile(u: number): number;
  /**
   * out[i] = quantile(u[i]) for i < n, the same numbers. A sampler calls this once per input
   * instead of `quantile` once per cell: each family's loop calls only its own quantile, which
   * V8 can inline, where one call site shared by all families cannot (~200 cells a draw).
   */
  quantiles(u: Float64Array, out: Float64Array, n: number): void;
  cdf(x: number): number;
  readonly mean: number;
  readonly variance: number;
  /** Support bounds (±Infinity when unbounded). */
  readonly lower: number;
  readonly upper: number;
}

const cache = new WeakMap<Dist, PreparedDist>();

export function prepareDist(dist: Dist): PreparedDist {
  let p = cache.get(dist);
  if (!p) {
    p = build(dist);
    cache.set(dist, p);
  }
  return p;
}

export const quantile = (dist: Dist, u: number): number => prepareDist(dist).quantile(u);
export const cdf = (dist: Dist, x: number): number => prepareDist(dist).cdf(x);
export const mean = (dist: Dist): number => prepareDist(dist).mean;
export const variance = (dist: Dist): number => prepareDist(dist).variance;

function build(d: Dist): PreparedDist {
  switch (d.type) {
    case "uniform":
      return uniform(d);
    case "triangular":
      return triangular(d);
    case "pert":
      return pert(d);
    case "normal":
      return normal(d);
    case "lognormal":
      return lognormal(d);
    case "discrete":
      return discrete(d);
  }
}

function uniform(d: Extract<Dist, { type: "uniform" }>): PreparedDist {
  const { min: a, max: b } = d;
  const quantile = (u: number) => Math.min(b, a + u * (b - a)); // rounding must not step past max
  return {
    dist: d,
    quantile,
    quantiles: (u, out, n) => {
      for (let i = 0; i < n; i++) out[i] = quantile(u[i]);
    },
    cdf: (x) => (x <= a ? 0 : x >= b ? 1 : (x - a) / (b - a)),
    mean: (a + b) / 2,
    variance: ((b - a) * (b - a)) / 12,
    lower: a,
    upper: b,
  };
}

function triangular(d: Extract<Dist, { type: "triangular" }>): PreparedDist {
  const { min: a, mode: c, max: b } = d;
  const fc = (c - a) / (b - a);
  const quantile = (u: number) => Math.max(a, Math.min(b, u < fc ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c))));
  return {
    dist: d,
    quantile,
    quantiles: (u, out, n) => {
      for (let i = 0; i < n; i++) out[i] = quantile(u[i]);
    },
    cdf: (x) => {
      if (x <= a) return 0;
      if (x >= b) return 1;
      if (x <= c) return ((x - a) * (x - a)) / ((b - a) * (c - a));
      return 1 - ((b - x) * (b - x)) / ((b - a) * (b - c));
    },
    mean: (a + b + c) / 3,
    variance: (a * a + b * b + c * c - a * b - a * c - b * c) / 18,
    lower: a,
    upper: b,
  };
}

/** PERT: min + (max − min) · Beta(α, β), α = 1 + λ(mode − min)/(max − min), β = 1 + λ(max − mode)/(max − min). */
function pert(d: Extract<Dist, { type: "pert" }>): PreparedDist {
  const { min: a, mode: c, max: b, lambda } = d;
  const alpha = 1 + (lambda * (c - a)) / (b - a);
  const beta = 1 + (lambda * (b - c)) / (b - a);
  const lnB = lnBeta(alpha, beta);
  // Tabulated on first use: checking a scenario prepares every distribution, and a plan without
  // draws never asks for a quantile (the table takes a few tens of ms per PERT input).
  let table: BetaInverse | null = null;
  const inv = () => (table ??= betaQuantileFunction(alpha, beta));
  const mu = (a + lambda * c + b) / (lambda + 2);
  return {
    dist: d,
    quantile: (u) => Math.min(b, a + (b - a) * inv().at(u)),
    quantiles: (u, out, n) => {
      inv().into(u, out, n); // the beta quantiles first, in one call, then scaled as `quantile` scales them
      for (let i = 0; i < n; i++) out[i] = Math.min(b, a + (b - a) * out[i]);
    },
    cdf: (x) => betaCdf((x - a) / (b - a), alpha, beta, lnB),
    mean: mu,
    variance: ((mu - a) * (b - mu)) / (lambda + 3),
    lower: a,
    upper: b,
  };
}

/**
 * Standard normal truncated to [a, b] (standardised bounds): quantile, CDF and the moments of
 * exp(k·Z) needed by the lognormal. Works from whichever tail keeps precision.
 */
export interface TruncatedStdNormal {
  a: number;
  b: number;
  /** P(a < Z ≤ b) of the untruncated normal; > 0 for a valid distribution. */
  mass: number;
  quantile(u: number): number;
  cdf(z: number): number;
  mean: number;
  variance: number;
}

export function truncatedStdNormal(a: number, b: number): TruncatedStdNormal {
  const mass = normalMass(a, b);
  const massBelowA = normalCdf(a);
  const massAboveB = normalCdf(-b);
  const pa = Number.isFinite(a) ? normalPdf(a) : 0;
  const pb = Number.isFinite(b) ? normalPdf(b) : 0;
  const apa = Number.isFinite(a) ? a * pa : 0;
  const bpb = Number.isFinite(b) ? b * pb : 0;
  const shift = (pa - pb) / mass;
  const untruncated = a === -Infinity && b === Infinity;
  return {
    a,
    b,
    mass,
    quantile(u) {
      if (untruncated) return normalQuantile(u);
      // P(Z ≤ z) = massBelowA + u·mass; use the upper tail when that is the smaller area.
      const lowerArea = massBelowA + u * mass;
      const upperArea = massAboveB + (1 - u) * mass;
      const z = lowerArea <= upperArea ? normalQuantile(lowerArea) : normalUpperQuantile(upperArea);
      return Math.min(b, Math.max(a, z));
    },
    cdf(z) {
      if (z <= a) return 0;
      if (z >= b) return 1;
      return normalMass(a, z) / mass;
    },
    mean: shift,
    variance: 1 + (apa - bpb) / mass - shift * shift,
  };
}

function normal(d: Extract<Dist, { type: "normal" }>): PreparedDist {
  const { mean: mu, sd } = d;
  const lower = d.min ?? -Infinity;
  const upper = d.max ?? Infinity;
  const t = truncatedStdNormal((lower - mu) / sd, (upper - mu) / sd);
  const quantile = (u: number) => Math.min(upper, Math.max(lower, mu + sd * t.quantile(u)));
  return {
    dist: d,
    quantile,
    quantiles: (u, out, n) => {
      for (let i = 0; i < n; i++) out[i] = quantile(u[i]);
    },
    cdf: (x) => t.cdf((x - mu) / sd),
    mean: mu + sd * t.mean,
    variance: sd * sd * t.variance,
    lower,
    upper,
  };
}

/** log X ~ N(mu, sigma²), truncated to [ln min, ln max] when bounds are given. */
function lognormal(d: Extract<Dist, { type: "lognormal" }>): PreparedDist {
  const { mu, sigma } = d;
  const lower = d.min !== null && d.min > 0 ? d.min : 0;
  const upper = d.max ?? Infinity;
  const a = lower > 0 ? (Math.log(lower) - mu) / sigma : -Infinity;
  const b = Number.isFinite(upper) ? (Math.log(upper) - mu) / sigma : Infinity;
  const t = truncatedStdNormal(a, b);
  // E[X^k] = exp(k·mu + k²σ²/2) · P(a − kσ < Z ≤ b − kσ) / P(a < Z ≤ b)
  const moment = (k: number) => Math.exp(k * mu + (k * k * sigma * sigma) / 2) * (normalMass(a - k * sigma, b - k * sigma) / t.mass);
  const m1 = moment(1);
  const untruncated = a === -Infinity && b === Infinity;
  const variance = untruncated ? Math.expm1(sigma * sigma) * Math.exp(2 * mu + sigma * sigma) : Math.max(0, moment(2) - m1 * m1);
  const quantile = (u: number) => Math.min(upper, Math.max(lower, Math.exp(mu + sigma * t.quantile(u))));
  return {
    dist: d,
    quantile,
    quantiles: (u, out, n) => {
      for (let i = 0; i < n; i++) out[i] = quantile(u[i]);
    },
    cdf: (x) => (x <= lower ? 0 : t.cdf((Math.log(x) - mu) / sigma)),
    mean: m1,
    variance,
    lower,
    upper,
  };
}

/** Values ascending and distinct, weights summing to 1 (as normalised by the schema). */
function discrete(d: Extract<Dist, { type: "discrete" }>): PreparedDist {
  const values = Float64Array.from(d.values);
  const cum = new Float64Array(values.length);
  let acc = 0;
  let m1 = 0;
  for (let i = 0; i < values.length; i++) {
    acc += d.weights[i];
    cum[i] = acc;
    m1 += d.weights[i] * values[i];
  }
  cum[values.length - 1] = 1; // rounding must not leave u near 1 without a value
  let m2 = 0;
  for (let i = 0; i < values.length; i++) m2 += d.weights[i] * (values[i] - m1) * (values[i] - m1);
  const last = values.length - 1;
  // Smallest value whose cumulative probability reaches u.
  const quantile = (u: number) => {
    let lo = 0;
    let hi = last;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    return values[lo];
  };
  return {
    dist: d,
    quantile,
    quantiles: (u, out, n) => {
      for (let i = 0; i < n; i++) out[i] = quantile(u[i]);
    },
    cdf(x) {
      let lo = 0;
      let hi = values.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (values[mid] <= x) lo = mid + 1;
        else hi = mid;
      }
      return lo === 0 ? 0 : cum[lo - 1];
    },
    mean: m1,
    variance: m2,
    lower: values[0],
    upper: values[last],
  };
}
