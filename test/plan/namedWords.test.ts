/**
 * Text names targets, sources, programmes, regions and capacity by their names, not their ids
 * (a planner read `每1个施工能力单位最多可使village-started的开工数增加1.0` and `施工能力“village-sites”`),
 * on a small fixture where everything is named; a capacity without a name falls back to its id.
 */
import { describe, expect, it } from "vitest";
import { confidenceDiagnostics } from "../../src/confidence/confidenceTables.js";
import type { TargetConfidence } from "../../src/confidence/types.js";
import type { Row } from "../../src/model/types.js";
import { describeRow, describeRowZh } from "../../src/plan/describe.js";
import { planScenario } from "../../src/plan/planScenario.js";
import { loadScenario } from "../../src/scenario/index.js";

const NAMED = "test/fixtures/plan/named-villages.yaml";
const capacityRow = { ref: { family: "capacity", capacity: "village-sites", region: "sl", year: 2026 } } as unknown as Row;

describe("names in planning words", () => {
  it("diagnostics.csv names the capacity used in full and the target missed, in both languages", async () => {
    const { scenario } = loadScenario(NAMED);
    const rows = (await planScenario(scenario, "highs")).tables.diagnostics;
    const capacity = rows.find((r) => r.where === "capacity[village-sites,2026]")!;
    expect(capacity.message_zh).toBe("佛山市示例区2026年的施工能力“城中村施工场地（village-sites）”已全部用满");
    expect(capacity.message).toContain("capacity '城中村施工场地' (village-sites)");
    const missed = rows.find((r) => r.kind === "target_missed")!;
    expect(missed.message_zh).toContain("城中村改造惠及1万户（village-hh）");
    expect(missed.message).toContain("soft target 城中村改造惠及1万户 (village-hh)");
  });

  it("describes a capacity row by its name, and by its id where it has none", () => {
    const { scenario } = loadScenario(NAMED);
    expect(scenario.capacity[0].name).toBe("城中村施工场地");
    expect(describeRowZh(capacityRow, scenario)).toBe("佛山市示例区（sl）2026年的施工能力“城中村施工场地（village-sites）”");
    expect(describeRow(capacityRow, scenario)).toBe("construction capacity '城中村施工场地 (village-sites)' of 佛山市示例区 (sl) in 2026");
    const unnamed = { ...scenario, capacity: scenario.capacity.map(({ name: _, ...c }) => c) };
    expect(describeRowZh(capacityRow, unnamed)).toBe("佛山市示例区（sl）2026年的施工能力“village-sites”");
  });

  it("names the target a confidence limit holds back, not its id", () => {
    const { scenario } = loadScenario(NAMED);
    const limit = {
      where: "capacity[*,2026]", what: describeRow(capacityRow, scenario), what_zh: describeRowZh(capacityRow, scenario),
      rows: 1, gain: 1, per: "slot", perYuan: null, input: null,
    };
    const limited: TargetConfidence = { target: "village-started", required: 0.9, level: 7, planned: 7, met: 700, draws: 1000, status: "limited", limits: [limit] };
    const none: TargetConfidence = { target: "village-hh", required: 0, level: 0, planned: 0, met: 0, draws: 0, status: "none", limits: [] };
    const row = confidenceDiagnostics(scenario, [limited, none]).find((r) => r.kind === "confidence_limit")!;
    expect(row.message_zh).toBe("佛山市示例区（sl）2026年的施工能力“城中村施工场地（village-sites）”：每1个施工能力单位最多可使启动城中村改造6个（village-started）的开工数增加1（1项限制）");
    expect(row.message).toContain("up to +1 started of 启动城中村改造6个 (village-started) per slot");
  });
});

describe("names in the price split of a confidence plan", () => {
  it("lists the targets by name", async () => {
    const { marginSplitLines } = await import("../../src/confidence/marginSplitRecord.js");
    const names: Record<string, string> = { a: "县城开工2050个小区", b: "全省开工8007个小区" };
    const record = {
      reached_targets: ["a"], short_targets: ["b"], mip_gap: null,
      reached_levels: { government_used_yuan: 0, total_used_yuan: 0, used_by_source_yuan: {}, price_yuan: 2, total_price_yuan: 2, weighted_price_yuan: 2, p_met_calibration: { a: 0.95, b: 0 }, not_held: [] },
      short_margins: { price_yuan: 1e8, total_price_yuan: 1e8, weighted_price_yuan: 1e8, required: { b: 0.9 }, p_met_calibration_before: { b: 0 }, p_met_calibration_after: { a: 0.98, b: 0.1 } },
    };
    const [reached, short] = marginSplitLines(record, false, (id) => names[id]);
    expect(reached.zh).toContain("其中达到要求把握度的目标（县城开工2050个小区）");
    expect(short.zh).toContain("未达到要求把握度的目标（全省开工8007个小区）");
    expect(short.en).toContain("全省开工8007个小区 0.0% → 10.0%");
    expect(`${reached.zh}${short.zh}${reached.en}${short.en}`).not.toMatch(/\ba\b|\bb\b/);
  });
});

describe("names in a whole-unit plan's rate caveat", () => {
  it("says which target moves in whole units by its name", async () => {
    const { rateCaveatText } = await import("../../src/results/wholeUnitText.js");
    const step = { target: "village-hh", name: "城中村改造惠及1万户", unit: "村", households: true, from: 1000, to: 1000 };
    expect(rateCaveatText([step]).zh).toBe("线性松弛（可开工小数个单位）的边际比率；整数方案按整村推进城中村改造惠及1万户，每村1,000户");
    expect(rateCaveatText([step]).en).toContain("the plan moves 城中村改造惠及1万户 in steps of 1,000 households");
  });
});

describe("names in report and frontier notes", () => {
  it("the binding budgets chart names the target its price buys", async () => {
    const { bindingChart } = await import("../../src/report/budgetCharts.js");
    const { runContext } = await import("../../src/report/runContext.js");
    const budgets = [
      "year,region,region_name,source,source_name,budget_yuan,carried_in_yuan,used_yuan,binding,shadow_price_units_per_100m_yuan,shadow_price_target,cost_saved_per_yuan",
      "2026,sl,佛山市示例区,district,区级财政资金,100,0,100,true,12.5,village-hh,0",
    ].join("\n") + "\n";
    const targets = "target,name\nvillage-hh,城中村改造惠及1万户\n";
    const chart = bindingChart(runContext("plan", { "budgets.csv": budgets, "targets.csv": targets, "run.json": "{}" }))!;
    expect(chart.note!.zh).toContain("每增加1亿元多完成的目标“城中村改造惠及1万户”（目标单位）");
    expect(chart.note!.en).toContain("units of target 城中村改造惠及1万户 gained per extra 1亿元");
  });

  it("a frontier's note names the targets that stay below a level", async () => {
    const { shortMarginsNote } = await import("../../src/confidence/frontierFiles.js");
    const rows = [0.5, 0.9].map((confidence) => ({ confidence, target: "village-started", target_name: "启动城中村改造6个", confidence_reached: false }));
    const levels = [0.5, 0.9].map((confidence) => ({ confidence, government_used_yuan: 1e8 }));
    const note = shortMarginsNote({ levels } as never, rows as never)!;
    expect(note.zh).toContain("（✗：各档位：启动城中村改造6个）");
    expect(note.en).toContain("(✗: 启动城中村改造6个 at every level)");
  });
});
