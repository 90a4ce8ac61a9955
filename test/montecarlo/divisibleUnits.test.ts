import { describe, expect, it } from "vitest";
import { loadCheckedScenario } from "../../src/loadChecked.js";
import { divisibleUnitsWarnings } from "../../src/montecarlo/divisibleUnits.js";

describe("divisible whole units in the draws", () => {
  it("warns where consent or slip inputs act on a whole-unit programme with a target, and nowhere else", () => {
    const towns = loadCheckedScenario("scenarios/guangzhou-towns-2024-2027.yaml");
    const [warning] = divisibleUnitsWarnings(towns.scenario, towns.uncertainty);
    expect(warning).toMatch(/^whole-unit programmes \(.*typical-town.*\) are executed as divisible in the Monte Carlo draws/);
    expect(warning).not.toMatch(/greenway/); // km are divisible anyway
    // Without the inputs that defer units, nothing to say; nor for a continuous scenario.
    const costOnly = { ...towns.uncertainty, inputs: towns.uncertainty.inputs.filter((i) => i.appliesTo !== "consent_failure" && i.appliesTo !== "slip") };
    expect(divisibleUnitsWarnings(towns.scenario, costOnly)).toEqual([]);
    // Re-optimisation caps a leaf's stock by the mean consent failure (slips are not applied).
    expect(divisibleUnitsWarnings(towns.scenario, towns.uncertainty, "reoptimize")[0]).toMatch(/re-planned in each draw with their stock reduced/);
    const slipsOnly = { ...towns.uncertainty, inputs: towns.uncertainty.inputs.filter((i) => i.appliesTo !== "consent_failure") };
    expect(divisibleUnitsWarnings(towns.scenario, slipsOnly, "reoptimize")).toEqual([]);
    const gd = loadCheckedScenario("scenarios/guangdong-retrofit-2021-2025.yaml");
    expect(divisibleUnitsWarnings(gd.scenario, gd.uncertainty)).toEqual([]);
  });
});
