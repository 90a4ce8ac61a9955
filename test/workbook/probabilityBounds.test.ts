/**
 * A P(met) of 0 or 1 whose standard error is 0 on a table sheet, read back with exceljs: shown by its
 * one-sided 95 % bound as the report and the 概要 sheet show it ("0.0%（95%置信上限 0.15%）"), the
 * standard error cell by that bound instead of a "0.0%" that claims certainty — stress's sheets
 * (压力测试-目标, 压力测试-汇总) and plan's targets sheet alike. The cells keep the CSV's numbers.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { runContext } from "../../src/report/runContext.js";
import { displayWidth } from "../../src/workbook/cellFormats.js";
import { renderWorkbook } from "../../src/workbook/workbook.js";

const RUN = JSON.stringify({ command: "stress", monte_carlo: { draws_used: 2000, mode: "evaluate" } });
const STRESS = "cut,cut_label,status,target,name,metric,target_value,planned,met,p_met,p_met_se\n" +
  "0,0%,optimal,a,甲,started,10,10,true,1,0\n" +
  "0.2,20%,optimal,a,甲,started,10,9,false,0,0\n" +
  "0.2,20%,optimal,b,乙,started,10,10,true,0.4,0.011\n";
const SUMMARY = "cut,cut_label,status,targets_met,targets,p_all_targets_met,p_all_targets_met_se\n" +
  "0,0%,optimal,2,2,1,0\n0.2,20%,optimal,1,2,0,0\n";

async function sheets(files: Record<string, string>, kind: "stress" | "plan") {
  const bytes = await renderWorkbook(runContext(kind, files));
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return book;
}

/** Column number of CSV key `key` (row 2 holds the keys). */
function col(sheet: ExcelJS.Worksheet, key: string): number {
  const keys = sheet.getRow(2).values as unknown[];
  const j = keys.indexOf(key);
  expect(j, key).toBeGreaterThan(0);
  return j;
}

describe("a P(met) of 0 or 1 with no standard error on the workbook's table sheets", () => {
  it("stress.csv (压力测试-目标): the bound after the P(met), the bound in the s.e. cell; numbers kept", async () => {
    const book = await sheets({ "stress.csv": STRESS, "stress_summary.csv": SUMMARY, "run.json": RUN }, "stress");
    const sheet = book.getWorksheet("压力测试-目标")!;
    const [p, se] = [col(sheet, "p_met"), col(sheet, "p_met_se")];
    const zero = sheet.getRow(4);
    expect([zero.getCell(p).value, zero.getCell(se).value]).toEqual([0, 0]);
    expect(zero.getCell(p).numFmt).toBe('0.0%"（95%置信上限 0.15%）"');
    expect(zero.getCell(se).numFmt).toBe('"95%置信上限 0.15%"');
    const one = sheet.getRow(3);
    expect(one.getCell(p).numFmt).toBe('0.0%"（95%置信下限 99.85%）"');
    expect(one.getCell(se).numFmt).toBe('"95%置信下限 99.85%"');
    // A P(met) inside (0, 1) keeps its percentages.
    expect([sheet.getRow(5).getCell(p).numFmt, sheet.getRow(5).getCell(se).numFmt]).toEqual(["0.0%", "0.0%"]);
    // Wide enough for what the cells show (a number too wide for its column shows ###).
    expect(sheet.getColumn(p).width!).toBeGreaterThanOrEqual(displayWidth("100.0%（95%置信下限 99.85%）") + 1);
    expect(sheet.getColumn(se).width!).toBeGreaterThanOrEqual(displayWidth("95%置信下限 99.85%") + 1);
  });

  it("stress_summary.csv (压力测试-汇总): P(all targets met) and its s.e. the same way", async () => {
    const book = await sheets({ "stress.csv": STRESS, "stress_summary.csv": SUMMARY, "run.json": RUN }, "stress");
    const sheet = book.getWorksheet("压力测试-汇总")!;
    const [p, se] = [col(sheet, "p_all_targets_met"), col(sheet, "p_all_targets_met_se")];
    const zero = sheet.getRow(4);
    expect([zero.getCell(p).value, zero.getCell(se).value]).toEqual([0, 0]);
    expect(zero.getCell(p).numFmt).toBe('0.0%"（95%置信上限 0.15%）"');
    expect(zero.getCell(se).numFmt).toBe('"95%置信上限 0.15%"');
  });

  it("plan's targets.csv follows the same convention, as its 概要 does", async () => {
    const targets = "target,name,metric,target_value,planned,attainment,met,p_met,p_met_se\nt,甲,started,10,10,1,true,0,0\n";
    const book = await sheets({ "targets.csv": targets, "run.json": JSON.stringify({ monte_carlo: { draws_used: 2000 } }) }, "plan");
    const sheet = book.getWorksheet("目标完成")!;
    expect(sheet.getRow(3).getCell(col(sheet, "p_met_se")).numFmt).toBe('"95%置信上限 0.15%"');
    // The 概要's figure: the same format as the table's P(met) cell.
    const summary = book.getWorksheet("概要")!;
    let shown: string | undefined;
    summary.eachRow((row) => { if (row.getCell(1).value === "完成概率：甲") shown = row.getCell(2).numFmt; });
    expect(shown).toBe(sheet.getRow(3).getCell(col(sheet, "p_met")).numFmt);
  });

  it("without the draws known, keeps the percentages", async () => {
    const book = await sheets({ "stress.csv": STRESS, "stress_summary.csv": SUMMARY, "run.json": JSON.stringify({ command: "stress" }) }, "stress");
    const sheet = book.getWorksheet("压力测试-目标")!;
    expect(sheet.getRow(4).getCell(col(sheet, "p_met_se")).numFmt).toBe("0.0%");
  });
});
