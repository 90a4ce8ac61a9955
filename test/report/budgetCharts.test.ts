import { describe, expect, it } from "vitest";
import { utilisationCells } from "../../src/report/budgetCharts.js";
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
