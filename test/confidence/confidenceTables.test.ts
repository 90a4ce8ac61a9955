/**
 * diagnostics.csv under confidence planning: a target that cannot reach its level gets a
 * `confidence_not_reached` row (pointing at the target) and one `confidence_limit` row per group of
 * limits holding it, pointing at that limit's own entry when the group is one row. The summary's
 * money line shows the whole bill beside the government money the objective weighs.
 */
import { describe, expect, it } from "vitest";
import { confidenceLines, confidenceRunInfo } from "../../src/confidence/confidenceTables.js";
import type { TargetConfidence } from "../../src/confidence/types.js";
import { loadCheckedScenario } from "../../src/loadChecked.js";
import { simulate } from "../../src/pipeline.js";
import type { PlanTables } from "../../src/results/types.js";

const SHORT = "test/fixtures/confidence/short-budget.yaml";

describe("confidence diagnostics", () => {
  it("names the budget that holds an unreachable level, at the budget's line", async () => {
    const outcome = await simulate(SHORT, { dryRun: true, confidence: { level: 0.9, calibrationDraws: 1000 } });
    const rows = outcome.tables.diagnostics;
    const notReached = rows.find((r) => r.kind === "confidence_not_reached")!;
    expect(notReached).toMatchObject({ where: "target[t-80]", input_line: "short-budget.yaml:22" });
    // Per 1,000万元, the largest power of ten of yuan within the 8500万 budget (priceStepYuan): 10 units of 100万.
    expect(notReached.message).toContain("up to +10 started per 1,000万元");
    // Closed form: P(met) = P(f ≤ 8500万 / 8000万) = 0.3125 with f ~ uniform(1, 1.2).
    const best = Number(/: P\(met\) ([\d.]+)% on the calibration sample/.exec(notReached.message)![1]) / 100;
    expect(Math.abs(best - 0.3125)).toBeLessThan(4 * Math.sqrt((0.3125 * 0.6875) / 1000));
    const limit = rows.find((r) => r.kind === "confidence_limit")!;
    expect(limit).toMatchObject({ where: "target[t-80] budget[gov,*,2021]", input_line: "short-budget.yaml:20" });
    expect(limit.message).toContain("up to +10 started of t-80 per 1,000万元 (1 limit)");
    // In Chinese for the report's zh view: the same limit and gain.
    expect(notReached.message_zh).toMatch(/^t-80：校准样本上的完成概率为[\d.]+%，要求90.0%——本方案中该目标的余量无法再增加（预算、施工能力、存量或其他目标的余量占用了所需资源）：计划\S+，目标值\S+；受制于.*每1,000万元最多可增加开工数10/);
    expect(limit.message_zh).toMatch(/的预算：每1,000万元最多可使t-80的开工数增加10（1项限制）$/);
  });
});

describe("confidence summary lines", () => {
  const scenario = loadCheckedScenario(SHORT).scenario;
  const tables = (gov: number, residents: number) =>
    ({
      funding: [
        { source_kind: "government", amount_yuan: gov },
        { source_kind: "residents", amount_yuan: residents },
      ],
    }) as unknown as PlanTables;
  const none: TargetConfidence[] = [];

  it("shows the whole bill beside the government money when other sources pay their shares", () => {
    const [line] = confidenceLines(scenario, none, tables(3e8, 1e8), tables(2e8, 0.5e8));
    expect(line).toBe("government money 2亿元 → 3亿元 (+1亿元: the price of confidence); all sources 2.5亿元 → 4亿元 (+1.5亿元)");
  });

  it("writes a before and an after that differ with the digits that tell them apart", () => {
    const [line] = confidenceLines(scenario, none, tables(128_200_000, 1e8), tables(128_000_000, 1e8));
    expect(line).toBe("government money 1.280亿元 → 1.282亿元 (+20万元: the price of confidence); all sources 2.280亿元 → 2.282亿元 (+20万元)");
  });

  it("shows only the government money when no other source pays", () => {
    const [line] = confidenceLines(scenario, none, tables(3e8, 0), tables(2e8, 0));
    expect(line).toBe("government money 2亿元 → 3亿元 (+1亿元: the price of confidence)");
  });

  it("does not call the margins' money the price of confidence when a target stays below its level", () => {
    const limited = { status: "limited", limits: [], planned: 10, required: 0.9, met: 1, draws: 10 } as unknown as TargetConfidence;
    const lines = confidenceLines(scenario, scenario.targets.map((_, i) => (i === 0 ? limited : { ...limited, status: "none" })), tables(3e8, 0), tables(2e8, 0));
    expect(lines.at(-1)).toBe("government money 2亿元 → 3亿元 (+1亿元: the price of the margins planned; 0 of 1 target with a required level reaches it)");
  });

  it("gives the lower bound where the sample's P(met) reaches the level and the target still falls short of it", () => {
    // 3,633 of 4,000 draws: P(met) 90.8 %, lower bound 90.83 % − 2 × 0.455 % ≈ 89.9 % < 90 %.
    const short = { status: "limited", limits: [], planned: 10, required: 0.9, met: 3633, draws: 4000 } as unknown as TargetConfidence;
    const [line] = confidenceLines(scenario, [short], tables(3e8, 0), tables(2e8, 0));
    expect(line).toMatch(/^cannot be 90\.0% sure of .*: P\(met\) on the calibration sample 90\.8% \(its lower bound 89\.9%, which must reach the level: a sample of 4,000 draws cannot tell it from below\) with 10 planned/);
    // Below the level the estimate says it: no bound.
    const [below] = confidenceLines(scenario, [{ ...short, met: 3000 }], tables(3e8, 0), tables(2e8, 0));
    expect(below).not.toContain("lower bound");
    // 3,637 of 4,000 (a county's main streets): the bound 89.974 % reads 89.97 %, not "90.0%" beside "cannot be 90.0% sure".
    const [edge] = confidenceLines(scenario, [{ ...short, met: 3637 }], tables(3e8, 0), tables(2e8, 0));
    expect(edge).toContain("P(met) on the calibration sample 90.9% (its lower bound 89.97%, which must reach the level");
  });

  it("says that only earlier starts could help when every unit of the target's stock is planned", () => {
    const limited = { status: "limited", limits: [], planned: 1000, required: 0.9, met: 5, draws: 10 } as unknown as TargetConfidence;
    const [all] = confidenceLines(scenario, [limited], tables(3e8, 0), tables(2e8, 0));
    expect(all).toMatch(/\. Every unit of its stock is planned: only earlier starts, .* could make it surer, and margins do not plan start years/);
    const [some] = confidenceLines(scenario, [{ ...limited, planned: 999 }], tables(3e8, 0), tables(2e8, 0));
    expect(some).not.toMatch(/Every unit of its stock/);
    // Reached with every unit planned (a margin above the stock): the line says so.
    const [reached] = confidenceLines(scenario, [{ ...limited, status: "reached", met: 10 }], tables(3e8, 0), tables(2e8, 0));
    expect(reached).toMatch(/: plan 1,000 \(\S+ over the target\) — the whole stock; P\(met\) 100\.0% on the calibration sample$/);
    const [part] = confidenceLines(scenario, [{ ...limited, status: "reached", met: 10, planned: 999 }], tables(3e8, 0), tables(2e8, 0));
    expect(part).not.toContain("whole stock");
  });
});

describe("a target's confidence line", () => {
  const scenario = loadCheckedScenario(SHORT).scenario;
  const money = [{ source_kind: "government", amount_yuan: 1e8 }];
  const plain = { funding: money, targets: [{ target: "t-80", planned: 98 }] } as unknown as PlanTables;

  it("measures the planned value against the target and gives the plan without margins beside it", () => {
    // A planner's 2025 communities: 50 asked, the plain plan had 98 and was already sure; the
    // 90 % plan's 133 printed "(+166.0%)", read as a margin of 166 % bought for it.
    const sure = { target: "t-80", status: "reached", limits: [], level: 80, planned: 208, required: 0.9, met: 4000, draws: 4000 } as unknown as TargetConfidence;
    const [line] = confidenceLines(scenario, [sure], { funding: money } as unknown as PlanTables, plain);
    expect(line).toBe("to be 90.0% sure of 80 t-80: plan 208 (+160.0% over the target; the plan without margins 98) — no margin of its own: the plan for the other targets holds it above the target; P(met) 100.0% on the calibration sample");
    // A margin of its own: no such words.
    const [raised] = confidenceLines(scenario, [{ ...sure, level: 90, planned: 92 }], { funding: money } as unknown as PlanTables, plain);
    expect(raised).toBe("to be 90.0% sure of 80 t-80: plan 92 (+15.0% over the target; the plan without margins 98); P(met) 100.0% on the calibration sample");
  });
});

describe("run.json's confidence record", () => {
  it("holds each plan's money by source, so the report can say who pays for the margins", () => {
    const funding = (rows: [string, number][]) => ({ funding: rows.map(([source, amount_yuan]) => ({ source, source_kind: source === "residents" ? "resident" : "government", amount_yuan })) }) as unknown as PlanTables;
    const outcome = {
      plain: { tables: funding([["county", 1.278e8], ["residents", 2e5], ["county", 0.1]]) },
      planned: { tables: funding([["county", 1.28e8], ["residents", 9.12e6]]) },
      targets: [],
      calibration: { seed: 1, draws: 100, rounds: 1 },
    };
    const info = confidenceRunInfo(outcome, { calibrationFrom: "seed + 1", validation: null }, 0.9);
    expect(info.plain).toEqual({ government_used_yuan: 127800000.1, total_used_yuan: 128000000.1, used_by_source_yuan: { county: 127800000.1, residents: 200000 } });
    expect(info.used_by_source_yuan).toEqual({ county: 128000000, residents: 9120000 });
  });
});
