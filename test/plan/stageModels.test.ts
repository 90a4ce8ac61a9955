/**
 * How a stage's optimum is held for the stages after it (src/plan/stageModels.ts): within the
 * objective's tolerance, except an optimum of 0, held exactly — a later stage may not buy back a
 * hair of a target the first stage met.
 */
import { describe, expect, it } from "vitest";
import { buildPlanningModel } from "../../src/model/build.js";
import { fixRow, stageModel, ZERO_OPTIMUM } from "../../src/plan/stageModels.js";
import { solveStages } from "../../src/plan/solvePlan.js";
import { extractTables } from "../../src/results/extract.js";
import { handSolvedTown, target } from "../helpers/scenario.js";

const settings = { smoothing: false, relTolerance: 1e-7, absTolerance: 1e-7, mipGap: 1e-3, timeLimitSeconds: 300 };
const held = (value: number) => fixRow({ objective: [{ v: 0, c: 1 }], value, stage: "shortfall" }, settings);

describe("the hold of an earlier stage's optimum", () => {
  it("gives a positive optimum its relative and absolute tolerance", () => {
    expect(held(0.5).ub).toBeCloseTo(0.5 + 0.5e-7 + 1e-7, 15);
    expect(held(0.5).lb).toBe(-Infinity);
  });

  it("holds an optimum of 0, or one within the solver's feasibility tolerance of it, at exactly 0", () => {
    expect(held(0).ub).toBe(0);
    expect(held(ZERO_OPTIMUM / 2).ub).toBe(0);
    expect(held(-1e-12).ub).toBe(0);
    expect(held(ZERO_OPTIMUM * 10).ub).toBeGreaterThan(ZERO_OPTIMUM * 10);
  });

  // The hand-solved town can start 6⅔ units with its budgets; a target of 6 is met (shortfall 0).
  // With a tolerance of 1e-7 on the normalised shortfall the cost stage started 6 − 6e-7 units and
  // saved 54 yuan; held at 0, the plan starts the 6 units the target asks for.
  const metTown = () => ({ ...handSolvedTown(), targets: [target({ id: "started-6", program: "retrofit", region: "town", atLeast: 6 })] });

  it("lets no later stage give back a hair of a met target", async () => {
    const sol = await solveStages(buildPlanningModel(metTown()), "highs");
    expect(sol.status).toBe("optimal");
    expect(sol.stages[0].objective).toBe(0);
    const t = extractTables(sol).targets[0];
    expect(t.planned).toBeCloseTo(6, 9);
    expect(t.met).toBe(true);
    // Government pays 90 % of 100万 a unit: 540万 for the 6 units.
    expect(sol.stages[1].objective).toBeCloseTo(540, 6);
  });

  it("writes the exact hold into the exported stage model", () => {
    const pm = buildPlanningModel(metTown());
    const model = stageModel(pm, 1, [{ objective: pm.stages[0].objective, value: 0, stage: "shortfall" }]);
    const fix = model.rows[model.rows.length - 1];
    expect(fix.ref).toEqual({ family: "stage_fix", stage: "shortfall" });
    expect(fix.ub).toBe(0);
  });
});
