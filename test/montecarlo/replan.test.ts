/**
 * `--mode replan`: annual re-planning after every simulated year. Its draws must not depend on how
 * draws are split over workers or shards (each draw restores the worker's first basis), a world
 * without uncertainty must reproduce the plan, and re-planning must recover what a fixed plan loses.
 */
import { describe, expect, it } from "vitest";
import { loadCheckedScenario } from "../../src/loadChecked.js";
import { runMonteCarlo } from "../../src/montecarlo/monteCarlo.js";
import { planScenario } from "../../src/plan/planScenario.js";
import { simulate } from "../../src/pipeline.js";
import { mergeShards } from "../../src/stats/outcomes.js";

const REPLAN = "test/fixtures/mc/replan.yaml";
const CERTAIN = "test/fixtures/mc/certain.yaml";
const RECORDED = "test/fixtures/mc/recorded.yaml";

async function planned(file: string) {
  const loaded = loadCheckedScenario(file);
  return { loaded, plan: await planScenario(loaded.scenario) };
}

describe("Monte Carlo: annual re-planning", () => {
  it("gives byte-identical draws for any worker count and shard split", async () => {
    const { loaded, plan } = await planned(REPLAN);
    const run = (workers: number, range?: [number, number]) =>
      runMonteCarlo(plan.solution, loaded.uncertainty, { mode: "replan", draws: 12, seed: 5, workers, range }).then((r) => r.shard);
    const one = await run(1);
    const three = await run(3);
    const split = mergeShards([await run(1, [7, 12]), await run(1, [0, 7])]);
    expect(three.values).toEqual(one.values);
    expect(split.values).toEqual(one.values);
    expect(Array.from(one.draws)).toEqual(Array.from({ length: 12 }, (_, i) => i));
  });

  it("reproduces the plan when nothing is uncertain", async () => {
    const outcome = await simulate(CERTAIN, { dryRun: true, monteCarlo: { mode: "replan", draws: 5, workers: 1 } });
    const mc = outcome.monteCarlo!.tables!;
    for (const t of outcome.tables.targets) {
      const row = mc.targets.find((r) => r.target === t.target)!;
      expect(row.p_met).toBe(t.met ? 1 : 0);
      if (t.met) expect(row.p50).toBeGreaterThanOrEqual(t.target_value - 1e-4);
    }
  });

  it("makes up next year for what a year lost, where the fixed plan cannot", async () => {
    const evaluate = await simulate(REPLAN, { dryRun: true, monteCarlo: { mode: "evaluate", draws: 200, workers: 1 } });
    const replan = await simulate(REPLAN, { dryRun: true, monteCarlo: { mode: "replan", draws: 200, workers: 2 } });
    const p = (o: typeof evaluate, id: string) => o.monteCarlo!.tables!.targets.find((t) => t.target === id)!;
    // Town A's target (weight 2) is planned exactly; consent failures and overruns leave the fixed
    // plan short in almost every draw, while the annual plans start more in A the following year.
    expect(p(evaluate, "a-started-30").p_met).toBeLessThan(0.1);
    expect(p(replan, "a-started-30").p_met).toBeGreaterThan(0.9);
    // The hard target stays met.
    expect(p(replan, "completed-20").p_met).toBe(1);
    expect(replan.monteCarlo!.info.mode).toBe("replan");
  });

  it("re-plans a scenario whose closed year has no commitment row (its cost is what was paid)", async () => {
    const outcome = await simulate(RECORDED, { dryRun: true, monteCarlo: { mode: "replan", draws: 20, workers: 1 } });
    const started2021 = outcome.monteCarlo!.tables!.summary.find((r) => r.metric === "started" && r.year === 2021)!;
    expect([started2021.p5, started2021.p95]).toEqual([25, 25]); // recorded: certain in every draw
  });
});
