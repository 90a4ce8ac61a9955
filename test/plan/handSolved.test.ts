/**
 * A plan worked out by hand (see handSolvedTown): government funds 90 % of 100万 units within
 * 300万 a year, so 6⅔ units start over two years and the soft target of 8 misses by 1⅓.
 */
import { describe, expect, it } from "vitest";
import { buildPlanningModel } from "../../src/model/build.js";
import { solveStages } from "../../src/plan/solvePlan.js";
import { extractTables } from "../../src/results/extract.js";
import { handSolvedTown } from "../helpers/scenario.js";

describe("hand-solved town", () => {
  for (const solver of ["highs", "jslp"] as const) {
    it(`reaches the hand optimum with ${solver}`, async () => {
      const sol = await solveStages(buildPlanningModel(handSolvedTown()), solver);
      expect(sol.status).toBe("optimal");
      expect(sol.stages[0].objective).toBeCloseTo(4 / 3 / 8, 6);
      // 600万元 of government money, less what the stage-1 tolerance (1e-7) lets stage 2 give back (< 1 yuan).
      expect(sol.stages[1].objective).toBeLessThanOrEqual(600 + 1e-6);
      expect(sol.stages[1].objective).toBeGreaterThan(600 - 1e-4);
      const tables = extractTables(sol);
      const t = tables.targets[0];
      expect(t.planned).toBeCloseTo(20 / 3, 4);
      expect(t.shortfall).toBeCloseTo(4 / 3, 4);
      expect(t.met).toBe(false);
      const residents = tables.funding.filter((f) => f.source === "residents").reduce((s, f) => s + f.amount_yuan, 0);
      expect(residents).toBeCloseTo((20 / 3) * 100_000, 0);
    });
  }

  it("prices one more 亿元 of government budget at 1/0.9 units per 万元", async () => {
    const sol = await solveStages(buildPlanningModel(handSolvedTown()), "highs");
    const tables = extractTables(sol);
    for (const b of tables.budgets) {
      expect(b.binding).toBe(true);
      // +1亿 = 10,000万; each unit needs 90万 of government money → 111.1 units.
      expect(b.shadow_price_units_per_100m_yuan).toBeCloseTo(10_000 / 90, 3);
      expect(b.shadow_price_target).toBe("started-8");
    }
  });
});
