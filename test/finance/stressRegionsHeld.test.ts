/**
 * stress's regions losing and gaining most say how the run chose them (docs/finance.md, "Which
 * regions lose"). A planner's Foshan district, both programmes in whole units, cut 680万元 with
 * every target met, printed "石湾镇街道 −5,735户 → 西南街道 +4,375户" under a legend saying each level
 * was "the plan as cheap that moves fewest households from it … as money moved to them" — but whole
 * units have no near stage: its levels were other optimal plans. Two streets in whole communities
 * (test/fixtures/finance/whole-streets.yaml): cutting 甲街道's money moves 2 communities to 乙街道.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { resolveSelection } from "../../src/finance/selection.js";
import { runStress } from "../../src/finance/stress.js";
import { stressTable } from "../../src/finance/stressReport.js";
import { stressFolder } from "../../src/finance/stressRun.js";
import { stressSummaryRows } from "../../src/finance/stressTables.js";
import { loadCheckedScenario } from "../../src/loadChecked.js";
import type { Scenario } from "../../src/scenario/types.js";
import { tempDirs } from "../helpers/tempDirs.js";
import { runCli } from "../cli/run.js";

const STREETS = "test/fixtures/finance/whole-streets.yaml";
const street = { kind: "government" as const, ids: ["street"] };
const tmp = tempDirs("stress-regions-held");

async function stressOf(scenario: Scenario) {
  return runStress(scenario, resolveSelection(scenario, { selector: street, region: "jia" }), [0.2]);
}

describe("stress's regions legend says whether a near stage chose them", () => {
  const whole = loadCheckedScenario(STREETS).scenario;

  it("whole units: no near stage, so the legend calls the levels other optimal plans and the CSV marks them", async () => {
    const levels = await stressOf(whole);
    expect(levels[1].planned!.solution.stages.map((s) => s.stage)).not.toContain("near");
    const [base, cut] = stressSummaryRows(levels);
    expect(cut).toMatchObject({ targets_met: 1, regions_losing_most: "jia:200", regions_gaining_most: "yi:200", regions_held_near: false });
    expect(base.regions_held_near).toBeNull();
    const text = stressTable(levels, "stress");
    expect(text).toContain("甲街道 −200户 → 乙街道 +200户");
    expect(text).toContain(
      "(regions: households started over the horizon against the 0% plan; no stage keeps these levels near the 0% plan (whole-unit programmes are left out of the near stage): " +
      "each level's plan is another optimal plan (within the MIP gap), so households moving between regions may be the solver's choice among equally good plans, not a response to the cut; → regions that gained households)",
    );
    expect(text).not.toContain("moves fewest households");
    expect(text).not.toContain("as money moved to them");
  });

  it("continuous units: the near stage held every level, and the legend says so as before", async () => {
    const continuous = { ...whole, programs: whole.programs.map((p) => ({ ...p, integer: false })) };
    const levels = await stressOf(continuous);
    expect(levels[1].planned!.solution.stages.map((s) => s.stage)).toContain("near");
    expect(stressSummaryRows(levels)[1].regions_held_near).toBe(true);
    expect(stressTable(levels, "stress")).toContain(
      "(regions: households started over the horizon against the 0% plan, each level the plan as cheap that moves fewest households from it; → regions that gained households under the cut, as money moved to them)",
    );
  });

  it("the report's note under its regions table and a key figure (report and the workbook's 概要) say it in both languages", async () => {
    const out = join(tmp(), "stress");
    await stressFolder(STREETS, { cut: { selector: street, levels: [0, 0.2], amounts: [] }, from: null, region: "jia", solver: "auto", out });
    const zh = "各档位没有“贴近0%档位”的阶段（按整数单位规划的项目不参与该阶段）：各档位的计划只是另一个同样最优的计划（在MIP间隙以内），地区之间的户数变化可能只是求解器在同样好的计划之间的选择，而非削减所致";
    const report = readFileSync(join(out, "report.html"), "utf8");
    expect(report).not.toContain("增加的地区是削减后资金转向之处");
    expect(report.split(zh).length - 1).toBe(2); // under the regions table and as a key figure
    // The starts table says it in its own words (starts, not households), and so does a key figure.
    expect(report.split("地区之间的开工变化可能只是求解器在同样好的计划之间的选择").length - 1).toBe(2);
    expect(report).toContain("no stage keeps these levels near the 0% plan");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, "results.xlsx"));
    const cells: string[] = [];
    wb.worksheets[0].eachRow((row) => row.eachCell((c) => cells.push(String(c.value))));
    expect(cells).toContain("说明：开工户数变化最多的地区");
    expect(cells.some((c) => c.includes(zh))).toBe(true);
  });
});

describe("the regions legend's other runs", () => {
  it("--confidence levels and the whole-unit part of a mixed scenario are not called the cut's choice either", async () => {
    const { printedRegionsLegend, reportRegionsNote } = await import("../../src/format/regionMovesLegend.js");
    expect(printedRegionsLegend({ near: false, allHeld: false, confidence: true, mip: false })).toContain(
      "no stage keeps these levels near the 0% plan (each is planned to its confidence level): each level's plan is another optimal plan, so households moving between regions may be the solver's choice",
    );
    expect(reportRegionsNote({ near: false, allHeld: false, confidence: true, mip: false }).zh).toContain("各档位没有“贴近0%档位”的阶段（各档位按要求把握度规划）");
    const mixed = printedRegionsLegend({ near: true, allHeld: false, confidence: false, mip: true });
    expect(mixed).toContain("each level the plan as cheap that moves fewest households of the continuous programmes from it; whole-unit programmes are not held near it (within the MIP gap)");
    expect(mixed).not.toContain("as money moved to them");
    // The starts' note (stress_starts.csv, money by source) in the same words, starts for households.
    const { MOVED_STARTS, regionsChosen } = await import("../../src/format/regionMovesLegend.js");
    expect(regionsChosen({ near: true, allHeld: false, confidence: false, mip: true }, MOVED_STARTS)).toEqual({
      zh: "各档位取同样经济、连续规划项目的开工偏离0%档位最少的计划；按整数单位规划的项目不受此约束（在MIP间隙以内），其开工在地区之间的变化可能只是求解器在同样好的计划之间的选择，而非削减所致",
      en: "each level the plan as cheap that moves fewest starts of the continuous programmes from it; whole-unit programmes are not held near it (within the MIP gap), so their starts moving between regions may be the solver's choice among equally good plans, not a response to the cut",
    });
  });
});

describe("stress's money by source where the levels were not held near the 0% plan", () => {
  // The Foshan district's cut source paid +2,192.1万元 more under its 680万元 cut, every target met.
  const DISTRICT = "test/fixtures/finance/whole-streets-district.yaml";

  it("says beside the sources that paid more that the change may be the solver's choice, in the printout and the report", async () => {
    const out = join(tmp(), "stress");
    const { levels } = await stressFolder(DISTRICT, { cut: { selector: street, levels: [0, 0.2], amounts: [] }, from: null, region: "jia", solver: "auto", out, xlsx: false });
    const text = stressTable(levels, "stress", undefined, ["street"]);
    expect(text).toContain("money by source against the 0% plan (paying less → paying more; stress_funding.csv; the levels were not all held near the 0% plan (whole-unit programmes and --confidence levels are not), so a source's change may also be the solver's choice among equally good plans — a cut source can pay more):");
    expect(text).toContain("20%: 街道资金 (cut) −360万元 → 区级资金 +360万元");
    expect(readFileSync(join(out, "report.html"), "utf8")).toContain("各来源支出的变化也可能只是求解器在同样好的计划之间的选择，被削减的来源也可能多付。");
    // Held near the 0 % plan (continuous units): no such words.
    const scenario = loadCheckedScenario(DISTRICT).scenario;
    const continuous = { ...scenario, programs: scenario.programs.map((p) => ({ ...p, integer: false })) };
    const held = stressTable(await stressOf(continuous), "stress", undefined, ["street"]);
    expect(held).toContain("money by source against the 0% plan (paying less → paying more; stress_funding.csv):");
    expect(held).not.toContain("solver's choice");
  });

  it("a deep level without a plan does not turn held levels' report into 'not held' (a review: report and printout disagreed)", async () => {
    const out = join(tmp(), "towns");
    const r = await runCli("stress", "test/fixtures/finance/towns.yaml", "--cut", "government=10%,30%,90%", "--from", "2023", "--no-xlsx", "--out", out);
    expect(r.code).toBe(0);
    const runJson = JSON.parse(readFileSync(join(out, "run.json"), "utf8")) as { levels: { cut: number; status: string }[] };
    expect(runJson.levels.map((l) => l.status)).toEqual(["optimal", "optimal", "optimal", "infeasible"]);
    expect(r.stdout).toContain("each level the plan as cheap that moves fewest households from it");
    const report = readFileSync(join(out, "report.html"), "utf8");
    expect(report).not.toContain("no stage keeps these levels near the 0% plan");
    expect(report).not.toContain("说明：开工户数变化最多的地区");
  });
});

describe("stress's starts by region where no programme counts households", () => {
  // The Guangzhou towns (whole towns, no households): a 1 % cut of enterprise money showed two
  // central-town pilots swapping towns in stress_starts.csv and report.html with no word that the
  // swap may be the solver's choice — the note hung on the households regions, and none were counted.
  // Two towns' pilots (test/fixtures/finance/whole-towns.yaml): cutting 甲镇's money moves 2 to 乙镇.
  const TOWNS = "test/fixtures/finance/whole-towns.yaml";
  const select = { selector: street, levels: [0, 0.2], amounts: [] };
  const notHeld = "各档位没有“贴近0%档位”的阶段（按整数单位规划的项目不参与该阶段）：各档位的计划只是另一个同样最优的计划（在MIP间隙以内），地区之间的开工变化可能只是求解器在同样好的计划之间的选择，而非削减所致。";
  const swap = "削减20%：合计与0%档位相同，各地区的增减只是在地区之间调换，并非减少。";

  it("marks the level not held (starts_held_near), and the printout, the report and 概要 say the moves may be the solver's choice", async () => {
    const out = join(tmp(), "towns");
    const { levels } = await stressFolder(TOWNS, { cut: select, from: null, region: "jia", solver: "auto", out });
    const [base, cut] = stressSummaryRows(levels);
    expect(cut).toMatchObject({ targets_met: 1, regions_held_near: null, starts_held_near: false });
    expect(base.starts_held_near).toBeNull();
    expect(readFileSync(join(out, "stress_summary.csv"), "utf8")).toContain(",regions_held_near,starts_held_near\n");
    expect(stressTable(levels, "stress")).toContain(
      "(stress_starts.csv, each region's starts against the 0% plan: no stage keeps these levels near the 0% plan (whole-unit programmes are left out of the near stage): " +
      "each level's plan is another optimal plan (within the MIP gap), so starts moving between regions may be the solver's choice among equally good plans, not a response to the cut)",
    );
    const report = readFileSync(join(out, "report.html"), "utf8");
    expect(report).toContain(`合计为全部地区之和。${notHeld}`); // under the starts tables
    expect(report).toContain("so starts moving between regions may be the solver&#39;s choice among equally good plans, not a response to the cut.");
    expect(report).toContain(swap);
    expect(report).toContain("At cut 20% the total is the 0% plan&#39;s: the regions&#39; changes only move starts between regions and lose none.");
    expect(report).toContain("各来源支出的变化也可能只是求解器在同样好的计划之间的选择");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, "results.xlsx"));
    const cells: string[] = [];
    wb.worksheets[0].eachRow((row) => row.eachCell((c) => cells.push(String(c.value))));
    expect(cells).toContain("说明：各地区开工的变化");
    expect(cells).toContain(notHeld);
  });

  it("held near the 0% plan (continuous units), the starts carry no such note; a swap is still no loss", async () => {
    const out = join(tmp(), "continuous");
    const scenario = readFileSync(TOWNS, "utf8").replace("integer: true", "integer: false");
    const file = join(tmp(), "continuous.yaml");
    writeFileSync(file, scenario);
    const { levels } = await stressFolder(file, { cut: select, from: null, region: "jia", solver: "auto", out, xlsx: false });
    expect(stressSummaryRows(levels)[1].starts_held_near).toBe(true);
    expect(stressTable(levels, "stress")).not.toContain("solver's choice");
    const report = readFileSync(join(out, "report.html"), "utf8");
    expect(report).not.toContain("求解器");
    expect(report).not.toContain("说明：各地区开工的变化");
    expect(report).toContain(swap);
  });
});
