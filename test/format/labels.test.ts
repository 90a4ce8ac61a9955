/**
 * Every CSV the engine writes has a Chinese title: it names the file's sheet in results.xlsx and
 * its section in the report (docs/outputs.md, "results.xlsx": one sheet per CSV, named in Chinese).
 * The file names are read from the sources, so a new CSV without a title fails here.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { COLUMN_LABELS, columnLabel } from "../../src/format/columnLabels.js";
import { fileLabel, targetUnitLabel } from "../../src/format/labels.js";
import { diagnosticKindLabel, stageLabel } from "../../src/format/runLabels.js";
import { DIAGNOSTIC_COLUMNS } from "../../src/output/columns.js";

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith(".ts") ? [path] : [];
  });
}

describe("file labels", () => {
  it("give every CSV the engine writes a Chinese title", () => {
    const files = new Set(sources("src").flatMap((p) => [...readFileSync(p, "utf8").matchAll(/["`]([a-z_]+\.csv)["`]/g)].map((m) => m[1])));
    expect(files.size).toBeGreaterThan(15);
    for (const file of files) expect(fileLabel(file).zh, file).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe("column labels", () => {
  it("head diagnostics.csv's two messages in the 诊断 sheet by their language", () => {
    expect(DIAGNOSTIC_COLUMNS.map((c) => columnLabel(c).zh)).toEqual(["类型", "位置", "说明（英文）", "说明（中文）", "场景文件位置"]);
  });

  it("head stress_summary.csv's P(all targets met) in words, not its machine key", () => {
    expect(columnLabel("p_all_targets_met")).toEqual({ zh: "全部目标同时完成的概率", en: "P(all targets met)" });
    expect(columnLabel("p_all_targets_met_se").zh).toBe("全部目标同时完成概率标准误");
  });
});

describe("the cost stage's figures", () => {
  // The cost stage minimises Σ cost_weight × money over every source (docs/model.md): residents
  // weigh 1.5 in the Guangdong scenario, so its prices are the plan's weighted cost, not government money.
  it("head cost_saved_per_yuan as the weighted cost of all sources", () => {
    expect(columnLabel("cost_saved_per_yuan")).toEqual({ zh: "每增加1元节约的加权出资成本（各来源出资×成本权重）", en: "Weighted cost saved per extra yuan (every source × cost weight)" });
  });

  it("head targets.csv's marginal cost as a rate within its range, whose ends are target values, not as the cost of one unit more", () => {
    // Six towns of a stock of six: the price holds for 5.986–6 (a county planner's review); a header
    // "目标每增加1个单位" promised a seventh town at that price.
    const price = columnLabel("marginal_cost_yuan_per_unit");
    expect(price.zh).not.toMatch(/增加1个单位/);
    expect(price.en).not.toMatch(/per extra/);
    expect(price.zh).toMatch(/边际率.*仅在有效范围内/);
    expect(price.en).toMatch(/a rate, holding only within its valid range/);
    for (const end of ["marginal_cost_valid_from", "marginal_cost_valid_to"]) {
      expect(columnLabel(end).zh, end).toMatch(/（目标值）$/);
      expect(columnLabel(end).en, end).toMatch(/\(target value\)$/);
    }
  });

  it("are called weighted government money nowhere in the engine's texts", () => {
    const said = sources("src").flatMap((p) => [...readFileSync(p, "utf8").matchAll(/weighted government|加权政府资金|每元节约政府资金/gi)].map((m) => `${p}: ${m[0]}`));
    expect(said).toEqual([]);
  });
});

describe("target units", () => {
  it("names households as 户, a known unit in planning words, and a unit written in both languages split into them", () => {
    expect(targetUnitLabel("households_started", "km")).toEqual({ zh: "户", en: "households" });
    expect(targetUnitLabel("completed", "km")).toEqual({ zh: "公里", en: "km" });
    expect(targetUnitLabel("started", "镇 (town)")).toEqual({ zh: "镇", en: "town" });
    expect(targetUnitLabel("started", "条")).toEqual({ zh: "条", en: "条" });
    expect(targetUnitLabel("started", undefined)).toBeNull();
  });
});

describe("diagnostics kinds in the page's language", () => {
  it("names a conflict's family and the other kinds; an unknown kind stays as written", () => {
    expect(diagnosticKindLabel("conflict:budgets")).toEqual({ zh: "冲突：预算", en: "conflict: budget" });
    expect(diagnosticKindLabel("conflict:resident_cap").zh).toBe("冲突：居民出资上限");
    expect(diagnosticKindLabel("conflict:links").zh).toBe("冲突：资金配套关系"); // the word message_zh uses
    expect(diagnosticKindLabel("conflict:something_new")).toEqual({ zh: "冲突：something_new", en: "conflict: something_new" });
    expect(diagnosticKindLabel("warning").zh).toBe("警告");
    expect(diagnosticKindLabel("target_missed").zh).toBe("目标未完成");
    expect(diagnosticKindLabel("confidence_not_reached").zh).toBe("未达到把握度");
    expect(diagnosticKindLabel("something_new")).toEqual({ zh: "something_new", en: "something_new" });
  });
});

describe("stage names", () => {
  it("are named in Chinese where known, as written otherwise", () => {
    expect(stageLabel("cost")).toEqual({ zh: "成本", en: "cost" });
    expect(stageLabel("min_budget").zh).toBe("最低预算");
    expect(stageLabel("other")).toEqual({ zh: "other", en: "other" });
  });
});

describe("draws.csv columns", () => {
  it("name a target's and an input's column in both languages, by id", () => {
    expect(columnLabel("target:typical-2024")).toEqual({ zh: "目标：typical-2024", en: "target: typical-2024" });
    expect(columnLabel("input:unit-cost")).toEqual({ zh: "输入：unit-cost", en: "input: unit-cost" });
    expect(columnLabel("gap_total").zh).toBe("资金缺口合计");
  });
});

describe("column labels", () => {
  it("name every column of every CSV the engine writes in Chinese (the workbook's header row shows them)", async () => {
    const columns = await import("../../src/output/columns.js");
    const lists = Object.entries(columns).filter(([name, v]) => name.endsWith("_COLUMNS") && Array.isArray(v)) as [string, string[]][];
    expect(lists.length).toBeGreaterThan(15);
    const unnamed = lists.flatMap(([name, list]) => list.filter((key) => !(key in COLUMN_LABELS)).map((key) => `${name}.${key}`));
    expect(unnamed).toEqual([]);
  });
});
