/**
 * The plan report's starts table (src/report/startsTable.ts): per programme, each leaf region's units
 * started per horizon year as plan.csv has them, their total, households where units hold them, and a
 * total row; regions in the scenario's order.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { records } from "../../src/output/resultTables.js";
import { runContext } from "../../src/report/runContext.js";
import { startsTables } from "../../src/report/startsTable.js";
import { runCli } from "../cli/run.js";

/** The cells of a table row whose first cell reads `first` (its Chinese span), as text. */
function rowCells(html: string, first: string): string[] {
  const row = html.split("\n").find((l) => l.startsWith("<tr>") && l.includes(`<td>${first}</td>`) || l.includes(`<td><span class="zh">${first}</span>`));
  return row ? [...row.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((m) => m[1].replace(/<span class="en">.*?<\/span>/g, "").replace(/<[^>]+>/g, "")) : [];
}

describe("starts by region and year (whole villages, the 佛山 fixture)", () => {
  let dir: string;
  let html: string;
  let plan: Record<string, unknown>[];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "renewsim-starts-"));
    const out = join(dir, "out");
    expect((await runCli("test/fixtures/scenarios/village/village.yaml", "--quiet", "--no-xlsx", "--out", out)).code).toBe(0);
    html = readFileSync(join(out, "report.html"), "utf8");
    plan = records(runContext("plan", { "plan.csv": readFileSync(join(out, "plan.csv"), "utf8") }).tables.get("plan.csv"));
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("shows each region's starts per year and in all, as plan.csv has them, in the scenario's region order", () => {
    expect(html).toContain("开工计划（分地区、分年度）");
    const section = html.slice(html.indexOf("拆除新建：分地区分年度开工数"));
    const table = section.slice(0, section.indexOf("</table>"));
    expect(table).toContain("（单位：村）");
    const regions = ["禅城区", "南海区", "顺德区", "高明区", "三水区"];
    const order = regions.map((r) => table.indexOf(`<td>${r}</td>`));
    expect(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1]))).toBe(true);
    const program = plan.find((r) => r.program_name === "拆除新建")!.program;
    for (const name of regions) {
      const own = plan.filter((r) => r.program === program && r.region_name === name && (r.year as number) <= 2028);
      const byYear = [2024, 2025, 2026, 2027, 2028].map((y) => own.filter((r) => r.year === y).reduce((s, r) => s + (r.units_started as number), 0));
      const households = own.reduce((s, r) => s + (r.households_started as number), 0);
      expect(rowCells(table, name)).toEqual([name, ...byYear.map(String), String(byYear.reduce((a, b) => a + b, 0)), households.toLocaleString("en-US")]);
    }
    const total = rowCells(table, "合计");
    const all = plan.filter((r) => r.program === program).reduce((s, r) => s + (r.units_started as number), 0);
    expect(total[6]).toBe(String(all));
  });
});

describe("starts by region and year (hand-made folder)", () => {
  const input = [
    "name: t", "horizon: {start: 2021, end: 2022}",
    "regions: [{id: city}, {id: b, name: 乙区, parent: city}, {id: a, name: 甲区, parent: city}]",
    "programs: [{id: greenway, name: 碧道, unit: km}, {id: towns, name: 典型镇, unit: 镇, integer: true}]",
  ].join("\n");
  const csv = [
    "year,region,region_name,program,program_name,units_started,actual_started,units_active,units_completed,households_started,households_completed,cost_due_yuan,slots_used",
    "2021,a,甲区,towns,典型镇,1,0,1,0,,,100,0",
    "2021,b,乙区,towns,典型镇,0,0,0,0,,,0,0",
    "2021,a,甲区,greenway,碧道,1.25,0,1.25,0,,,100,0",
    "2021,b,乙区,greenway,碧道,0.5,0,0.5,0,,,100,0",
    "2022,a,甲区,greenway,碧道,2,0,2,0,,,100,0",
    "2022,b,乙区,greenway,碧道,0,0,0,0,,,0,0",
    "2023,a,甲区,greenway,碧道,0,0,0,0,,,100,0",
  ].join("\n");
  const html = startsTables(runContext("plan", { "plan.csv": csv, "input.yaml": input, "run.json": JSON.stringify({ horizon: { start: 2021, end: 2022 } }) }));

  it("keeps programmes and regions in the scenario's order, decimals where the plan is not whole, no households column where units hold none", () => {
    expect(html.indexOf("碧道：")).toBeLessThan(html.indexOf("典型镇："));
    const greenway = html.slice(html.indexOf("碧道："), html.indexOf("典型镇："));
    expect(greenway.indexOf("<td>乙区</td>")).toBeLessThan(greenway.indexOf("<td>甲区</td>"));
    expect(rowCells(greenway, "甲区")).toEqual(["甲区", "1.3", "2", "3.3"]);
    expect(rowCells(greenway, "合计")).toEqual(["合计", "1.8", "2", "3.8"]);
    expect(greenway).not.toContain("惠及户数合计");
    expect(greenway).not.toContain("2023");
    const towns = html.slice(html.indexOf("典型镇："));
    expect(rowCells(towns, "乙区")).toEqual(["乙区", "0", "0", "0"]);
  });
});
