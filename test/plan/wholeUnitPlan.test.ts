/**
 * Whole units cost what whole units cost: HiGHS holds a start whole only to its integrality
 * tolerance, and a county planner's towns at min-budget's λ cost 8,999,999.25 of their 900万 share
 * (nine rows; 319,999,997.24 of 3.2亿 in all). The plan's starts are snapped to whole units and the
 * payments follow them (wholeUnitPlan.ts).
 */
import { describe, expect, it } from "vitest";
import { buildPlanningModel } from "../../src/model/build.js";
import { planScenario } from "../../src/plan/planScenario.js";
import { solveStages } from "../../src/plan/solvePlan.js";
import { snapWholeUnits } from "../../src/plan/wholeUnitPlan.js";
import { loadScenario } from "../../src/scenario/index.js";
import { handSolvedTown } from "../helpers/scenario.js";

const fen = (yuan: number) => Math.round(yuan * 100);
const dir = "test/fixtures/finance/dabu";

describe("whole units in the plan", () => {
  it("costs a whole town its unit cost × its spend-profile share, to the fen (大埔县 at λ's budgets)", async () => {
    const { scenario } = loadScenario(`${dir}/dabu-2025-2027.yaml`, { overlays: [`${dir}/lambda-overlay.yaml`] });
    const planned = await planScenario(scenario, "highs");
    expect(planned.solution.status).toBe("optimal");
    const town = scenario.programs.find((p) => p.id === "typical-town")!;
    const rows = planned.tables.plan.filter((r) => r.program === town.id);
    const started = (region: string, year: number) => rows.find((r) => r.region === region && r.year === year)?.units_started ?? 0;
    for (const r of rows) {
      const due = town.spendProfile.reduce((sum, share, k) => sum + share * 30_000_000 * started(r.region, r.year - k), 0);
      expect(r.cost_due_yuan, `${r.region} ${r.year}`).toBe(Math.round(due * 100) / 100);
    }
    expect(rows.reduce((sum, r) => sum + fen(r.cost_due_yuan), 0)).toBe(fen(180_000_000)); // 6 towns
    expect(planned.tables.plan.reduce((sum, r) => sum + fen(r.cost_due_yuan), 0)).toBe(fen(320_000_000));
  }, 60_000);

  it("snaps a start within the integrality tolerance and scales the year's payments to its cost, shares as they were", async () => {
    const s = handSolvedTown();
    s.programs[0].integer = true;
    const sol = await solveStages(buildPlanningModel(s), "highs");
    const { index } = sol.pm.ctx;
    const primal = Float64Array.from(sol.primal);
    const v = index.startsCol(0, 0);
    const whole = primal[v];
    expect(Number.isInteger(whole) && whole > 0).toBe(true);
    // As HiGHS can leave it: 8e-8 of a unit short, and the year's cost and payments with it.
    const short = whole - 8e-8;
    primal[v] = short;
    for (const col of [index.costCol(0, 0), index.fundsCol(0, 0, 0), index.fundsCol(0, 0, 1)]) primal[col] *= short / whole;
    const snapped = snapWholeUnits(sol.pm.ctx, primal);
    expect(snapped[v]).toBe(whole);
    expect(snapped[index.costCol(0, 0)]).toBeCloseTo(100 * whole, 9); // 100万 a unit, in 万元
    expect(snapped[index.fundsCol(0, 0, 0)] + snapped[index.fundsCol(0, 0, 1)]).toBeCloseTo(100 * whole, 9);
    expect(snapped[index.fundsCol(0, 0, 1)] / snapped[index.costCol(0, 0)]).toBeCloseTo(0.1, 12);
    // A plan already whole is left as it is.
    expect(snapWholeUnits(sol.pm.ctx, sol.primal)).toBe(sol.primal);
  });
});
