/**
 * Property tests on generated small scenarios: every optimal plan passes the independent
 * invariants (money balances, shares, caps, budgets, capacity, stock, limits), and HiGHS and
 * javascript-lp-solver agree on every stage's objective.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildPlanningModel } from "../../src/model/build.js";
import { solverPicker } from "../../src/plan/solverChoice.js";
import { solveStages } from "../../src/plan/solvePlan.js";
import { extractTables } from "../../src/results/extract.js";
import { checkInvariants } from "../../src/results/invariants.js";
import type { Scenario } from "../../src/scenario/types.js";
import { program, region, scenario, source, target, tree } from "../helpers/scenario.js";

/** 1–3 leaves under one root, 1–2 programmes, a government, an enterprise and residents. */
export const smallScenario: fc.Arbitrary<Scenario> = fc
  .record({
    leaves: fc.integer({ min: 1, max: 3 }),
    programs: fc.array(
      fc.record({
        cost: fc.integer({ min: 50, max: 500 }), // 万元
        hpu: fc.integer({ min: 20, max: 300 }),
        stock: fc.integer({ min: 0, max: 30 }),
        twoYears: fc.boolean(),
        govMax: fc.double({ min: 0.5, max: 1, noNaN: true }),
        entMax: fc.double({ min: 0, max: 0.4, noNaN: true }),
        resMin: fc.double({ min: 0, max: 0.05, noNaN: true }),
        cap: fc.option(fc.integer({ min: 1000, max: 20000 }), { nil: null }),
      }),
      { minLength: 1, maxLength: 2 },
    ),
    govBudget: fc.integer({ min: 0, max: 5000 }), // 万元 per year at the root
    entBudget: fc.integer({ min: 0, max: 2000 }),
    carryover: fc.boolean(),
    slots: fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }),
    targetShare: fc.double({ min: 0.1, max: 1, noNaN: true }),
  })
  .map((g) => {
    const leafIds = Array.from({ length: g.leaves }, (_, i) => `l${i}`);
    const regions = tree([region("root"), ...leafIds.map((l) => region(l, "root"))]);
    const programs = g.programs.map((p, i) =>
      program({
        id: `p${i}`,
        spendProfile: p.twoYears ? [0.6, 0.4] : [1],
        leaves: leafIds.map((l) => ({ region: l, stock: p.stock, householdsPerUnit: p.hpu, unitCost: p.cost * 1e4 })),
        shares: {
          gov: { min: 0, max: p.govMax, capPerHousehold: null },
          ent: { min: 0, max: p.entMax, capPerHousehold: null },
          res: { min: p.resMin, max: 1, capPerHousehold: p.cap },
        },
      }),
    );
    const years = [2021, 2022, 2023];
    return scenario({
      horizon: { start: 2021, end: 2023 },
      regions,
      programs,
      sources: [
        source({ id: "gov", kind: "government", carryover: g.carryover, budgets: years.map((year) => ({ region: "root", year, amount: g.govBudget * 1e4 })) }),
        source({ id: "ent", kind: "enterprise", budgets: years.map((year) => ({ region: "root", year, amount: g.entBudget * 1e4 })) }),
        source({ id: "res", kind: "resident" }),
      ],
      capacity: g.slots === null ? [] : [{ id: "crews", region: "root", programs: programs.map((p) => p.id), slots: Object.fromEntries(years.map((y) => [y, g.slots!])) }],
      targets: programs.map((p) =>
        target({ id: `t-${p.id}`, program: p.id, region: "root", by: 2023, atLeast: Math.max(1, Math.round(g.targetShare * p.leaves.length * p.leaves[0].stock)) }),
      ),
    });
  });

describe("generated scenarios", () => {
  it("optimal plans pass every invariant", async () => {
    await fc.assert(
      fc.asyncProperty(smallScenario, async (s) => {
        const sol = await solveStages(buildPlanningModel(s), solverPicker("highs"));
        expect(sol.status).toBe("optimal");
        expect(checkInvariants(s, extractTables(sol))).toEqual([]);
      }),
      { numRuns: 40, seed: 2021 },
    );
  });

  it("HiGHS and javascript-lp-solver agree on every stage's objective", async () => {
    await fc.assert(
      fc.asyncProperty(smallScenario, async (s) => {
        const a = await solveStages(buildPlanningModel(s), solverPicker("highs"));
        const b = await solveStages(buildPlanningModel(s), solverPicker("jslp"));
        expect(b.status).toBe(a.status);
        a.stages.forEach((stage, i) => {
          const tol = 1e-6 * Math.max(1, Math.abs(stage.objective));
          expect(Math.abs(b.stages[i].objective - stage.objective)).toBeLessThanOrEqual(tol);
        });
      }),
      { numRuns: 30, seed: 2022 },
    );
  });
});
