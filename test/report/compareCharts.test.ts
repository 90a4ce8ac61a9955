/**
 * compare's charts: the relative changes of a file's quantities lead, its prices (marginal costs,
 * shadow prices) apart from them, in a chart of their own below.
 */
import { describe, expect, it } from "vitest";
import { compareCharts, largestChanges, largestPriceChanges } from "../../src/report/compareCharts.js";
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
    expect(largestChanges(ctx).get("targets.csv")!.map((b) => b.label)).toEqual([
      "target=central-6 · target_value（+2）",
      "target=typical-all · planned（−1）",
    ]);
    expect(largestChanges(ctx).get("budgets.csv")!.map((b) => b.label)).toEqual(["year=2025;region=r;source=c · used_yuan（−5,000万元）"]);
    expect(largestPriceChanges(ctx).get("targets.csv")!.map((b) => [b.label, b.rel])).toEqual([
      ["target=typical-all · marginal_cost_yuan_per_unit（−3.51亿元）", -1],
      ["target=central-6 · marginal_cost_yuan_per_unit（+1,160万元）", 0.493617],
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
