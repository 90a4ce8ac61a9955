/** The names compare's report gives the ids of compare.csv's keys, from the compared folders' tables. */
import { describe, expect, it } from "vitest";
import { keyNames } from "../../src/finance/compare/keyNames.js";
import { changedValueLabel } from "../../src/report/compareLabels.js";
import type { CsvTable, ResultsFolder } from "../../src/finance/compare/readFolder.js";

const folder = (tables: Record<string, CsvTable>): ResultsFolder => ({ dir: "x", runJson: {}, input: null, tables: new Map(Object.entries(tables)) });

describe("keyNames", () => {
  it("names targets, regions, programmes and sources, the first folder that names an id winning", () => {
    const one = folder({
      "targets.csv": { columns: ["target", "name", "region", "region_name"], rows: [{ target: "typical-all", name: "2027年全部6镇启动典型镇培育", region: "dabu", region_name: "大埔县" }] },
      "funding.csv": { columns: ["year", "region", "region_name", "program", "program_name", "source", "source_name"], rows: [{ year: "2025", region: "dama", region_name: "大麻镇", program: "typical-town", program_name: "典型镇培育", source: "residents", source_name: "村民自筹" }] },
    });
    const two = folder({
      "targets.csv": { columns: ["target", "name"], rows: [{ target: "typical-all", name: "改过的名称" }, { target: "street-all", name: "示范主街全部建成" }] },
      // stress.csv names its targets in target_name; a `name` column elsewhere is not a target's.
      "stress.csv": { columns: ["cut", "target", "target_name"], rows: [{ cut: "0.1", target: "village-hh", target_name: "城中村改造惠及1000户" }] },
      "diagnostics.csv": { columns: ["kind", "where", "name"], rows: [{ kind: "warning", where: "w", name: "not a target" }] },
    });
    expect(keyNames([one, two])).toEqual({
      target: { "typical-all": "2027年全部6镇启动典型镇培育", "street-all": "示范主街全部建成", "village-hh": "城中村改造惠及1000户" },
      region: { dabu: "大埔县", dama: "大麻镇" },
      program: { "typical-town": "典型镇培育" },
      source: { residents: "村民自筹" },
    });
  });

  it("names ids that are also Object's own words (constructor, toString), in the report's labels too", () => {
    const named = keyNames([folder({ "targets.csv": { columns: ["target", "name"], rows: [{ target: "constructor", name: "构造目标" }, { target: "toString", name: "另一目标" }] } })]);
    expect(named.target?.constructor).toBe("构造目标");
    expect(named.target?.toString).toBe("另一目标");
    const names = JSON.parse(JSON.stringify(named)) as typeof named; // as the report reads run.json
    expect(changedValueLabel(names, "targets.csv", "target=constructor", "p_met").zh).toMatch(/^构造目标 · /);
    expect(changedValueLabel(names, "targets.csv", "target=valueOf", "p_met").zh).toMatch(/^valueOf · /);
  });
});

describe("changedValueLabel", () => {
  it("names a column as the compared table means it: stress_starts.csv's starts are horizon totals, plan.csv's one year's", () => {
    expect(changedValueLabel({}, "stress_starts.csv", "cut=0.2;region=gz;program=p", "units_started").zh).toMatch(/ · 规划期开工数合计$/);
    expect(changedValueLabel({}, "plan.csv", "year=2024;region=gz;program=p", "units_started").zh).toMatch(/ · 计划开工数$/);
  });
});
