/**
 * explain's budget lines re-planned with 1亿元 more, on the hand-solved town (government money
 * pays 90万 of each 100万 unit; budgets 300万 a year): whether the price holds for the step is
 * decided by the re-plan, not by the basis's range.
 */
import { describe, expect, it } from "vitest";
import { explainPlan } from "../../src/finance/explain.js";
import { explainText } from "../../src/finance/explainText.js";
import { replanBudgetLines } from "../../src/finance/explainReplan.js";
import { planScenario } from "../../src/plan/planScenario.js";
import type { Scenario } from "../../src/scenario/types.js";
import { handSolvedTown } from "../helpers/scenario.js";

async function explained(s: Scenario) {
  const base = await planScenario(s, "highs");
  const rows = await replanBudgetLines(base.solution, explainPlan(base.solution, base.tables), 10, "highs");
  return rows.filter((r) => r.stage === "shortfall" && r.family === "budgets");
}

describe("explain: budget lines re-planned", () => {
  it("says the step meets the target and the price held for part of it, when 1亿元 is far more than the shortfall", async () => {
    // Target 8 units; 600万 of government money buys 6.667: 1.333 units (120万) short.
    const [line] = await explained(handSolvedTown());
    expect(line.replanned).toMatchObject({ linear: false, met: ["started-8"] });
    expect(line.replanned!.gains).toHaveLength(1);
    // To 5 decimals: the base plan, missing its target, keeps the shortfall stage's tolerance (its cost
    // stage gives back ~1e-6 units); the re-plan meets it and holds its zero shortfall exactly.
    expect(line.replanned!.gains[0].value).toBeCloseTo(8 - 600 / 90, 5);
    const text = explainText([line], 5, "explain: test", "reference started-8");
    expect(text).toContain("+1亿元 (re-planned): +1.3333 started of started-8 — meets started-8; 1.2% of what the marginal rate (+111.111 started of started-8 per 1亿元, certain up to +120万元) gives for the whole step");
  });

  it("tells a step that buys 99.8 % of price × step from one that buys all of it (the tolerance is 1e-6)", async () => {
    // The target is 0.28 units short of what 1亿元 more buys at the price: the step meets it first.
    const s = handSolvedTown();
    s.programs[0].leaves[0].stock = 10_000;
    s.targets[0].atLeast = 117.5; // 6.667 planned + 110.833 short; 1亿 buys 111.111
    const [line] = await explained(s);
    expect(line.replanned).toMatchObject({ linear: false, met: ["started-8"] });
    expect(line.replanned!.share).toBeCloseTo(110.8333 / 111.1111, 4);
    expect(explainText([line], 5, "t", "r")).toContain("— meets started-8; 99.8% of what the marginal rate");
  });

  it("says the direction of a cost-stage rate: money that buys more of a missed target is spent, not saved", async () => {
    const base = await planScenario(handSolvedTown(), "highs");
    const rows = await replanBudgetLines(base.solution, explainPlan(base.solution, base.tables), 10, "highs");
    const cost = rows.filter((r) => r.stage === "cost" && r.family === "budgets");
    expect(cost.length).toBe(2);
    // 120万 more spent, to a few yuan: the base plan's cost stage gave back under 1 yuan of its missed
    // target within the shortfall stage's tolerance; the re-plan, meeting it, holds it exactly.
    for (const line of cost) expect(line.replanned!.saved).toBeCloseTo(-1_200_000, -1);
    expect(explainText(cost, 5, "t", "r")).toContain(
      "+1亿元 (re-planned): 120万元 of weighted cost spent more — 1.2% of what the marginal rate (1亿元 of weighted cost spent more (it buys more of a missed target) per 1亿元, certain up to +120万元) gives for the whole step",
    );
    // A re-plan that goes the other way than the rate is not "−1.2 % of" it.
    const opposite = { ...cost[0], replanned: { ...cost[0].replanned!, saved: 1_200_000, share: -0.012 } };
    const text = explainText([opposite], 5, "t", "r");
    expect(text).toContain("+1亿元 (re-planned): 120万元 of weighted cost saved — the opposite way to the marginal rate (1亿元 of weighted cost spent more");
    expect(text).toContain("that price does not hold for a step this size");
    expect(text).not.toMatch(/-1\.2%/);
  });

  it("re-plans no line priced only downwards (1亿元 less would take a small budget below zero)", async () => {
    // Stock 6.667 units = exactly what 600万 buys: the budgets bind at a degenerate vertex, priced downwards.
    const s = handSolvedTown();
    s.programs[0].leaves[0].stock = 600 / 90;
    const base = await planScenario(s, "highs");
    const rows = await replanBudgetLines(base.solution, explainPlan(base.solution, base.tables), 10, "highs");
    const down = rows.filter((r) => r.family === "budgets" && r.sign < 0);
    expect(down.length).toBeGreaterThan(0);
    for (const line of down) expect(line.replanned).toBeUndefined();
    expect(explainText(down, 5, "t", "r")).not.toContain("re-planned");
  });

  it("says the price holds for the whole step when the re-plan buys exactly price × 1亿元", async () => {
    // Stock and target large enough that 1亿元 more buys 1亿 / 90万 = 111.1 units at the same price.
    const s = handSolvedTown();
    s.programs[0].leaves[0].stock = 10_000;
    s.targets[0].atLeast = 5_000;
    const lines = await explained(s);
    expect(lines.length).toBe(2);
    for (const line of lines) {
      expect(line.replanned).toMatchObject({ linear: true, met: [] });
      expect(line.replanned!.gains[0].value).toBeCloseTo(1e8 / 900_000, 3); // within the stage fix tolerance
    }
    expect(explainText(lines, 5, "t", "r")).toContain("+1亿元 (re-planned): +111.111 started of started-8 — the price holds for the whole step");
  });

  it("orders the re-planned lines by what the step bought, not by the marginal rate", async () => {
    // Both budgets bind at the same marginal price (and 2021 sorts first by name), but 2021 has
    // capacity for only 0.07 units more: its 1亿元 buys almost nothing, 2022's buys 111 units.
    const s = handSolvedTown();
    s.programs[0].leaves[0].stock = 10_000;
    s.targets[0].atLeast = 5_000;
    s.capacity = [{ id: "slots", region: "town", programs: ["retrofit"], slots: { 2021: 3.4 } }];
    const lines = await explained(s);
    expect(lines.map((l) => l.where)).toEqual(["budget[gov,town,2022]", "budget[gov,town,2021]"]);
    expect(lines[0].replanned!.improvement).toBeGreaterThan(lines[1].replanned!.improvement);
  });
});
