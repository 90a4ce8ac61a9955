/** The workbook's first sheet: what the run was, its key figures, and which sheet holds which CSV. */
import type { Row, Worksheet } from "exceljs";
import { fileLabel } from "../format/labels.js";
import { spreadsheetText } from "../output/formulaGuard.js";
import type { KeyFigure } from "../report/keyFigures.js";
import { amountUnit, type ColumnKind, displayWidth, fitWidth, numFmt, shownNumber, withLiteral } from "./cellFormats.js";

/**
 * Excel's character units across an A4 landscape page inside the default margins: about 258 mm
 * printable at ~1.9 mm a unit (7 pixels of the default 11 pt font at 96 dpi), some 136; a little less.
 */
export const A4_LANDSCAPE_UNITS = 134;
/** The label column's width (character units) unless a longer label asks for more and the page has room. */
const LABEL_WIDTH = 44;
/**
 * Character units a label or text value keeps clear of its column's edge: Excel's cell padding, and
 * a Chinese character a little over the two units displayWidth counts (11 pt is 14.7 pixels, a unit 7).
 */
const TEXT_MARGIN = 4;
/** Points per line of a wrapped label or value: 11 pt text, CJK fonts (宋体, 等线, 微软雅黑) included. */
const LINE_HEIGHT = 16;
const WIDTHS = { number: 24, rows: 10, english: 28 };

export interface SheetEntry {
  sheet: string;
  file: string;
  rows: number;
}

/** `warnings`: run.json's, in Chinese (its `warnings_zh`). */
export function fillSummarySheet(sheet: Worksheet, title: string, figures: KeyFigure[], sheets: SheetEntry[], warnings: string[]): void {
  sheet.addRow([spreadsheetText(title)]).font = { bold: true, size: 14 };
  sheet.addRow([]);
  sheet.addRow(["项目", "数值"]).font = { bold: true };
  // Wide enough for every number as its format shows it (a P(met) of 1 with its bound is
  // "100.0%（95%置信下限 99.925%）"): a number that does not fit shows as ###. Text wraps instead (wrapRow).
  const numberWidth = Math.max(WIDTHS.number, fitWidth(Math.max(0, ...figures.map((fig) => (typeof fig.value === "number" ? displayWidth(shownFigure(fig, fig.value)) : 0)))));
  const labelWidth = labelColumnWidth(figures, numberWidth);
  // The value column takes what the page leaves: a text value (a verdict and its reason, the budgets
  // cut) wraps there, as printed, instead of running on past the page's edge.
  const valueWidth = Math.max(numberWidth, A4_LANDSCAPE_UNITS - labelWidth - WIDTHS.rows - WIDTHS.english);
  for (const fig of figures) {
    const value = typeof fig.value === "number" ? fig.value : typeof fig.value === "string" ? fig.value : fig.value.zh;
    const row = sheet.addRow([spreadsheetText(fig.label.zh), typeof value === "number" ? value : spreadsheetText(value)]);
    const fmt = formatOf(fig);
    if (fmt) row.getCell(2).numFmt = fmt;
    wrapRow(row, [displayWidth(fig.label.zh), typeof value === "number" ? 0 : displayWidth(value)], [labelWidth, valueWidth]);
    // A number beside its label, as text values stand: right-aligned, it sat a page's width away.
    if (typeof value === "number") row.getCell(2).alignment = { ...row.getCell(2).alignment, horizontal: "left" };
  }
  sheet.addRow([]);
  sheet.addRow(["工作表", "对应文件", "行数", "英文名称 (English)"]).font = { bold: true };
  for (const s of sheets) sheet.addRow([s.sheet, s.file, s.rows, fileLabel(s.file).en]);
  if (warnings.length > 0) {
    sheet.addRow([]);
    sheet.addRow(["提示（见 run.json）"]).font = { bold: true };
    const pageWidth = labelWidth + valueWidth + WIDTHS.rows + WIDTHS.english;
    for (const w of warnings) wrapAcross(sheet, sheet.addRow([spreadsheetText(w)]), displayWidth(w), pageWidth);
  }
  sheet.addRow([]);
  sheet.addRow(["说明：各表第1行为中文列名，第2行为CSV列名（机器键）；金额单元格保存为元，按万元/亿元显示；比例按百分比显示。"]);
  sheet.addRow(["Note: row 1 of each sheet is the Chinese header, row 2 the CSV column key; amounts are stored in yuan and shown in 万元/亿元."]);
  sheet.getColumn(1).width = labelWidth;
  sheet.getColumn(2).width = valueWidth;
  sheet.getColumn(3).width = WIDTHS.rows;
  sheet.getColumn(4).width = WIDTHS.english;
  // Printed on A4, a label and its value stay on one page: landscape, the columns within its width
  // (labelColumnWidth, valueWidth), as many pages long as it takes — and should a printer's margins
  // be wider than Excel's defaults, scaled to the page's width rather than cut at its edge.
  sheet.pageSetup = { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
}

/**
 * The label column: as wide as the longest label (a label beside a value is cut at the value's
 * cell: "完成概率：2027年底前全市城中村…"), from LABEL_WIDTH up to what the A4 landscape page leaves
 * beside the other columns (and fitWidth's most); a longer label wraps (wrapLabel).
 */
function labelColumnWidth(figures: KeyFigure[], numberWidth: number): number {
  const room = A4_LANDSCAPE_UNITS - numberWidth - WIDTHS.rows - WIDTHS.english;
  const widest = Math.max(0, ...figures.map((fig) => displayWidth(fig.label.zh)));
  return Math.max(LABEL_WIDTH, Math.min(fitWidth(widest + TEXT_MARGIN - 2), room));
}

/**
 * A label or text value wider than its column wraps onto as many lines as it takes, in a row tall
 * enough for the longer of them (Excel does not grow a row for wrapped text it did not lay out),
 * both cells at the top so a value sits beside its label's first line.
 */
function wrapRow(row: Row, widths: number[], columnWidths: number[]): void {
  const lines = widths.map((width, j) => Math.ceil(width / (columnWidths[j] - TEXT_MARGIN)));
  if (lines.every((n) => n <= 1)) return;
  lines.forEach((n, j) => {
    row.getCell(j + 1).alignment = n > 1 ? { wrapText: true, vertical: "top" } : { vertical: "top" };
  });
  row.height = LINE_HEIGHT * Math.max(...lines);
}

/**
 * A warning wider than the page (a year without a budget, and what that means) spans the sheet's
 * columns and wraps there: run on past the last column, it was cut at the page's edge.
 */
function wrapAcross(sheet: Worksheet, row: Row, width: number, pageWidth: number): void {
  const lines = Math.ceil(width / (pageWidth - TEXT_MARGIN));
  if (lines <= 1) return;
  sheet.mergeCells(row.number, 1, row.number, 4);
  row.getCell(1).alignment = { wrapText: true, vertical: "top" };
  row.height = LINE_HEIGHT * lines;
}

/** A figure's kind as a table column's (a key figure's count is a true count: whole). */
function kindOf(fig: KeyFigure): ColumnKind {
  return fig.kind === "count" ? "integer" : fig.kind;
}

/** The text the cell shows: the number as its format shows it, then the suffix. */
function shownFigure(fig: KeyFigure, value: number): string {
  return shownNumber(kindOf(fig), value, amountUnit(value)) + (fig.suffix ? fig.suffix.zh.replaceAll('"', "") : "");
}

function formatOf(fig: KeyFigure): string | undefined {
  if (typeof fig.value !== "number") return undefined;
  // The tables' own rule per kind (万元/亿元 by size, a share's decimals, whole counts).
  const format = numFmt(kindOf(fig), fig.value);
  // The suffix as a literal of the format: the cell keeps the number ("0.0%" shows "0.0%（95%置信上限 0.30%）").
  return format && fig.suffix ? withLiteral(format, fig.suffix.zh) : format;
}
