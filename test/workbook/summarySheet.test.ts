/**
 * The 概要 sheet read back (exceljs): a long label or text value is readable — its column as wide as
 * it, or the text wrapped in a row tall enough — and the sheet still fits an A4 landscape page across.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { runContext } from "../../src/report/runContext.js";
import { displayWidth } from "../../src/workbook/cellFormats.js";
import { renderWorkbook } from "../../src/workbook/workbook.js";

/** Pixels across A4 landscape (297 mm) inside Excel's default 0.75" margins, at 96 dpi. */
const A4_LANDSCAPE_PIXELS = ((297 - 2 * 19.05) / 25.4) * 96;
/** A column's pixels at the default font: 7 a character unit and 5 of padding. */
const pixels = (width: number) => 7 * width + 5;

async function summary(names: string[]): Promise<ExcelJS.Worksheet> {
  const targets = "target,name,metric,target_value,planned,attainment,met,p_met,p_met_se\n" +
    names.map((name, i) => `t${i},${name},started,10,10,1,true,0.4,0.03\n`).join("");
  const bytes = await renderWorkbook(runContext("plan", { "targets.csv": targets, "run.json": JSON.stringify({ monte_carlo: { draws_used: 1000 } }) }));
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return book.getWorksheet("概要")!;
}

/** Each key figure's label row: the label, its column's width, whether it wraps and the row's height. */
function labelRows(sheet: ExcelJS.Worksheet, prefix: string) {
  const width = sheet.getColumn(1).width!;
  const rows: { label: string; fits: boolean; wraps: boolean; lines: number; height: number }[] = [];
  sheet.eachRow((row) => {
    const label = row.getCell(1).value;
    if (typeof label !== "string" || !label.startsWith(prefix)) return;
    // Two units of a column are Excel's padding: the rest holds the text.
    const lines = Math.ceil(displayWidth(label) / (width - 2));
    rows.push({ label, fits: lines === 1, wraps: row.getCell(1).alignment?.wrapText === true, lines, height: row.height ?? 15 });
  });
  return rows;
}

describe("the 概要 sheet", () => {
  it("shows a long label whole: the column as wide as it, or wrapped in a row tall enough for its lines", async () => {
    const sheet = await summary([
      "2024年选树典型镇19个",
      "2027年底前全市城中村改造项目全部完成拆迁", // 完成概率：… 52 units wide: beyond the 44 the column had
      "2027年底前全市城中村改造项目全部完成拆迁安置并启动安置房建设，含历史遗留项目及跨区统筹项目的补偿协议签订",
    ]);
    const rows = labelRows(sheet, "完成概率：");
    expect(rows).toHaveLength(3);
    expect(rows[0].fits).toBe(true);
    for (const r of rows) {
      if (r.fits) continue;
      expect(r.wraps, r.label).toBe(true);
      expect(r.height, r.label).toBeGreaterThanOrEqual(15 * r.lines);
    }
    expect(rows.some((r) => r.wraps)).toBe(true);
  });

  it("gives each P(met) its standard error, labelled, and P(all targets met) the same way", async () => {
    const targets = "target,name,metric,target_value,planned,attainment,met,p_met,p_met_se\n" +
      "a,甲,started,10,10,1,true,0.122,0.005\nb,乙,started,10,10,1,true,0.5,0.008\n";
    const run = { monte_carlo: { draws_used: 4000, all_targets_met: { p_met: 0.047, p_met_se: 0.002, met_draws: 188, draws: 4000 } } };
    const bytes = await renderWorkbook(runContext("plan", { "targets.csv": targets, "run.json": JSON.stringify(run) }));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    const cells = new Map<string, ExcelJS.Cell>();
    book.getWorksheet("概要")!.eachRow((row) => cells.set(String(row.getCell(1).value), row.getCell(2)));
    // A number still, the standard error written by its format: "12.2% ± 0.5%（1个标准误）".
    expect([cells.get("完成概率：甲")?.value, cells.get("完成概率：甲")?.numFmt]).toEqual([0.122, '0.0%" ± 0.5%（1个标准误）"']);
    expect([cells.get("全部目标同时完成的概率")?.value, cells.get("全部目标同时完成的概率")?.numFmt]).toEqual([0.047, '0.0%" ± 0.2%（1个标准误）"']);
  });

  it("sets a number beside its label, as a text value stands, not at the far edge of the wide value column", async () => {
    const sheet = await summary(["households"]);
    const numbers: ExcelJS.Cell[] = [];
    sheet.eachRow((row) => {
      if (typeof row.getCell(2).value === "number" && typeof row.getCell(1).value === "string" && row.number > 3) numbers.push(row.getCell(2));
    });
    expect(numbers.length).toBeGreaterThan(0);
    for (const cell of numbers) expect(cell.alignment?.horizontal, String(cell.address)).toBe("left");
  });

  it("stays within an A4 landscape page across, printed landscape on A4", async () => {
    const sheet = await summary(["2027年底前全市城中村改造项目全部完成拆迁安置并启动安置房建设，含历史遗留项目及跨区统筹项目的补偿协议签订"]);
    const widths = [1, 2, 3, 4].map((c) => sheet.getColumn(c).width ?? 9);
    expect(widths.reduce((sum, w) => sum + pixels(w), 0)).toBeLessThanOrEqual(A4_LANDSCAPE_PIXELS);
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape" });
  });

  it("wraps a long text value (a level not reached, and why) in a value column that fills the page, printed to the page's width", async () => {
    const targets = "target,name,metric,target_value,planned,attainment,met,p_met,p_met_se,confidence_required,confidence_status,p_met_calibration\n" +
      "a,甲,started,10,10,1,true,0.91,0.005,0.9,limited,0.9\n";
    const run = { monte_carlo: { draws_used: 1000 }, confidence: { calibration: { draws: 1000 } } };
    const bytes = await renderWorkbook(runContext("plan", { "targets.csv": targets, "run.json": JSON.stringify(run) }));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    const sheet = book.getWorksheet("概要")!;
    let row: ExcelJS.Row | undefined;
    sheet.eachRow((r) => {
      if (r.getCell(1).value === "要求把握度：甲") row = r;
    });
    const value = String(row!.getCell(2).value);
    expect(value).toMatch(/^90\.0%，未达到：.*详见 diagnostics\.csv$/);
    const width = sheet.getColumn(2).width!;
    const lines = Math.ceil(displayWidth(value) / (width - 2));
    expect(lines).toBeGreaterThan(1);
    expect(row!.getCell(2).alignment).toMatchObject({ wrapText: true, vertical: "top" });
    expect(row!.getCell(1).alignment).toMatchObject({ vertical: "top" }); // the label beside the value's first line
    expect(row!.height).toBeGreaterThanOrEqual(15 * lines);
    // The columns fill the page across, no more; printed, Excel scales to its width, as many pages long as it takes.
    const widths = [1, 2, 3, 4].map((c) => sheet.getColumn(c).width ?? 9);
    expect(widths.reduce((sum, w) => sum + pixels(w), 0)).toBeLessThanOrEqual(A4_LANDSCAPE_PIXELS);
    expect(width).toBeGreaterThanOrEqual(40);
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
  });

  it("wraps a warning wider than the page across the sheet's columns; a short one stays as it was", async () => {
    const long = "2024年 开发区 没有预算行：该年该地区的政府资金视为不受限制，方案可能在该处安排任意多的资金，请在场景文件中补上预算，或确认该地区确实不受预算约束后再使用本结果向领导汇报。";
    const run = { warnings: ["long", "short"], warnings_zh: [long, "读取为 GBK 编码"] };
    const bytes = await renderWorkbook(runContext("plan", { "run.json": JSON.stringify(run) }));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    const sheet = book.getWorksheet("概要")!;
    const rowOf = (text: string) => {
      let found: ExcelJS.Row | undefined;
      sheet.eachRow((r) => {
        if (r.getCell(1).value === text) found = r;
      });
      return found!;
    };
    const pageWidth = [1, 2, 3, 4].reduce((sum, c) => sum + (sheet.getColumn(c).width ?? 9), 0);
    const lines = Math.ceil(displayWidth(long) / (pageWidth - 2));
    expect(lines).toBeGreaterThan(1);
    const wrapped = rowOf(long);
    expect(wrapped.getCell(4).isMerged).toBe(true);
    expect(wrapped.getCell(1).alignment).toMatchObject({ wrapText: true });
    expect(wrapped.height).toBeGreaterThanOrEqual(15 * lines);
    const short = rowOf("读取为 GBK 编码");
    expect(short.getCell(2).isMerged).toBe(false);
    expect(short.getCell(1).alignment?.wrapText).not.toBe(true);
  });
});
