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
import { type MarginSplitRecord, marginSplitLines } from "../../src/confidence/marginSplitRecord.js";

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
    // Government money weighs 1 and pays everything: the weighted prices are the prices; no whole units.
    expect(split.reached_levels.weighted_price_yuan).toBe(split.reached_levels.price_yuan);
    expect(split.short_margins.weighted_price_yuan).toBe(split.short_margins.price_yuan);
    expect(split.mip_gap).toBeNull();
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

/**
 * A planner's Foshan district at 90 % (both programmes in whole units, 0.1 % MIP gap): the levels
 * reached cost +6.64亿元, the whole +6.56亿元, and the rest printed "cost −779.4万元 more" (再多用政府资金
 * −779.4万元). The split is as documented: the plan with village-started's margin costs 56.66万元 more
 * weighted cost — it takes bonds (weight 1.3) and residents (1.5) for city and street money — and so
 * pays less government money. Its run.json's numbers.
 */
describe("a part of the split that saves government money", () => {
  const record = (short: number, weighted: number): MarginSplitRecord => ({
    reached_targets: ["village-hh"],
    short_targets: ["village-started"],
    reached_levels: {
      government_used_yuan: 2101292000, total_used_yuan: 4566900000, used_by_source_yuan: {}, price_yuan: 663972000, total_price_yuan: 889900000,
      weighted_price_yuan: 756605000, p_met_calibration: { "village-started": 0.69875, "village-hh": 0.9115 }, not_held: [],
    },
    short_margins: {
      price_yuan: short, total_price_yuan: -3450000, weighted_price_yuan: weighted, required: { "village-started": 0.9 },
      p_met_calibration_before: { "village-started": 0.69875 }, p_met_calibration_after: { "village-started": 0.72125, "village-hh": 0.9115 },
    },
    mip_gap: 0.001,
  });

  it("reads as a saving, and says why the other part is more than the whole", () => {
    const [, rest] = marginSplitLines(record(-7794000, 566550), true);
    expect(rest.en).toBe(
      "the margins of the targets below their level (village-started) save 779.4万元 of government money (all sources −345万元); " +
      "P(met) on the calibration sample without → with them: village-started 69.9% → 72.1% (still below the required 90.0%); " +
      "why: the plan is the least weighted cost (each source's money × its cost weight), not the least government money — this part changes the weighted cost by +56.66万元 while money moves between sources, so the other part is more than the whole",
    );
    expect(rest.zh).toMatch(/^未达到要求把握度的目标（village-started）的余量反而少用政府资金779\.4万元（全部资金−345万元）；/);
    expect(rest.zh).toContain("这部分使加权成本+56.66万元");
    expect(rest.zh).not.toContain("再多用政府资金−");
  });

  it("names the MIP gap where even the weighted cost fell, and says nothing more where the part costs", () => {
    const [, gap] = marginSplitLines(record(-7794000, -120000), true);
    expect(gap.en).toContain("why: both plans are integer programmes solved to the 0.1% MIP gap, within which the plan holding more margins can come out cheaper (weighted cost −12万元)");
    const [, costs] = marginSplitLines(record(7794000, 9000000), true);
    expect(costs.en).toMatch(/^the margins of the targets below their level \(village-started\) cost \+779\.4万元 more \(all sources −345万元\); P\(met\)/);
    expect(costs.en).not.toContain("why:");
  });
});
