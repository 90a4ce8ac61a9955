import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { stressFolder } from "../../src/finance/stressRun.js";
import { tempDirs } from "../helpers/tempDirs.js";

/** A file that does not exist: a flag problem must be reported before anything is loaded. */
const MISSING = "test/fixtures/confidence/no-such-scenario.yaml";
const BUDGET = "test/fixtures/confidence/budget.yaml";
const tmp = tempDirs("stress-run");
const gov = { kind: "government" as const, ids: null };

describe("stressFolder: simulate stress as an engine call", () => {
  it("refuses calibration options without --confidence before loading the scenario", async () => {
    await expect(stressFolder(MISSING, { cut: { selector: gov, levels: [0, 0.1], amounts: [] }, from: null, region: null, solver: "auto", confidence: { calibrationDraws: 500 } }))
      .rejects.toThrow(/calibration options apply to stress --confidence/);
  });

  it("writes one folder with every level; run.json says what was cut and how long each part took", async () => {
    const out = join(tmp(), "stress");
    const outcome = await stressFolder(BUDGET, { cut: { selector: gov, levels: [0, 0.2], amounts: [] }, from: null, region: null, solver: "auto", out });
    expect(outcome.outDir).toBe(out);
    expect(outcome.levels.map((l) => l.moneyCutYuan)).toEqual([0, 0.2e8]);
    const runJson = JSON.parse(readFileSync(join(out, "run.json"), "utf8"));
    expect(runJson.command).toBe("stress");
    expect(runJson.selection.sources).toEqual(["gov"]);
    expect(runJson.cut.levels).toEqual([0, 0.2]);
    expect(runJson.cut.selected_yuan).toBeGreaterThan(0); // the base of the shares, for percentage cuts too
    expect(Object.keys(runJson.timings_seconds)).toEqual(["load", "solve"]);
    // Each level's stages as a plan's run.json records them, with their seconds.
    expect(runJson.levels[1].stages[0]).toMatchObject({ stage: "shortfall", status: "optimal", seconds: expect.any(Number) });
    expect(readFileSync(join(out, "stress.csv"), "utf8")).toContain("t-80");
    // Who pays at each level: one row per level and source, the sources the cut selects marked.
    const funding = readFileSync(join(out, "stress_funding.csv"), "utf8").replace(/^\ufeff/, "").trim().split("\n");
    expect(funding[0]).toBe("cut,cut_label,status,source,source_name,source_kind,cut_source,used_yuan,change_yuan");
    expect(funding.slice(1).map((l) => l.split(",").slice(0, 7).join(","))).toEqual(["0,0%,optimal,gov,gov,government,true", "0.2,20%,optimal,gov,gov,government,true"]);
    expect(readFileSync(join(out, "report.html"), "utf8")).toContain("各资金来源的支出");
  });

  it("writes run.json's warnings in English and, in the same order, in Chinese (warnings_zh) for the report and the workbook", async () => {
    const dir = tmp();
    writeFileSync(join(dir, "spare.yaml"), "sources:\n  - {id: spare, name: 备用资金, kind: government}\n"); // pays for nothing: a notice
    const out = join(dir, "stress");
    await stressFolder(BUDGET, { cut: { selector: gov, levels: [0, 0.2], amounts: [] }, from: null, region: null, solver: "auto", out, overlays: [join(dir, "spare.yaml")] });
    const runJson = JSON.parse(readFileSync(join(out, "run.json"), "utf8"));
    expect(runJson.warnings).toEqual([expect.stringMatching(/^source spare \(备用资金\) is named in no programme's shares, so it pays for nothing; add it under programs\[…\]\.shares to let it pay$/)]);
    expect(runJson.warnings_zh).toEqual(["资金来源备用资金（spare）未列入任何项目的出资比例（shares），不承担任何出资；如要由它出资，请将它加入 programs[…].shares"]);
    const report = readFileSync(join(out, "report.html"), "utf8");
    expect(report).toContain(`<span class="zh">${runJson.warnings_zh[0]}</span>`);
  });

  it("puts the levels' own solver notes in run.json's warnings, a note of every level once", async () => {
    const dir = tmp();
    // Whole units with smoothing asked for: each level's plan notes that whole units are not smoothed.
    writeFileSync(join(dir, "whole.yaml"), "programs:\n  - {id: retrofit, integer: true}\nobjective: {smoothing: true}\n");
    const out = join(dir, "stress");
    const outcome = await stressFolder(BUDGET, { cut: { selector: gov, levels: [0, 0.2], amounts: [] }, from: null, region: null, solver: "auto", out, overlays: [join(dir, "whole.yaml")] });
    expect(outcome.levels.every((l) => l.planned!.solution.warnings.length === 1)).toBe(true);
    const runJson = JSON.parse(readFileSync(join(out, "run.json"), "utf8"));
    expect(runJson.warnings).toEqual([expect.stringMatching(/^smoothing applies to continuous programmes only: retrofit is planned in whole units/)]);
    expect(runJson.warnings_zh).toEqual([expect.stringMatching(/^平滑（objective.smoothing）只作用于连续规划的项目：retrofit按整数单位规划/)]);
  });

  it("counts no households where the scenario has no households target, and charts the weighted shortfall instead", async () => {
    const out = join(tmp(), "stress-units");
    const outcome = await stressFolder(BUDGET, { cut: { selector: gov, levels: [0, 0.5], amounts: [] }, from: null, region: null, solver: "auto", out });
    const [head, , cut] = readFileSync(join(out, "stress_summary.csv"), "utf8").replace(/^\ufeff/, "").trim().split("\n").map((l) => l.split(","));
    const at = (k: string) => cut[head.indexOf(k)];
    expect([at("households_lost"), at("households_lost_per_100m_yuan"), at("households_started_lost"), at("regions_losing_most"), at("regions_gaining_most")]).toEqual(["", "", "", "", ""]);
    expect(Number(at("shortfall_objective"))).toBeGreaterThan(0); // t-80 is missed at a 50 % cut
    const report = readFileSync(join(out, "report.html"), "utf8");
    expect(report).toContain("加权缺口与完成目标数");
    expect(report).not.toContain("减少的惠及户数");
    expect(report).toMatch(/削减50%：完成目标<\/span><span class="en">[^<]*<\/span><\/td><td>0 \/ 1（加权缺口 0\.\d{3}）/);
    expect(outcome.levels).toHaveLength(2);
  });

  it("cuts an amount given in money as the share of the selected budgets it is", async () => {
    const out = join(tmp(), "stress-amount");
    const outcome = await stressFolder(BUDGET, { cut: { selector: gov, levels: [0], amounts: [2e7] }, from: null, region: null, solver: "auto", out });
    expect(outcome.levels.map((l) => l.moneyCutYuan)).toEqual([0, 2e7]);
    expect(outcome.levels[1].cut).toBeCloseTo(0.2, 12); // 2000万 of the 1亿 budget
    expect(outcome.cutNote).toBe("; 2,000万元 is 20% of the 1亿元 selected");
    expect(JSON.parse(readFileSync(join(out, "run.json"), "utf8")).cut).toMatchObject({ amounts_yuan: [2e7], selected_yuan: 1e8 });
    // Named by the amount asked about, with its share: the tables, the report and the workbook read cut_label.
    expect(outcome.levels.map((l) => l.label)).toEqual(["0%", "2,000万元 (20%)"]);
    expect(readFileSync(join(out, "stress_summary.csv"), "utf8")).toMatch(/\n0\.2\d*,"?2,000万元 \(20%\)"?,optimal/);
    expect(readFileSync(join(out, "report.html"), "utf8")).toContain("削减2,000万元 (20%)：完成目标");
    await expect(stressFolder(BUDGET, { cut: { selector: gov, levels: [0], amounts: [2e8] }, from: null, region: null, solver: "auto", out: join(tmp(), "x") }))
      .rejects.toThrow(/more than the selected budgets hold \(1亿元\)/);
  });

});
