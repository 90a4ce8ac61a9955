/**
 * What the margins cost, in the report's key figures and the workbook's 概要: beside the government
 * money's "+28万元", the whole bill and each source whose money changed (a county's residents went
 * from 20万元 to 912万元), from run.json's confidence record.
 */
import { describe, expect, it } from "vitest";
import { keyFigures } from "../../src/report/keyFigures.js";
import { runContext } from "../../src/report/runContext.js";

const targets = "target,name,metric,target_value,planned,attainment,met,confidence_required,confidence_status\nt,主街,completed,5,5,1,true,0.9,limited\n";
const funding = [
  "year,region,region_name,program,program_name,source,source_name,source_kind,amount_yuan,share_of_cost,actual_amount_yuan",
  "2025,a,甲镇,p,主街,provincial,省级百千万工程专项资金,government,105680000,0.3,0",
  "2025,a,甲镇,p,主街,county,县级财政资金,government,128000000,0.4,0",
  "2025,a,甲镇,p,主街,enterprise,结对帮扶企业及社会资本,enterprise,88400000,0.27,0",
  "2025,a,甲镇,p,主街,residents,村民自筹,resident,9120000,0.03,0",
].join("\n") + "\n";
const confidence = {
  plain: { government_used_yuan: 233400000, total_used_yuan: 320000000, used_by_source_yuan: { provincial: 105600000, county: 127800000, enterprise: 86400000, residents: 200000 } },
  government_used_yuan: 233680000,
  total_used_yuan: 331200000,
  used_by_source_yuan: { provincial: 105680000, county: 128000000, enterprise: 88400000, residents: 9120000 },
  price_of_confidence_yuan: 280000,
};
const figures = (c: Record<string, unknown>) =>
  keyFigures(runContext("plan", { "targets.csv": targets, "funding.csv": funding, "run.json": JSON.stringify({ confidence: c }) }));
const shown = (c: Record<string, unknown>) => figures(c).map((f) => `${f.label.zh} | ${typeof f.value === "object" ? f.value.zh : f.value}`);

describe("the cost of the margins", () => {
  it("shows all sources and each source whose money changed, before → after, the largest change first", () => {
    const lines = shown(confidence);
    const price = lines.findIndex((l) => l.startsWith("余量的代价：比不加余量的计划多用政府资金"));
    expect(price).toBeGreaterThan(0);
    expect(lines.slice(price + 1, price + 6)).toEqual([
      "全部资金：不加余量的计划 → 本方案 | 3.2亿元 → 3.31亿元（+1,120万元）",
      "其中村民自筹（residents）：不加余量的计划 → 本方案 | 20万元 → 912万元（+892万元）",
      "其中结对帮扶企业及社会资本（enterprise）：不加余量的计划 → 本方案 | 8,640万元 → 8,840万元（+200万元）",
      // Two decimals read "1.28亿元 → 1.28亿元（+20万元）": the amounts show the digits that tell them apart.
      "其中县级财政资金（county）：不加余量的计划 → 本方案 | 1.278亿元 → 1.280亿元（+20万元）",
      "其中省级百千万工程专项资金（provincial）：不加余量的计划 → 本方案 | 1.056亿元 → 1.057亿元（+8万元）",
    ]);
    const english = figures(confidence).find((f) => f.label.en === "of which 村民自筹 (residents): plan without margins → this plan");
    expect(english?.value).toEqual({ zh: "20万元 → 912万元（+892万元）", en: "20万元 → 912万元 (+892万元)" });
  });

  it("leaves out a source whose money did not change, and shows the whole bill alone for a folder without the money by source", () => {
    const same = { ...confidence, used_by_source_yuan: { ...confidence.used_by_source_yuan, provincial: 105600000.4 } };
    expect(shown(same).some((l) => l.includes("provincial"))).toBe(false);
    const { used_by_source_yuan: _a, ...older } = confidence;
    const olderPlain = { ...older, plain: { government_used_yuan: 233400000, total_used_yuan: 320000000 } };
    const lines = shown(olderPlain);
    expect(lines).toContain("全部资金：不加余量的计划 → 本方案 | 3.2亿元 → 3.31亿元（+1,120万元）");
    expect(lines.some((l) => l.startsWith("其中村民自筹"))).toBe(false);
  });

  it("does not repeat the government money as the whole bill when only government sources pay", () => {
    const gov = { ...confidence, plain: { ...confidence.plain, total_used_yuan: 233400000 }, total_used_yuan: 233680000 };
    expect(shown(gov).some((l) => l.startsWith("全部资金："))).toBe(false);
  });

  it("counts only the targets that ask for a level, and shows what the levels reached cost apart from the limited margins", () => {
    // Targets by name (targets.csv's `name`), not id.
    // Two targets, one with a level (limited), one asking none: "0 of 1 target with a required level", not "0 / 2".
    const two = targets + "u,副街,completed,5,5,1,true,0,none\n";
    const split = {
      reached_targets: [], short_targets: ["t"],
      reached_levels: { government_used_yuan: 233400000, total_used_yuan: 320000000, used_by_source_yuan: {}, price_yuan: 0, total_price_yuan: 0, p_met_calibration: { t: 0, u: 1 }, not_held: [] },
      short_margins: { price_yuan: 280000, total_price_yuan: 11200000, required: { t: 0.9 }, p_met_calibration_before: { t: 0 }, p_met_calibration_after: { t: 0.45, u: 1 } },
    };
    const lines = keyFigures(runContext("plan", { "targets.csv": two, "funding.csv": funding, "run.json": JSON.stringify({ confidence: { ...confidence, margin_split: split } }) }))
      .map((f) => `${f.label.zh} | ${typeof f.value === "object" ? f.value.zh : f.value}`);
    expect(lines).toContain("余量的代价：比不加余量的计划多用政府资金（要求把握度的1个目标中0个达到，见上） | 280000");
    expect(lines).toContain("其中：未达到要求的把握度 | 未达到要求把握度的目标（主街）的余量再多用政府资金+28万元（全部资金+1,120万元）；校准样本上的完成概率（不含 → 含这些余量）：主街 0.0% → 45.0%（仍低于要求的90.0%）");
    const en = keyFigures(runContext("plan", { "targets.csv": two, "funding.csv": funding, "run.json": JSON.stringify({ confidence: { ...confidence, margin_split: split } }) }))
      .find((f) => f.label.en.startsWith("Cost of the margins"));
    expect(en?.label.en).toBe("Cost of the margins: government money above the plan without them (0 of 1 target with a required level reaches it, see above)");
  });

  it("calls it 把握度的代价 only where every level asked is reached, as the printout's 'the price of confidence' and min-budget --confidence's", () => {
    const reached = targets.replace(",limited\n", ",reached\n");
    const price = keyFigures(runContext("plan", { "targets.csv": reached, "funding.csv": funding, "run.json": JSON.stringify({ confidence }) }))
      .find((f) => f.value === 280000)!;
    expect(price.label).toEqual({ zh: "把握度的代价：比不加余量的计划多用政府资金", en: "Price of confidence: government money above the plan without margins" });
    expect(shown(confidence).some((l) => l.includes("把握度的代价"))).toBe(false); // limited: the margins' cost
  });
});
