/**
 * Tables from a solved model: solver noise reads as 0 (no share of a zero cost), recorded
 * households and money show as recorded, and derived columns are taken of the reported values.
 */
import { describe, expect, it } from "vitest";
import { buildPlanningModel } from "../../src/model/build.js";
import { solveStages } from "../../src/plan/solvePlan.js";
import { extractTables } from "../../src/results/extract.js";
import { checkInvariants } from "../helpers/invariants.js";
import { handSolvedTown } from "../helpers/scenario.js";

describe("solver noise", () => {
  it("writes a cost and payments of a few 1e-9 万元 as 0 with share 0", async () => {
    const s = handSolvedTown();
    const sol = await solveStages(buildPlanningModel(s), "highs");
    const { index } = sol.pm.ctx;
    // Noise as HiGHS leaves it: a tail of 1e-8 万元 due in 2022 paid 40/60 by the two sources.
    const primal = Float64Array.from(sol.primal);
    const y = 1;
    primal[index.costCol(0, y)] = 1e-8;
    primal[index.fundsCol(0, y, 0)] = 4e-9;
    primal[index.fundsCol(0, y, 1)] = 6e-9;
    const tables = extractTables({ ...sol, primal });
    const rows = tables.funding.filter((f) => f.year === 2022);
    expect(rows.map((f) => [f.amount_yuan, f.share_of_cost])).toEqual([[0, 0], [0, 0]]);
    expect(tables.plan.find((r) => r.year === 2022)!.cost_due_yuan).toBe(0);
    expect(checkInvariants(s, tables).filter((v) => v.invariant === "phantom_share")).toEqual([]);
  });
});

describe("recorded actuals in the tables", () => {
  it("shows recorded households and money, and sums the reported payments into the cost due", async () => {
    const s = handSolvedTown();
    s.actuals = [{ region: "town", program: "retrofit", year: 2021, started: 3, householdsStarted: 330, partial: false, paid: { gov: 2_700_000, residents: 300_000 } }];
    const sol = await solveStages(buildPlanningModel(s), "highs");
    expect(sol.status).toBe("optimal");
    const tables = extractTables(sol);
    const row = tables.plan.find((r) => r.year === 2021)!;
    expect(row).toMatchObject({ units_started: 3, actual_started: 3, households_started: 330, cost_due_yuan: 3_000_000 });
    const paid = tables.funding.filter((f) => f.year === 2021).map((f) => [f.source, f.amount_yuan, f.actual_amount_yuan, f.share_of_cost]);
    expect(paid).toEqual([["gov", 2_700_000, 2_700_000, 0.9], ["residents", 300_000, 300_000, 0.1]]);
    expect(checkInvariants(s, tables)).toEqual([]);
  });
});

describe("binding limits", () => {
  it("counts a budget of 0 (nothing carried in) and a capacity of 0 slots as holding nothing back, not binding", async () => {
    // A new user bounded the tail years with `by_year: {2027: 0}`: the summary, diagnostics.csv and
    // the report's heatmap called those budgets binding ("0元 of 0元 … fully used").
    const s = { ...handSolvedTown(), horizon: { start: 2021, end: 2023 }, years: [2021, 2022, 2023] };
    s.sources[0].budgets.push({ region: "town", year: 2023, amount: 0 });
    s.capacity = [{ id: "crews", region: "town", programs: ["retrofit"], slots: { 2021: 8, 2022: 0 } }];
    const sol = await solveStages(buildPlanningModel(s), "highs");
    const tables = extractTables(sol);
    const budget = (year: number) => tables.budgets.find((b) => b.source === "gov" && b.year === year)!;
    expect(budget(2023)).toMatchObject({ budget_yuan: 0, used_yuan: 0, binding: false });
    expect(tables.capacity.find((c) => c.year === 2022)).toMatchObject({ slots: 0, slots_used: 0, binding: false });
    // The budgets that are spent stay binding (the target needs more than the 2 × 300万 they give).
    expect(tables.budgets.filter((b) => b.binding).map((b) => b.year)).toEqual([2021]);
    expect(tables.diagnostics ?? []).not.toContainEqual(expect.objectContaining({ where: "budget[gov,town,2023]" }));
  });
});
