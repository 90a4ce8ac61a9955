/** checkSize.ts: the column estimate that guards the model size matches the model builder. */
import { describe, expect, it } from "vitest";
import { buildPlanningModel } from "../../src/model/build.js";
import { estimatedColumns } from "../../src/scenario/checkSize.js";
import { loadScenario } from "../../src/scenario/index.js";

describe("estimatedColumns", () => {
  it.each([
    "scenarios/guangdong-retrofit-2021-2025.yaml",
    "scenarios/guangdong-retrofit-actuals-2023.yaml",
    "scenarios/guangzhou-towns-2024-2027.yaml",
    "test/fixtures/mc/toy.yaml",
    "test/fixtures/scenarios/good/base.yaml",
  ])("is within 5 %% of the columns the builder makes for %s", (file) => {
    const { scenario } = loadScenario(file);
    const actual = buildPlanningModel(scenario).ctx.model.variables.length;
    const estimate = estimatedColumns(scenario);
    expect(Math.abs(estimate - actual) / actual).toBeLessThanOrEqual(0.05);
  });
});
