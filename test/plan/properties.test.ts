/**
 * Property tests on generated small scenarios: every optimal plan passes the independent
 * invariants (money balances, shares, caps, budgets, capacity, stock, limits), and HiGHS and
 * javascript-lp-solver agree on every stage's objective.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildPlanningModel } from "../../src/model/build.js";
import { solveStages } from "../../src/plan/solvePlan.js";
import { extractTables } from "../../src/results/extract.js";
import { checkInvariants } from "../helpers/invariants.js";
import { smallScenario } from "../helpers/generators.js";

describe("generated scenarios", () => {
  it("optimal plans pass every invariant", async () => {
    await fc.assert(
      fc.asyncProperty(smallScenario, async (s) => {
        const sol = await solveStages(buildPlanningModel(s), "highs");
        expect(sol.status).toBe("optimal");
        expect(checkInvariants(s, extractTables(sol))).toEqual([]);
      }),
      { numRuns: 40, seed: 2021 },
    );
  });

  it("HiGHS and javascript-lp-solver agree on every stage's objective", async () => {
    await fc.assert(
      fc.asyncProperty(smallScenario, async (s) => {
        const a = await solveStages(buildPlanningModel(s), "highs");
        const b = await solveStages(buildPlanningModel(s), "jslp");
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
