/**
 * mc_summary.csv has households rows only for programmes whose units hold households: a 典型镇
 * programme's "households" at the model's default of 1 per unit are its towns again, and its
 * started / completed rows already say how many.
 */
import { describe, expect, it } from "vitest";
import { simulate } from "../../src/pipeline.js";

describe("mc_summary.csv's households metrics", () => {
  it("are left out for the towns of a 典型镇 programme and kept for the communities beside it", async () => {
    const { monteCarlo } = await simulate("test/fixtures/finance/towns-typical.yaml", { dryRun: true, monteCarlo: { mode: "evaluate", draws: 8, workers: 1 } });
    const metrics = (program: string) => [...new Set(monteCarlo!.tables!.summary.filter((r) => r.program === program).map((r) => r.metric))];
    expect(metrics("typical-town")).toEqual(["started", "completed"]);
    expect(metrics("retrofit")).toEqual(["started", "completed", "households_started", "households_completed"]);
  }, 60_000);
});
