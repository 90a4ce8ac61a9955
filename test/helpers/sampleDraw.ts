/** The sampled world of one draw, in a fresh object (tests; hot loops reuse one world with `sampleInto`). */
import { createSampler, type DrawSampler } from "../../src/montecarlo/sampleInputs.js";
import type { SampledWorld, Uncertainty } from "../../src/montecarlo/types.js";
import type { Scenario } from "../../src/scenario/types.js";

const samplers = new WeakMap<Uncertainty, WeakMap<Scenario, DrawSampler>>();

export function sampleDraw(unc: Uncertainty, scenario: Scenario, seed: number, draw: number): SampledWorld {
  let byScenario = samplers.get(unc);
  if (!byScenario) samplers.set(unc, (byScenario = new WeakMap()));
  let sampler = byScenario.get(scenario);
  if (!sampler) byScenario.set(scenario, (sampler = createSampler(unc, scenario)));
  return sampler.sampleInto(sampler.newWorld(), seed, draw);
}
