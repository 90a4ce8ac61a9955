/**
 * A table's sheet read back with SheetJS: what a cell holds and how its format shows it, where the
 * CSV's number is not what a reader should read (compare.csv's change of a share).
 */
import * as XLSX from "@e965/xlsx";
import { describe, expect, it } from "vitest";
import { runContext } from "../../src/report/runContext.js";
import { renderWorkbook } from "../../src/workbook/workbook.js";

async function sheetOf(files: Record<string, string>, kind: "plan" | "compare", name: string): Promise<XLSX.WorkSheet> {
  const book = XLSX.read(await renderWorkbook(runContext(kind, files)), { cellNF: true });
  return book.Sheets[name];
}

describe("compare.csv's sheet", () => {
  it("shows a share's change in percentage points (+91.9个百分点), not as a share (91.9%)", async () => {
    const sheet = await sheetOf({
      "compare.csv": [
        "file,key,column,value_1,value_2,delta_2,rel_delta_2,missing_in",
        "targets.csv,target=lj-communities,p_met,0.007,0.926,0.919,,",
        "funding.csv,year=2021;source=central,share_of_cost,0.3,0.25,-0.05,,",
        "budgets.csv,year=2021;source=c,utilisation,1,1,0,0,",
        "targets.csv,target=t,p_met_se,0.0005,0.00052,0.00002,,",
        "funding.csv,year=2021;source=central,amount_yuan,539970158.13,497354207.77,-42615950.36,-0.0789,",
      ].join("\n"),
    }, "compare", "方案比较");
    // The values stay shares; the change is held in points (a format scales by 100 only with a % sign).
    expect([sheet.D3.w, sheet.E3.w]).toEqual(["0.7%", "92.6%"]);
    expect([sheet.F3.v, sheet.F3.w]).toEqual([91.9, "+91.9个百分点"]);
    expect([sheet.F4.v, sheet.F4.w]).toEqual([-5, "-5.0个百分点"]);
    expect([sheet.F5.v, sheet.F5.w]).toEqual([0, "0.0个百分点"]);
    expect(sheet.F6.w).toBe("+0.002个百分点"); // not "+0.0个百分点"
    expect(sheet.F7.z).toMatch(/万元/); // money's change stays money
    expect(sheet.F7.v).toBe(-42615950.36);
  });
});

describe("targets.csv's sheet", () => {
  it("shows a whole-unit target's P10 and P90 as the report and the printout do: whole units, rounded down", async () => {
    // The report's fixture (test/report/report.test.ts, "the targets table's P10–P90"): 9–11, not 9.0–11.1.
    const files = {
      "targets.csv": "target,name,program,region,metric,by,target_value,planned,p_met,p_met_se,p10,p50,p90\n" +
        "czc,城中村改造启动12个村,czc,zh,started,2027,12,15,0.83725,0.005837,10.9999999,13,14.7\n" +
        "czc-2,城中村2,czc,zh,started,2027,12,12,0.1,0.0067,9,10.5,11.1\n" +
        "czc-hh,城中村户数,czc,zh,households_started,2027,1200,1200,0.1,0.0067,1100.6,1150,1210.2\n" +
        "lj,老旧小区,lj,zh,started,2027,12,12,0.1,0.0067,11.4,12,13.6\n",
      "input.yaml": "name: z\nprograms:\n  - {id: czc, name: 城中村, unit: 村, integer: true}\n  - {id: lj, name: 老旧小区, unit: 小区}\n",
    };
    const sheet = await sheetOf(files, "plan", "目标完成");
    const cells = (column: string) => [3, 4, 5, 6].map((row) => sheet[`${column}${row}`]);
    // p10 (K) and p90 (M): whole units reached for the integer programme's started units only.
    expect(cells("K").map((c) => c.v)).toEqual([11, 9, 1100.6, 11.4]);
    expect(cells("M").map((c) => c.v)).toEqual([14, 11, 1210.2, 13.6]);
    expect(cells("M").map((c) => c.w)).toEqual(["14", "11", "1,210", "13.6"]);
  });
});
