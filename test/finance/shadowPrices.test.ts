/**
 * Every printed "per 1亿元" figure against a re-plan: a hand-solved two-target case in which one
 * target is missed. Two leaves; A: 100万 a unit, 150 households; B: 80万 a unit, 50 households.
 * Government pays ≤ 90 % within 300万 a year (2021, 2022), residents exactly 10 %.
 *   t-hh:  households in A ≥ 300 (soft)   → 2 units in A, 180万 of government money: met
 *   t-all: units started ≥ 8 (soft)       → the other 420万 buy 420/72 = 5.833 units in B: missed
 * One more 1亿元 of government money buys 1亿/72万 = 138.89 more units of t-all (in B, the cheaper
 * leaf) and nothing of t-hh; it holds until t-all is met, 0.1667 × 72万 = 12万元 later.
 */
import { describe, expect, it } from "vitest";
import { explainPlan } from "../../src/finance/explain.js";
import { explainText } from "../../src/finance/explainText.js";
import { planScenario, type PlannedScenario } from "../../src/plan/planScenario.js";
import type { Scenario } from "../../src/scenario/types.js";
import { program, region, scenario, source, target, tree } from "../helpers/scenario.js";

function twoTargets(budget2021 = 3_000_000): Scenario {
  return scenario({
    regions: tree([region("city"), region("a", "city"), region("b", "city")]),
    programs: [
      program({
        id: "retrofit",
        leaves: [
          { region: "a", stock: 10, householdsPerUnit: 150, unitCost: 1_000_000 },
          { region: "b", stock: 10, householdsPerUnit: 50, unitCost: 800_000 },
        ],
        shares: { gov: { min: 0, max: 0.9, capPerHousehold: null }, residents: { min: 0.1, max: 0.1, capPerHousehold: null } },
      }),
    ],
    sources: [
      source({ id: "gov", kind: "government", budgets: [{ region: "city", year: 2021, amount: budget2021 }, { region: "city", year: 2022, amount: 3_000_000 }] }),
      source({ id: "residents", kind: "resident" }),
    ],
    targets: [
      target({ id: "t-hh", program: "retrofit", region: "a", metric: "households_started", atLeast: 300 }),
      target({ id: "t-all", program: "retrofit", region: "city", atLeast: 8 }),
    ],
  });
}

/** Unrounded planned value of soft target t: at_least − shortfall. */
function planned(p: PlannedScenario, t: number): number {
  return p.tables.targets[t].target_value - p.solution.primal[p.solution.pm.ctx.index.shortfall[t]];
}

describe("shadow prices per target, in the target's own units", () => {
  it("match the hand solution and a re-plan with ±0.5 % budget within 2 %, inside their validity range", async () => {
    const base = await planScenario(twoTargets(), "highs");
    expect(base.tables.targets.map((t) => t.met)).toEqual([true, false]);
    const b2021 = base.tables.budgets.find((b) => b.year === 2021)!;
    expect(b2021.shadow_price_target).toBe("t-all");
    expect(b2021.shadow_price_units_per_100m_yuan).toBeCloseTo(1e8 / 720_000, 3);
    expect(b2021.shadow_price_valid_to_yuan).toBeCloseTo(3_000_000 + (8 - 2 - 420 / 72) * 720_000, 0);
    const printed = base.tables.shadowPrices.filter((p) => p.limit === "budget");
    expect(printed.map((p) => `${p.year} ${p.target}`)).toEqual(["2021 t-all", "2022 t-all"]);
    // Quoted per 10万元, the largest power of ten of yuan the price holds for (+12万元), as explain
    // and the summary quote it: per 1亿元 it read 833 times what the money buys.
    expect(printed[0]).toMatchObject({ step: "10万元", step_amount: 100_000 });
    expect(printed[0].units_per_step).toBeCloseTo(1e5 / 720_000, 6);
    for (const sign of [1, -1]) {
      const delta = sign * 0.005 * 3_000_000;
      const moved = await planScenario(twoTargets(3_000_000 + delta), "highs");
      for (const t of [0, 1]) {
        const perHundredMillion = ((planned(moved, t) - planned(base, t)) / delta) * 1e8;
        const row = printed.find((p) => p.year === 2021 && p.target === base.tables.targets[t].target);
        const figure = row ? (row.units_per_step / row.step_amount) * 1e8 : 0;
        expect(Math.abs(perHundredMillion - figure)).toBeLessThanOrEqual(0.02 * Math.max(Math.abs(figure), 1e-6));
      }
    }
    const explained = explainPlan(base.solution, base.tables).find((r) => r.stage === "shortfall" && r.where === "budget[gov,city,2021]")!;
    // Quoted per 10万元, the largest power of ten the price holds for (+12万元), not per 1亿元.
    expect(explained).toMatchObject({ step: "+10万元", unit: "started of t-all", also: [] });
    expect(explained.rate).toBeCloseTo(1e8 / 720_000, 3);
    expect(explained.value).toBeCloseTo(1e5 / 720_000, 6);
    expect(explainText([explained], 5, "t", "n")).toMatch(/\+10万元: ≈ \+0\.1389 started of t-all \(certain up to \+12万元; it may hold further\)/);
  });

  it("the cost stage is priced through the stages: extra money buys more of the missed target, so the plan spends more", async () => {
    const base = await planScenario(twoTargets(), "highs");
    const b2021 = base.tables.budgets.find((b) => b.year === 2021)!;
    const delta = 15_000;
    const moved = await planScenario(twoTargets(3_000_000 + delta), "highs");
    const cost = (p: PlannedScenario) => p.solution.stages.find((s) => s.stage === "cost")!.objective * 1e4; // 万元 → yuan
    expect(b2021.cost_saved_per_yuan).toBeLessThan(0);
    expect(-(cost(moved) - cost(base)) / delta).toBeCloseTo(b2021.cost_saved_per_yuan, 6);
  });

  it("hold inside the validity range and stop at its end (ranging against finite differences)", async () => {
    const base = await planScenario(twoTargets(), "highs");
    const b = base.tables.budgets.find((x) => x.year === 2021)!;
    const score = (p: PlannedScenario) => p.solution.stages[0].objective;
    const price = b.shadow_price_score_per_100m_yuan / 1e8;
    const inside = await planScenario(twoTargets(b.shadow_price_valid_to_yuan - 1000), "highs");
    expect(score(base) - score(inside)).toBeCloseTo(price * (b.shadow_price_valid_to_yuan - 1000 - 3_000_000), 9);
    const at = await planScenario(twoTargets(b.shadow_price_valid_to_yuan), "highs");
    const beyond = await planScenario(twoTargets(b.shadow_price_valid_to_yuan + 100_000), "highs");
    expect(score(at) - score(beyond)).toBeCloseTo(0, 9); // past the end the price is no longer earned
    expect(score(at)).toBeCloseTo(0, 9);
  });
});
