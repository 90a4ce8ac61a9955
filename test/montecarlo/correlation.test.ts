import { describe, expect, it } from "vitest";
import { cholesky, spearmanToPearson } from "../../src/montecarlo/correlation.js";
import { createSampler } from "../../src/montecarlo/sampleInputs.js";
import { checkUncertainty } from "../../src/montecarlo/uncertaintySchema.js";
import { plyIndex, snyIndex } from "../../src/montecarlo/types.js";
import { spearman } from "../helpers/spearman.js";
import { fixtureScenario } from "./fixture.js";

const scenario = fixtureScenario();
const DRAWS = 20_000;

describe("building blocks", () => {
  it("Spearman → normal-scores Pearson: 2 sin(πρ/6), fixed points 0 and ±1", () => {
    expect(spearmanToPearson(0)).toBe(0);
    expect(spearmanToPearson(1)).toBeCloseTo(1, 15);
    expect(spearmanToPearson(-1)).toBeCloseTo(-1, 15);
    expect(spearmanToPearson(0.5)).toBeCloseTo(0.5176380902, 9);
  });
  it("Cholesky accepts semi-definite matrices and names the failing row otherwise", () => {
    const perfect = cholesky(Float64Array.from([1, 1, 1, 1]), 2);
    expect(perfect.failedAt).toBeNull();
    expect(Array.from(perfect.chol)).toEqual([1, 0, 1, 0]);
    const bad = cholesky(Float64Array.from([1, 0.9, 0, 0.9, 1, 0.9, 0, 0.9, 1]), 3);
    expect(bad.failedAt).toBe(2);
  });
});

describe("achieved rank correlation over 20k draws", () => {
  const raw = {
    inputs: [
      { id: "unit-cost", applies_to: "unit_cost", dist: { type: "pert", min: 0.9, mode: 1, max: 1.6 } },
      { id: "central-budget", applies_to: "budget", source: "central", per: "year", dist: { type: "triangular", min: 0.7, mode: 0.95, max: 1 } },
      { id: "consent", applies_to: "consent_failure", per: "region_year", dist: { type: "uniform", min: 0, max: 0.1 } },
      { id: "slip", applies_to: "slip", per: "year", dist: { type: "lognormal", mean: 0.1, sd: 0.05, max: 1 } },
      { id: "independent", applies_to: "enterprise_shortfall", dist: { type: "discrete", values: [0, 0.1, 0.2, 0.3, 0.4, 0.5] } },
      { id: "a", applies_to: "unit_cost", program: "village", dist: { type: "normal", mean: 1, sd: 0.1, min: 0 } },
      { id: "b", applies_to: "unit_cost", program: "retrofit", region: "sz", dist: { type: "uniform", min: 0.8, max: 1.2 } },
    ],
    correlations: [
      { between: ["unit-cost", "central-budget"], rho: -0.3 },
      { between: ["unit-cost", "consent"], rho: 0.5 },
      { between: ["central-budget", "slip"], rho: 0.7 },
      { between: ["a", "b"], rho: -0.8 },
    ],
  };
  const { value, problems } = checkUncertainty(raw, scenario);
  if (!value) throw new Error(JSON.stringify(problems));
  const sampler = createSampler(value, scenario);
  const L = sampler.layout;
  const world = sampler.newWorld();
  const cost = new Float64Array(DRAWS);
  const budget2023 = new Float64Array(DRAWS);
  const consentSz2024 = new Float64Array(DRAWS);
  const slip2023 = new Float64Array(DRAWS);
  const indep = new Float64Array(DRAWS);
  const a = new Float64Array(DRAWS);
  const b = new Float64Array(DRAWS);
  for (let d = 0; d < DRAWS; d++) {
    sampler.sampleInto(world, 7, d);
    cost[d] = world.inputValues[0];
    budget2023[d] = world.budgetFactor[snyIndex(L, 0, 0, 2)];
    consentSz2024[d] = world.consentFailure[plyIndex(L, 0, 2, 3)];
    slip2023[d] = world.slipProbability[plyIndex(L, 0, 0, 2)];
    indep[d] = world.inputValues[4];
    a[d] = world.inputValues[5];
    b[d] = world.inputValues[6];
  }
  it.each([
    ["unit-cost (per draw) × central budget in 2023 (per year)", cost, budget2023, -0.3],
    ["unit-cost (per draw) × consent in sz 2024 (per region-year)", cost, consentSz2024, 0.5],
    ["central budget × slip, same year", budget2023, slip2023, 0.7],
    ["two per-draw inputs", a, b, -0.8],
    ["a pair left unlisted inside a group counts as 0: unit-cost × slip", cost, slip2023, 0],
    ["an uncorrelated input", cost, indep, 0],
  ])("%s", (_name, x, y, target) => {
    expect(Math.abs(spearman(x, y) - target)).toBeLessThan(0.05);
  });
  it("correlation leaves the marginals intact (mean of the PERT cost factor)", () => {
    const mean = cost.reduce((s, v) => s + v, 0) / DRAWS;
    expect(mean).toBeCloseTo((0.9 + 4 + 1.6) / 6, 2);
  });
});
