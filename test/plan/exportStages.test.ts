/**
 * The exported LP of each stage, solved by native cbc and glpsol, gives the objective the engine
 * reports for that stage (to 1e-6 relative): the audit file is exactly the model the engine solved.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkedCbc, peerSkipReason, solveWithCbc, solveWithGlpk } from "../../bench/peers.js";
import { loadCheckedScenario } from "../../src/loadChecked.js";
import { buildPlanningModel } from "../../src/model/build.js";
import { toCplexLp } from "../../src/model/exportLp.js";
import { stageLinearModel } from "../../src/plan/exportStage.js";
import { solveStages } from "../../src/plan/solvePlan.js";
import type { Scenario } from "../../src/scenario/types.js";
import { handSolvedTown } from "../helpers/scenario.js";
import { smallScenario } from "../helpers/generators.js";

const dir = mkdtempSync(join(tmpdir(), "renewsim-export-"));

async function checkStages(name: string, scenario: Scenario): Promise<void> {
  const sol = await solveStages(buildPlanningModel(scenario), "highs");
  expect(sol.status).toBe("optimal");
  for (let stage = 1; stage <= sol.stages.length; stage++) {
    const file = join(dir, `${name}-${stage}.lp`);
    const exported = await stageLinearModel(scenario, stage, "highs");
    if (exported.status !== "optimal") throw new Error(`${exported.stage} is infeasible`);
    writeFileSync(file, toCplexLp(exported.model));
    const engine = sol.stages[stage - 1].objective;
    for (const peer of [await solveWithCbc(file), await solveWithGlpk(file)]) {
      expect(peer?.status, `${peer?.solver} on ${file}`).toBe("optimal");
      const gap = Math.abs(peer!.objective - engine);
      expect(gap, `${peer!.solver} on ${file}: ${peer!.objective} vs engine ${engine}`).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(engine)));
    }
  }
}

describe.skipIf(peerSkipReason("cbc") !== null || peerSkipReason("glpsol") !== null)("exported stages solved by cbc and glpsol", () => {
  it("reproduce the hand-solved town's objectives", async () => {
    await checkStages("town", handSolvedTown());
  });

  it("reproduce the objectives of generated scenarios, smoothing stage included", async () => {
    await fc.assert(
      fc.asyncProperty(smallScenario, fc.integer({ min: 0, max: 1_000_000 }), async (s, id) => {
        await checkStages(`gen${id}`, { ...s, objective: { ...s.objective, smoothing: true } });
      }),
      { numRuns: 8, seed: 7 },
    );
  });
});

describe.skipIf(peerSkipReason("cbc") !== null || peerSkipReason("glpsol") !== null)("the benchmark city's stage 1 in CBC", () => {
  // CBC 2.10.8's presolve answers "Optimal" above this LP's optimum; glpsol and CBC without
  // presolve agree with the engine. When an upgrade of CBC fixes it, this test says so, and the
  // benchmark's `checkedCbc` no longer needs its second run here.
  it("is solved right by glpsol and by CBC with presolve off, and the benchmark times that run", async () => {
    const { scenario } = loadCheckedScenario("bench/scenarios/city-continuous.yaml", { allowOutside: ["bench"] });
    const engine = (await solveStages(buildPlanningModel(scenario), "highs")).stages[0].objective;
    const exported = await stageLinearModel(scenario, 1, "highs");
    if (exported.status !== "optimal") throw new Error("the city's stage 1 is infeasible");
    const file = join(dir, "city-1.lp");
    writeFileSync(file, toCplexLp(exported.model));
    const tolerance = 1e-6 * Math.max(1, Math.abs(engine));
    expect(Math.abs((await solveWithGlpk(file))!.objective - engine)).toBeLessThanOrEqual(tolerance);
    expect(Math.abs((await solveWithCbc(file, { presolveOff: true }))!.objective - engine)).toBeLessThanOrEqual(tolerance);
    const cbc = await checkedCbc(file, {}, engine, false);
    expect(cbc.options.presolveOff).toBe(true);
    expect(cbc.neverRight).toBe(false);
    expect(cbc.wrongDefault! - engine).toBeGreaterThan(1e-3);
  });
});
