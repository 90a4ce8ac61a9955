/**
 * Checks a parsed distribution's parameters and normalises it into a `Dist` (lognormal mean/sd
 * turned into mu/sigma, discrete values sorted and merged, weights summing to 1). Each problem is
 * reported at the parameter's own path, e.g. `inputs[2].dist.mode: min 1.2 > mode 1.0`.
 */
import { normalMass } from "../stats/normal.js";
import type { RawDist } from "./distSchema.js";
import type { Dist, UncertaintyProblem } from "./types.js";

type Path = (string | number)[];

export function normaliseDist(raw: RawDist, path: Path, problems: UncertaintyProblem[]): Dist | null {
  const before = problems.length;
  const fail = (key: string | number | (string | number)[], message: string) =>
    problems.push({ path: [...path, ...(Array.isArray(key) ? key : [key])], message });
  const ordered = (lo: number, hi: number, loName: string, hiName: string, at: string, strict: boolean) => {
    if (strict ? !(lo < hi) : lo > hi) fail(at, `${loName} ${lo} ${strict && lo === hi ? "=" : ">"} ${hiName} ${hi}${strict ? ` (${loName} must be below ${hiName})` : ""}`);
  };
  switch (raw.type) {
    case "uniform":
      ordered(raw.min, raw.max, "min", "max", "max", true);
      return problems.length > before ? null : { type: "uniform", min: raw.min, max: raw.max };
    case "triangular":
    case "pert": {
      ordered(raw.min, raw.max, "min", "max", "max", true);
      ordered(raw.min, raw.mode, "min", "mode", "mode", false);
      ordered(raw.mode, raw.max, "mode", "max", "mode", false);
      if (problems.length > before) return null;
      if (raw.type === "triangular") return { type: "triangular", min: raw.min, mode: raw.mode, max: raw.max };
      return { type: "pert", min: raw.min, mode: raw.mode, max: raw.max, lambda: raw.lambda ?? 4 };
    }
    case "normal": {
      if (!(raw.sd > 0)) fail("sd", `sd ${raw.sd} must be above 0`);
      const min = raw.min ?? null;
      const max = raw.max ?? null;
      if (min !== null && max !== null) ordered(min, max, "min", "max", "max", true);
      if (problems.length > before) return null;
      const a = min === null ? -Infinity : (min - raw.mean) / raw.sd;
      const b = max === null ? Infinity : (max - raw.mean) / raw.sd;
      if (!(normalMass(a, b) > 0)) {
        fail([], `the truncation range [${min ?? "-∞"}, ${max ?? "∞"}] lies too far (beyond 37 sd) from the mean ${raw.mean} to hold any probability`);
        return null;
      }
      return { type: "normal", mean: raw.mean, sd: raw.sd, min, max };
    }
    case "lognormal":
      return lognormal(raw, fail, problems, before);
    case "discrete":
      return discrete(raw, fail, problems, before);
  }
}

type Fail = (key: string | number | (string | number)[], message: string) => void;

function lognormal(raw: Extract<RawDist, { type: "lognormal" }>, fail: Fail, problems: UncertaintyProblem[], before: number): Dist | null {
  const logForm = raw.mu !== undefined || raw.sigma !== undefined;
  const valueForm = raw.mean !== undefined || raw.sd !== undefined;
  let mu = 0;
  let sigma = 0;
  if (logForm === valueForm || (logForm && (raw.mu === undefined || raw.sigma === undefined)) || (valueForm && (raw.mean === undefined || raw.sd === undefined))) {
    fail([], "give either mu and sigma (of log X) or mean and sd (of X itself), not a mix");
    return null;
  }
  if (logForm) {
    mu = raw.mu!;
    sigma = raw.sigma!;
    if (!(sigma > 0)) fail("sigma", `sigma ${sigma} must be above 0`);
  } else {
    const m = raw.mean!;
    const sd = raw.sd!;
    if (!(m > 0)) fail("mean", `mean ${m} must be above 0 (lognormal values are positive)`);
    if (!(sd > 0)) fail("sd", `sd ${sd} must be above 0`);
    // Moments of the untruncated lognormal: σ² = ln(1 + sd²/mean²), μ = ln(mean) − σ²/2.
    const s2 = Math.log1p((sd * sd) / (m * m));
    sigma = Math.sqrt(s2);
    mu = Math.log(m) - s2 / 2;
  }
  const min = raw.min ?? null;
  const max = raw.max ?? null;
  if (min !== null && min < 0) fail("min", `min ${min} is below 0; lognormal values are positive`);
  if (max !== null && !(max > 0)) fail("max", `max ${max} must be above 0; lognormal values are positive`);
  if (min !== null && max !== null) {
    if (!(min < max)) fail("max", `min ${min} ${min === max ? "=" : ">"} max ${max} (min must be below max)`);
  }
  if (problems.length > before) return null;
  const a = min !== null && min > 0 ? (Math.log(min) - mu) / sigma : -Infinity;
  const b = max !== null ? (Math.log(max) - mu) / sigma : Infinity;
  if (!(normalMass(a, b) > 0)) {
    fail([], `the truncation range [${min ?? 0}, ${max ?? "∞"}] holds no probability for this lognormal`);
    return null;
  }
  return { type: "lognormal", mu, sigma, min, max };
}

function discrete(raw: Extract<RawDist, { type: "discrete" }>, fail: Fail, problems: UncertaintyProblem[], before: number): Dist | null {
  const weights = raw.weights ?? raw.values.map(() => 1);
  if (raw.weights !== undefined && raw.weights.length !== raw.values.length) {
    fail("weights", `${raw.weights.length} weights for ${raw.values.length} values; give one weight per value`);
  }
  weights.forEach((w, k) => {
    if (!(w >= 0)) fail(["weights", k], `weight ${w} is negative`);
  });
  if (problems.length > before) return null;
  const total = weights.reduce((s, w) => s + w, 0);
  if (!(total > 0)) {
    fail("weights", "weights sum to 0; at least one must be positive");
    return null;
  }
  // Sorted ascending, equal values merged, zero-weight values dropped: the inverse CDF needs this.
  const byValue = new Map<number, number>();
  raw.values.forEach((v, k) => byValue.set(v, (byValue.get(v) ?? 0) + weights[k]));
  const values = [...byValue.keys()].filter((v) => byValue.get(v)! > 0).sort((x, y) => x - y);
  return { type: "discrete", values, weights: values.map((v) => byValue.get(v)! / total) };
}
