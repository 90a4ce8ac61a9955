import { describe, expect, it } from "vitest";
import { bindingChart, utilisationCells } from "../../src/report/budgetCharts.js";
import { runContext } from "../../src/report/runContext.js";

const budgets = [
  "year,region,region_name,source,budget_yuan,carried_in_yuan,used_yuan,binding",
  "2024,chiling,赤岭区,city,100,0,50,false",
  "2024,haibin,海滨区,city,100,0,100,true",
  "2024,zhanhai,湛海市,city,200,0,100,false",
].join("\n") + "\n";

describe("budget utilisation heatmap", () => {
  it("lists regions in the scenario's order (the city first), not by id", () => {
    const input = "name: 湛海\nregions:\n  - {id: zhanhai, name: 湛海市}\n  - {id: haibin, name: 海滨区, parent: zhanhai}\n  - {id: chiling, name: 赤岭区, parent: zhanhai}\n";
    expect(utilisationCells(runContext("plan", { "budgets.csv": budgets, "input.yaml": input })).regions).toEqual(["湛海市", "海滨区", "赤岭区"]);
  });

  it("keeps the table's order where the folder has no input.yaml", () => {
    expect(utilisationCells(runContext("plan", { "budgets.csv": budgets })).regions).toEqual(["赤岭区", "海滨区", "湛海市"]);
  });
});

describe("binding budgets ranked by shadow price", () => {
  // Every target met: the units prices are 0 and the cost-stage price ranks the budgets.
  const priced = [
    "year,region,region_name,source,source_name,budget_yuan,carried_in_yuan,used_yuan,binding,shadow_price_units_per_100m_yuan,shadow_price_target,cost_saved_per_yuan",
    "2024,haibin,海滨区,city,市级,100,0,100,true,0,,0.35",
    "2025,haibin,海滨区,city,市级,100,0,100,true,0,,0.12",
  ].join("\n") + "\n";
  const chart = (run: Record<string, unknown>) => bindingChart(runContext("plan", { "budgets.csv": priced, "run.json": JSON.stringify(run) }))!;

  it("in a plan to a confidence level, says it ranks the weighted cost saved with the margins held, and points to min-budget --confidence", () => {
    const sure = chart({ confidence: { default_level: 0.9 } });
    expect(sure.title.zh).toBe("紧约束预算按节约的加权出资成本排序（各目标计划值含余量不变，前15）");
    expect(sure.title.en).toMatch(/^Binding budgets ranked by weighted cost saved, each target's planned value and margin held/);
    expect(sure.note!.zh).toContain("不说明哪笔资金能提高完成概率");
    expect(sure.note!.zh).toContain("simulate min-budget … --source government --confidence 0.9");
    expect(sure.note!.en).toContain("not which money raises a target's P(met); for that, run simulate min-budget … --source government --confidence 0.9");
  });

  it("keeps a plain plan's title and note", () => {
    const plain = chart({});
    expect(plain.title.zh).toBe("紧约束预算按影子价格排序（前15）");
    expect(plain.note!.zh).not.toContain("min-budget");
  });
});
