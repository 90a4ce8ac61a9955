/**
 * A world sampled for execution (`sampleForExecution`) holds, where `reads` points, the very
 * numbers a whole world (`sampleInto`) holds in its layout cells — whether a cell is read where its
 * value is kept as drawn or in place (stacked factors, scaled value inputs) — and a reused world
 * needs no reset between draws.
 */
import { describe, expect, it } from "vitest";
import { createSampler } from "../../src/montecarlo/sampleInputs.js";
import { checkUncertainty } from "../../src/montecarlo/uncertaintySchema.js";
import type { SampledWorld, Uncertainty, WorldArray } from "../../src/montecarlo/types.js";
import { fixtureScenario } from "./fixture.js";

const scenario = fixtureScenario();
function unc(raw: unknown): Uncertainty {
  const { value, problems } = checkUncertainty(raw, scenario);
  if (!value) throw new Error(JSON.stringify(problems));
  return value;
}
const U = (min: number, max: number) => ({ type: "uniform", min, max });
const ARRAYS: WorldArray[] = ["unitCostFactor", "budgetFactor", "enterpriseShortfall", "consentFailure", "slipProbability"];
const SEED = 20240501;

const sections = {
  "one input per cell": unc({
    inputs: [
      { id: "cost", applies_to: "unit_cost", program: "retrofit", per: "region", dist: U(0.9, 1.6) },
      { id: "consent", applies_to: "consent_failure", per: "region_year", dist: U(0, 0.1) },
      { id: "slip", applies_to: "slip", per: "year", dist: U(0, 0.2) },
      { id: "central", applies_to: "budget", source: "central", per: "year", dist: U(0.7, 1) },
      { id: "ent", applies_to: "enterprise_shortfall", per: "year", dist: U(0, 0.3) },
    ],
  }),
  "stacked factors and scaled values": unc({
    inputs: [
      { id: "all", applies_to: "unit_cost", dist: U(0.9, 1.1) },
      { id: "retro", applies_to: "unit_cost", program: "retrofit", per: "year", dist: U(1, 1.5) },
      { id: "sz-price", applies_to: "unit_cost", program: "retrofit", region: "sz", mode: "value", dist: U(5e6, 8e6) },
      { id: "money", applies_to: "budget", per: "year", dist: U(0.7, 1) },
      { id: "central", applies_to: "budget", source: "central", per: "year", dist: U(0.8, 1) },
      { id: "consent", applies_to: "consent_failure", region: "towns", per: "region_year", dist: U(0, 0.1) },
    ],
    correlations: [{ between: ["all", "money"], rho: 0.4 }],
  }),
};

describe("a world sampled for execution", () => {
  for (const [name, u] of Object.entries(sections)) {
    it(`holds a whole world's numbers where the executor reads them (${name})`, () => {
      const sampler = createSampler(u, scenario);
      const reused = sampler.newWorld();
      let inPlace = 0;
      let asDrawn = 0;
      for (const draw of [0, 7, 3, 7, 120]) {
        const whole: SampledWorld = sampler.sampleInto(sampler.newWorld(), SEED, draw);
        const exec = sampler.sampleForExecution(reused, SEED, draw);
        expect(Array.from(exec.inputValues)).toEqual(Array.from(whole.inputValues));
        for (const array of ARRAYS) {
          const reads = sampler.reads[array];
          for (let k = 0; k < reads.length; k++) {
            expect(Object.is(exec[array][reads[k]], whole[array][k])).toBe(true);
            if (sampler.sampled[array][k] === 1) reads[k] === k ? inPlace++ : asDrawn++;
          }
        }
      }
      expect(asDrawn).toBeGreaterThan(0);
      if (name !== "one input per cell") expect(inPlace).toBeGreaterThan(0);
      else expect(inPlace).toBe(0);
    });
  }

  it("and a whole world reused after it: every layout cell as in a fresh one", () => {
    const sampler = createSampler(sections["stacked factors and scaled values"], scenario);
    const world = sampler.newWorld();
    sampler.sampleForExecution(world, SEED, 1);
    const reused = sampler.sampleInto(world, SEED, 2);
    const fresh = sampler.sampleInto(sampler.newWorld(), SEED, 2);
    for (const array of ARRAYS) {
      const cells = sampler.sampled[array].length;
      expect(Array.from(reused[array].subarray(0, cells))).toEqual(Array.from(fresh[array].subarray(0, cells)));
    }
  });
});
