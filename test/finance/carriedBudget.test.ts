/**
 * A budget not used up whose money is carried on (test/fixtures/finance/carried-county.yaml, worked
 * out by hand there): explain lists it only where it binds the plan written, and says why a budget
 * budgets.csv calls not binding still has a price.
 */
import { describe, expect, it } from "vitest";
import { explainPlan } from "../../src/finance/explain.js";
import { explainText } from "../../src/finance/explainText.js";
import { MONEY_UNIT } from "../../src/model/context.js";
import { type PlannedScenario, planScenario } from "../../src/plan/planScenario.js";
import { loadScenario } from "../../src/scenario/index.js";
import type { Scenario } from "../../src/scenario/types.js";

const FIXTURE = "test/fixtures/finance/carried-county.yaml";
const LATE = "test/fixtures/finance/carried-county-late.yaml";

const budgetLines = (p: PlannedScenario) => explainPlan(p.solution, p.tables).filter((r) => r.family === "budgets");
/** The cost stage's objective, the plan's weighted cost, in yuan. */
const weightedCost = (p: PlannedScenario) => p.solution.stages.find((s) => s.stage === "cost")!.objective * MONEY_UNIT;
const county = (p: PlannedScenario) => p.tables.budgets.filter((b) => b.source === "county");

describe("explain of a budget whose money is carried on", () => {
  it("lists for a whole-unit plan the budgets budgets.csv calls binding, not one its LP relaxation spends otherwise (a county planner's review)", async () => {
    const { scenario } = loadScenario(FIXTURE);
    const base = await planScenario(scenario, "highs");
    expect(base.solution.dualMethod).toBe("lp_relaxation");
    // One town in 2025, 500万 of the county's 2025 money carried on to 2026, which is used up.
    expect(county(base).map((b) => [b.year, b.used_yuan, b.carried_out_yuan, b.binding])).toEqual([[2025, 10_000_000, 5_000_000, false], [2026, 8_000_000, 0, true]]);
    // The relaxation spends 2025's money in 2025 (1.5 towns) and prices it at 1.2 a yuan, 2026's at 1.
    expect(county(base).map((b) => b.cost_saved_per_yuan)).toEqual([1.2, 1]);
    expect(budgetLines(base).map((r) => r.where)).toEqual(["budget[county,county,2026]"]);
    // 100万 more in 2025 saves 100万 in whole units (carried on, it replaces provincial money in 2026), not 120万.
    const more: Scenario = {
      ...scenario,
      sources: scenario.sources.map((s) => (s.id !== "county" ? s : { ...s, budgets: s.budgets.map((b) => (b.year === 2025 ? { ...b, amount: b.amount + 1_000_000 } : b)) })),
    };
    expect(weightedCost(base) - weightedCost(await planScenario(more, "highs"))).toBeCloseTo(1_000_000, 0);
  });

  it("lists one whose money runs out where the plan's own prices say, and says why it is priced though not used up", async () => {
    // No town may start in 2025: all of its 1,500万 is carried to 2026, in whole units and in the
    // relaxation alike, and a yuan more in either year saves 1.
    const { scenario } = loadScenario(FIXTURE, { overlays: [LATE] });
    const continuous = { ...scenario, programs: scenario.programs.map((p) => ({ ...p, integer: false })) };
    for (const s of [scenario, continuous]) {
      const base = await planScenario(s, "highs");
      expect(county(base).map((b) => [b.year, b.carried_out_yuan, b.binding, b.cost_saved_per_yuan])).toEqual([[2025, 15_000_000, false, 1], [2026, 0, true, 1]]);
      const lines = budgetLines(base);
      expect(lines.map((r) => r.where)).toEqual(["budget[county,county,2025]", "budget[county,county,2026]"]);
      expect(lines[0].state).toBe("uses 0元 of 1,500万元; not used up, but the 1,500万元 left is carried on and this source's money runs out in 2026: more here would be spent then");
      expect(lines[1].state).toBe("uses 1,800万元 of 1,800万元");
      expect(explainText(lines, 5, "explain: test", "")).toContain("+100万元: ≈ 100万元 of weighted cost saved");
    }
  });
});
