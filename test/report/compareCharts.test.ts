/**
 * compare's charts: the relative changes of a file's quantities lead, its prices (marginal costs,
 * shadow prices) apart from them, in a chart of their own below.
 */
import { describe, expect, it } from "vitest";
import { compareCharts, largestChanges, largestPointChanges, largestPriceChanges } from "../../src/report/compareCharts.js";
import { renderReport } from "../../src/report/report.js";
import { runContext } from "../../src/report/runContext.js";

// Towns against a cut (the review's): a marginal cost falling from 3.51亿元 to 0 is −100 %, planned 27 → 26 −3.7 %.
const csv = [
  "file,key,column,value_1,value_2,delta_2,rel_delta_2,missing_in",
  "targets.csv,target=typical-all,planned,27,26,-1,-0.037037,",
  "targets.csv,target=typical-all,marginal_cost_yuan_per_unit,351000000,0,-351000000,-1,",
  "targets.csv,target=central-6,marginal_cost_yuan_per_unit,23500000,35100000,11600000,0.493617,",
  "targets.csv,target=central-6,target_value,6,8,2,0.333333,",
  "budgets.csv,year=2025;region=r;source=c,used_yuan,200000000,150000000,-50000000,-0.25,",
  "budgets.csv,year=2025;region=r;source=c,shadow_price_units_per_100m_yuan,4.2,0,-4.2,-1,",
  "budgets.csv,year=2025;region=r;source=c,cost_saved_per_yuan,0.5,0.25,-0.25,-0.5,",
].join("\n");

describe("compare's relative-change charts", () => {
  it("lead with the quantities (planned, what was asked, money), the prices charted apart", () => {
    const ctx = runContext("compare", { "compare.csv": csv });
    expect(largestChanges(ctx).get("targets.csv")!.map((b) => b.label.en)).toEqual([
      "central-6 · Target value (+2)",
      "typical-all · Planned (−1)",
    ]);
    expect(largestChanges(ctx).get("budgets.csv")!.map((b) => b.label.zh)).toEqual(["2025年 · r · c · 已使用（−5,000万元）"]);
    expect(largestPriceChanges(ctx).get("targets.csv")!.map((b) => [b.label.en, b.rel])).toEqual([
      ["typical-all · Marginal weighted cost per target unit (a rate, holding only within its valid range; money × cost_weight) (−3.51亿元)", -1],
      ["central-6 · Marginal weighted cost per target unit (a rate, holding only within its valid range; money × cost_weight) (+1,160万元)", 0.493617],
    ]);
    expect(largestPriceChanges(ctx).get("budgets.csv")!.map((b) => b.rel)).toEqual([-1, -0.5]);
  });

  it("draw each file's prices after its quantities, titled and noted as prices", () => {
    const ctx = runContext("compare", { "compare.csv": csv });
    const titles = compareCharts(ctx).map((c) => c.title.zh);
    expect(titles).toEqual([
      "变化最大的数值：目标完成（targets.csv）",
      "变化最大的价格（边际成本、影子价格）：目标完成（targets.csv）",
      "变化最大的数值：预算（budgets.csv）",
      "变化最大的价格（边际成本、影子价格）：预算（budgets.csv）",
    ]);
    const html = renderReport(ctx);
    expect(html).toContain("价格（边际成本、影子价格）的变化见下图。");
    expect(html).toContain("不是方案的数量，故与数量分开比较");
  });
});

describe("compare's chart labels", () => {
  // The county review's mc against more-teams, with the names the compare command hands the report.
  const changes = [
    "file,key,column,value_1,value_2,delta_2,rel_delta_2,missing_in",
    "targets.csv,target=typical-all,p_met,0.949,0.802,-0.147,,",
    "targets.csv,target=village-hh,p10,430,680,250,0.581395,",
    "plan.csv,year=2025;region=dama;program=typical-town,cost_due_yuan,9000000,0,-9000000,-1,",
    "stress.csv,cut=0.1;target=typical-all,attainment,1,0.8,-0.2,,",
  ].join("\n");
  const names = {
    target: { "typical-all": "2027年全部6镇启动典型镇培育", "village-hh": "城中村改造惠及1000户" },
    region: { dama: "大麻镇" },
    program: { "typical-town": "典型镇培育" },
  };
  const ctx = runContext("compare", { "compare.csv": changes }, { names });

  it("name a changed value by its target, region and programme and its column's label, not by raw keys", () => {
    expect(largestPointChanges(ctx).get("targets.csv")!.map((b) => b.label)).toEqual([
      { zh: "2027年全部6镇启动典型镇培育 · 完成概率 P(met)（94.9% → 80.2%）", en: "2027年全部6镇启动典型镇培育 · P(met) (94.9% → 80.2%)" },
    ]);
    expect(largestChanges(ctx).get("targets.csv")!.map((b) => b.label.zh)).toEqual(["城中村改造惠及1000户 · P10（+250）"]);
    expect(largestChanges(ctx).get("plan.csv")!.map((b) => b.label)).toEqual([{ zh: "2025年 · 大麻镇 · 典型镇培育 · 应付投资（−900万元）", en: "2025 · 大麻镇 · 典型镇培育 · Cost due (−900万元)" }]);
    expect(largestPointChanges(ctx).get("stress.csv")!.map((b) => b.label.zh)).toEqual(["削减10% · 2027年全部6镇启动典型镇培育 · 完成率（100.0% → 80.0%）"]);
    const html = renderReport(ctx);
    expect(html).not.toContain("target=typical-all");
    expect(html).toContain("2027年全部6镇启动典型镇培育 · 完成概率 P(met)");
  });
});
