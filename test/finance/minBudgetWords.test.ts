/**
 * min-budget's printed words (minBudgetReport.ts, minBudgetStep.ts): the selected budgets named,
 * and each price said as a change of the selected budgets' minimum per a named step of its limit —
 * "minimum share 20% of 区级财政资金 …: +2.1亿元 per 1亿元" left a planner asking 1亿元 of what.
 */
import { describe, expect, it } from "vitest";
import { minBudgetText } from "../../src/finance/minBudgetReport.js";
import { solveMinBudget } from "../../src/finance/minBudgetSolve.js";
import { describeSelection, resolveSelection } from "../../src/finance/selection.js";
import { Namer } from "../../src/plan/describe.js";
import { loadScenario } from "../../src/scenario/index.js";

describe("min-budget in planning words", () => {
  it("names the budgets selected and says what each price's step is a step of", async () => {
    const { scenario } = loadScenario("test/fixtures/plan/named-villages.yaml");
    scenario.targets = scenario.targets.filter((t) => t.id === "village-started");
    const selection = resolveSelection(scenario, { selector: { kind: null, ids: ["district"] } });
    const title = `min-budget: ${scenario.name}, ${describeSelection(selection, scenario.horizon.start, new Namer(scenario))}`;
    expect(title).toContain("the budgets of 区级财政资金 (district) in every year from 2025");
    const text = minBudgetText(await solveMinBudget(scenario, selection, { solver: "highs" }), title, 20);
    expect(text).toContain("how much the selected budgets' minimum changes per step of each limit:");
    expect(text).toContain("of the selected budgets per 1亿元 more that 实施主体 may pay there beyond its maximum share");
    expect(text).toContain("of the selected budgets per one more 村 asked of the target");
  });
});
