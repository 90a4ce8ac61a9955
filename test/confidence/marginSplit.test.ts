/**
 * What the money of a confidence plan buys when a target stays below its level: the summary called
 * the whole +10.57亿元 of Guangdong at 90 % "the price of the margins planned; 2 of 4 targets reach
 * their level", and the README made it the price of the county towns' level — which alone costs
 * +0.02元; the money bought the province targets' margins, which stay far below 90 %. Two towns
 * (test/fixtures/confidence/split-price.yaml): ta reaches 90 % with a margin of about 22.6 units
 * of 100万; tb's budget stops its margin at 110 units (P(met) = (1 − 100/110)/0.2 ≈ 45 %).
 */
import { describe, expect, it } from "vitest";
import { planSummary } from "../../src/cli/summary.js";
import { simulate } from "../../src/pipeline.js";
import type { MarginSplitRecord } from "../../src/confidence/marginSplitRecord.js";

const FIXTURE = "test/fixtures/confidence/split-price.yaml";

describe("the price split of a confidence plan with a limited target", async () => {
  const outcome = await simulate(FIXTURE, { dryRun: true, confidence: { level: 0.9, calibrationDraws: 1000 } });
  const info = outcome.runJson.confidence!;
  const split = (info as { margin_split?: MarginSplitRecord }).margin_split!;

  it("prices the level reached by the plan with only its margin, and the limited margin on top", () => {
    expect(split.reached_targets).toEqual(["ta"]);
    expect(split.short_targets).toEqual(["tb"]);
    // ta's margin: N ≈ 100 / (1 − 0.2·0.9) ≈ 122 units and a little for the lower bound, 100万 each.
    expect(split.reached_levels.price_yuan).toBeGreaterThan(21e6);
    expect(split.reached_levels.price_yuan).toBeLessThan(25e6);
    // tb's margin: the 10 units its 1.1亿 budget pays beyond the target.
    expect(split.short_margins.price_yuan).toBeCloseTo(1e7, -2);
    // The two parts make up the whole price.
    expect(split.reached_levels.price_yuan + split.short_margins.price_yuan).toBeCloseTo(info.price_of_confidence_yuan, 0);
    // What tb's margin buys: nothing of the level, P(met) 0 → about 45 %.
    expect(split.short_margins.p_met_calibration_before.tb).toBe(0);
    expect(Math.abs(split.short_margins.p_met_calibration_after.tb - 1 / 2.2)).toBeLessThan(0.06);
    expect(split.reached_levels.p_met_calibration.ta).toBeGreaterThanOrEqual(0.9);
    expect(split.reached_levels.not_held).toEqual([]);
  });

  it("prints what each part costs and buys, and labels the limited target's P(met) as the calibration sample's", () => {
    const text = planSummary(outcome);
    expect(text).toMatch(/1 of 2 targets with a required level reach it\)/);
    expect(text).toMatch(/\n {2}of which the levels reached \(ta\) cost \+2,\d{3}\.\d+万元 of government money: the plan with only their margins/);
    expect(text).toMatch(/\n {2}the margins of the targets below their level \(tb\) cost \+1,000万元 more; P\(met\) on the calibration sample without → with them: tb 0\.0% → 4\d\.\d% \(still below the required 90\.0%\)/);
    expect(text).toMatch(/cannot be 90\.0% sure of 100 tb: P\(met\) on the calibration sample 4\d\.\d% with 110 planned/);
    expect(text).toContain("targets: 2 of 2 met in the plan");
  });

  it("is absent where every level asked for is reached", async () => {
    const reached = await simulate(FIXTURE, { dryRun: true, confidence: { level: 0.3, calibrationDraws: 1000 } });
    expect(reached.runJson.confidence).not.toHaveProperty("margin_split");
    expect(planSummary(reached)).not.toContain("of which the levels reached");
  });
});
