/**
 * Monte Carlo over a re-plan: what actuals record is certain in every sampled world — a closed
 * year's payments are made as recorded (its budget is not sampled), and recorded households count
 * in the targets — in both evaluate and reoptimize mode.
 */
import { describe, expect, it } from "vitest";
import { simulate } from "../../src/pipeline.js";
import { series } from "../../src/stats/outcomes.js";

const RECORDED = "test/fixtures/mc/recorded.yaml";

describe("Monte Carlo with recorded actuals", () => {
  for (const mode of ["evaluate", "reoptimize"] as const) {
    it(`${mode}: pays 2021 as recorded and counts its 3,000 households in every draw`, async () => {
      const outcome = await simulate(RECORDED, { dryRun: true, monteCarlo: { mode, draws: 40, workers: 1 } });
      expect(outcome.solution.status).toBe("optimal");
      const plan2021 = outcome.tables.plan.find((r) => r.year === 2021)!;
      expect(plan2021).toMatchObject({ units_started: 25, households_started: 3000, cost_due_yuan: 30_000_000 });
      const run = outcome.monteCarlo!.run;
      expect(series(run.shard, "paid|gov|2021").every((x) => Math.abs(x - 27_000_000) < 1e-6)).toBe(true);
      expect(series(run.shard, "gap|gov|2021").every((x) => Math.abs(x) < 1e-6)).toBe(true);
      // 2022 is exposed: some draws pay less than the plan (budget factor < 1 or dearer units).
      const paid2022 = series(run.shard, "paid|gov|2022");
      expect(Math.min(...paid2022)).toBeLessThan(Math.max(...paid2022));
      // households by 2022 = the recorded 3,000 + 100 per unit started in 2022, never 25 × 100.
      const starts2022 = series(run.shard, "progress|started|town|retrofit|2022").map((cum) => cum - 25);
      const households = series(run.shard, "target|households");
      households.forEach((h, k) => expect(h).toBeCloseTo(3000 + 100 * starts2022[k], 6));
    });
  }
});
