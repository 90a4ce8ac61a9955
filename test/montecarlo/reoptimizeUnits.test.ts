import { describe, expect, it } from "vitest";
import { loadCheckedScenario } from "../../src/loadChecked.js";
import { reoptimizeUnitsWarnings } from "../../src/montecarlo/reoptimizeUnits.js";

describe("whole units in re-optimised draws", () => {
  it("warns where consent inputs act on a whole-unit programme with a target, and nowhere else", () => {
    const towns = loadCheckedScenario("scenarios/guangzhou-towns-2024-2027.yaml");
    const [warning] = reoptimizeUnitsWarnings(towns.scenario, towns.uncertainty);
    expect(warning).toMatch(/^whole-unit programmes \(main-street, market\) are re-planned in each draw with their stock reduced/);
    expect(warning).not.toMatch(/greenway/); // km are divisible anyway
    // Slips are not applied in a re-plan: without consent inputs, nothing to say.
    const slipsOnly = { ...towns.uncertainty, inputs: towns.uncertainty.inputs.filter((i) => i.appliesTo !== "consent_failure") };
    expect(reoptimizeUnitsWarnings(towns.scenario, slipsOnly)).toEqual([]);
    const gd = loadCheckedScenario("scenarios/guangdong-retrofit-2021-2025.yaml");
    expect(reoptimizeUnitsWarnings(gd.scenario, gd.uncertainty)).toEqual([]);
  });
});
