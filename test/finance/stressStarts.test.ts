/**
 * stress_starts.csv: per cut level, leaf region and programme, the starts over the horizon against
 * the 0 % plan — checked against `simulate`'s plan.csv (the 0 % level), against stress.csv's own
 * targets (a level's starts summed over a target's regions are the target's planned value), and
 * read back by the report, the workbook and compare.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as XLSX from "@e965/xlsx";
import { describe, expect, it } from "vitest";
import { compareFolders } from "../../src/finance/compare/compare.js";
import { stressFolder } from "../../src/finance/stressRun.js";
import { stressStartsRows } from "../../src/finance/stressStarts.js";
import { simulate } from "../../src/pipeline.js";
import { tempDirs } from "../helpers/tempDirs.js";

/** towns.yaml and a 典型镇 programme of whole towns that hold no households. */
const TOWNS_TYPICAL = "test/fixtures/finance/towns-typical.yaml";
const tmp = tempDirs("stress-starts");
const gov = { kind: "government" as const, ids: null };

/** A plain split (the fixture's names hold no commas), independent of the engine's reader. */
function csvRows(file: string): Record<string, string>[] {
  const [head, ...lines] = readFileSync(file, "utf8").replace(/^\ufeff/, "").trimEnd().split("\n");
  const columns = head.split(",");
  return lines.map((l) => Object.fromEntries(l.split(",").map((v, i) => [columns[i], v])));
}

async function stressRun(levels: number[]) {
  const out = join(tmp(), "stress");
  await stressFolder(TOWNS_TYPICAL, { cut: { selector: gov, levels, amounts: [] }, from: null, region: null, solver: "auto", out });
  return out;
}

describe("stress_starts.csv: which regions start which programmes at each cut level", () => {
  it("gives the 0 % level simulate's plan.csv, each level the planned values of stress.csv's targets, and changes that add up", async () => {
    const out = await stressRun([0.2, 0.6]);
    const plainOut = join(tmp(), "plan");
    await simulate(TOWNS_TYPICAL, { out: plainOut, xlsx: false });
    const rows = csvRows(join(out, "stress_starts.csv"));
    expect(Object.keys(rows[0])).toEqual([
      "cut", "cut_label", "status", "region", "region_name", "program", "program_name", "units_started", "units_started_base",
      "units_started_change", "households_started", "households_started_base", "households_started_change",
    ]);
    expect(rows.map((r) => `${r.cut_label}:${r.region}:${r.program}`)).toEqual(["0%", "20%", "60%"].flatMap((l) => [
      `${l}:town-a:retrofit`, `${l}:town-b:retrofit`, `${l}:town-a:typical-town`, `${l}:town-b:typical-town`,
    ]));
    // The 0 % level and every level's base: simulate's plan.csv summed over its years by hand.
    const plan = csvRows(join(plainOut, "plan.csv"));
    for (const r of rows) {
      const own = plan.filter((p) => p.region === r.region && p.program === r.program);
      const units = own.reduce((s, p) => s + Number(p.units_started), 0);
      expect(Number(r.units_started_base)).toBeCloseTo(units, 5);
      if (r.cut === "0") expect([Number(r.units_started), Number(r.units_started_change)]).toEqual([Number(r.units_started_base), 0]);
      if (r.program === "typical-town") {
        // A town holds no households: empty, as plan.csv leaves them.
        expect(own.every((p) => p.households_started === "")).toBe(true);
        expect([r.households_started, r.households_started_base, r.households_started_change]).toEqual(["", "", ""]);
      } else {
        expect(Number(r.households_started_base)).toBeCloseTo(own.reduce((s, p) => s + Number(p.households_started), 0), 3);
        expect(Number(r.households_started_change)).toBeCloseTo(Number(r.households_started) - Number(r.households_started_base), 3);
      }
      expect(Number(r.units_started_change)).toBeCloseTo(Number(r.units_started) - Number(r.units_started_base), 5);
    }
    // Every level against stress.csv (its targets' planned values, due by the horizon's end, 2023):
    // households of the county, town-a's communities, the towns started.
    const targets = csvRows(join(out, "stress.csv"));
    const summary = csvRows(join(out, "stress_summary.csv"));
    for (const level of ["0", "0.2", "0.6"]) {
      const at = rows.filter((r) => r.cut === level);
      const planned = (target: string) => Number(targets.find((t) => t.cut === level && t.target === target)!.planned);
      expect(total(at.filter((r) => r.program === "retrofit"), "households_started")).toBeCloseTo(planned("hh"), 2);
      expect(Number(at.find((r) => r.region === "town-a" && r.program === "retrofit")!.units_started)).toBeCloseTo(planned("a-started"), 4);
      expect(total(at.filter((r) => r.program === "typical-town"), "units_started")).toBeCloseTo(planned("typical-all"), 6);
      // The changes add up to the summary's households started lost.
      const lost = Number(summary.find((s) => s.cut === level)!.households_started_lost);
      expect(-total(at.filter((r) => r.program === "retrofit"), "households_started_change")).toBeCloseTo(lost, 2);
    }
    // The cut gives up a town: 20 % keeps one of the two, 60 % none.
    const towns = (cut: string) => total(rows.filter((r) => r.cut === cut && r.program === "typical-town"), "units_started");
    expect([towns("0.2"), towns("0.6")]).toEqual([1, 0]);

    // The report tables the regions' starts per level, the workbook has the sheet after the money by source.
    const html = readFileSync(join(out, "report.html"), "utf8");
    expect(html).toContain("典型镇培育：各削减档位分地区开工数（单位：镇）");
    expect(html).toContain("老旧小区改造：各削减档位分地区开工惠及户数（单位：户）");
    expect(html).toMatch(/<td>甲镇<\/td><td class="num">1<\/td><td class="num">0（−1）<\/td><td class="num">0（−1）<\/td>/);
    const wb = XLSX.read(readFileSync(join(out, "results.xlsx")));
    expect(wb.SheetNames).toEqual(["概要", "压力测试-汇总", "压力测试-各资金来源", "压力测试-各地区开工", "压力测试-目标"]);
    const sheet = wb.Sheets["压力测试-各地区开工"];
    // Horizon totals, named so: plan.csv's 计划开工数 is one year's starts.
    expect(["H1", "I1", "J1", "M1"].map((ref) => sheet[ref].v)).toEqual(["规划期开工数合计", "0%档位规划期开工数合计", "规划期开工数较0%档位变化", "规划期开工惠及户数较0%档位变化"]);

    // compare keys its rows by level, region and programme.
    const other = await stressRun([0.2]);
    const result = await compareFolders([out, other]);
    const keys = new Set(result.rows.filter((r) => r.file === "stress_starts.csv").map((r) => r.key));
    expect(keys).toContain("cut=0.2;region=town-b;program=retrofit");
    expect([...keys].filter((k) => k.startsWith("cut=0.2;"))).toHaveLength(4);
    const same = result.rows.find((r) => r.file === "stress_starts.csv" && r.key === "cut=0.2;region=town-b;program=retrofit" && r.column === "units_started")!;
    expect(same.deltas).toEqual([0]);
  }, 60_000);

  it("says under the report's table where the levels were not held near the 0 % plan: a region's move may be the solver's pick", async () => {
    const out = join(tmp(), "stress");
    // Whole communities, no near stage: 20 % less street money moves 200 households from 甲街道 to 乙街道, every target met.
    await stressFolder("test/fixtures/finance/whole-streets.yaml", { cut: { selector: gov, levels: [0.2], amounts: [] }, from: null, region: null, solver: "auto", out, xlsx: false });
    const html = readFileSync(join(out, "report.html"), "utf8");
    expect(html).toMatch(/<td>甲街道<\/td><td class="num">600<\/td><td class="num">400（−200）<\/td>/);
    const note = html.slice(html.indexOf("规划期内开工合计（stress_starts.csv）"));
    expect(note.slice(0, note.indexOf("</p>"))).toContain("各档位没有“贴近0%档位”的阶段（按整数单位规划的项目不参与该阶段）");
  }, 60_000);

  it("keeps a level without a plan's rows, its own figures and changes empty beside the 0 % plan's", () => {
    const plan = (rows: [string, string, number, number | null][]) => rows.map(([region, program, units_started, households_started]) => ({
      year: 2021, region, region_name: region, program, program_name: program, units_started, households_started,
    }));
    const level = (cut: number, status: string, rows: [string, string, number, number | null][]) => ({
      cut, label: `${cut * 100}%`, moneyCutYuan: 0, extras: {}, planned: { solution: { status }, tables: { plan: plan(rows) } },
    }) as unknown as Parameters<typeof stressStartsRows>[0][number];
    const rows = stressStartsRows([
      level(0, "optimal", [["a", "p", 2, 20], ["a", "p", 1, 10], ["a", "town", 1, null]]),
      level(0.5, "infeasible", []),
    ]);
    expect(rows.map((r) => [r.cut_label, r.status, r.region, r.program, r.units_started, r.units_started_base, r.units_started_change, r.households_started, r.households_started_base])).toEqual([
      ["0%", "optimal", "a", "p", 3, 3, 0, 30, 30],
      ["0%", "optimal", "a", "town", 1, 1, 0, null, null],
      ["50%", "infeasible", "a", "p", null, 3, null, null, 30],
      ["50%", "infeasible", "a", "town", null, 1, null, null, null],
    ]);
  });
});

function total(rows: Record<string, string>[], column: string): number {
  return rows.reduce((s, r) => s + Number(r[column]), 0);
}
