import { describe, expect, it } from "vitest";
import { loadCheckedScenario } from "../../src/loadChecked.js";
import { planScenario } from "../../src/plan/planScenario.js";

const TINY = "test/fixtures/plan/zero-budget.yaml";

describe("stage duals of a tiny plan under auto (javascript-lp-solver, then HiGHS)", () => {
  it("come with every stage's ranges and the targets' responses, as under --solver highs", async () => {
    const { scenario } = loadCheckedScenario(TINY);
    const auto = (await planScenario(scenario, "auto")).solution;
    expect(auto.status).toBe("optimal");
    expect(auto.stages.some((s) => s.solver === "jslp")).toBe(true); // the path under test
    // A stage HiGHS re-solved for auto gave duals without ranges, so budgets.csv's cost prices had
    // no range (an audit re-planned one of them and found the price held for no step).
    expect(auto.validity).not.toBeNull();
    expect(auto.costValidity).not.toBeNull();
    expect(auto.targetResponse).not.toBeNull();
    const highs = (await planScenario(scenario, "highs")).solution;
    expect(auto.stages.map((s) => s.objective)).toEqual(highs.stages.map((s) => expect.closeTo(s.objective, 6)));
    expect(auto.costValidity!.length).toBe(highs.costValidity!.length);
  });
});
