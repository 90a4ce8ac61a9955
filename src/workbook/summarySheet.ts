/** The workbook's first sheet: what the run was, its key figures, and which sheet holds which CSV. */
import type { Worksheet } from "exceljs";
import { fileLabel } from "../format/labels.js";
import { spreadsheetText } from "../output/formulaGuard.js";
import type { KeyFigure } from "../report/keyFigures.js";
import { amountUnit, type ColumnKind, displayWidth, fitWidth, numFmt, shownNumber } from "./cellFormats.js";

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
  let widestNumber = 0;
  for (const fig of figures) {
    const row = sheet.addRow([spreadsheetText(fig.label.zh), typeof fig.value === "number" ? fig.value : spreadsheetText(typeof fig.value === "string" ? fig.value : fig.value.zh)]);
    const fmt = formatOf(fig);
    if (fmt) row.getCell(2).numFmt = fmt;
    if (typeof fig.value === "number") widestNumber = Math.max(widestNumber, displayWidth(shownFigure(fig, fig.value)));
  }
  sheet.addRow([]);
  sheet.addRow(["工作表", "对应文件", "行数", "英文名称 (English)"]).font = { bold: true };
  for (const s of sheets) sheet.addRow([s.sheet, s.file, s.rows, fileLabel(s.file).en]);
  if (warnings.length > 0) {
    sheet.addRow([]);
    sheet.addRow(["提示（见 run.json）"]).font = { bold: true };
    for (const w of warnings) sheet.addRow([spreadsheetText(w)]);
  }
  sheet.addRow([]);
  sheet.addRow(["说明：各表第1行为中文列名，第2行为CSV列名（机器键）；金额单元格保存为元，按万元/亿元显示；比例按百分比显示。"]);
  sheet.addRow(["Note: row 1 of each sheet is the Chinese header, row 2 the CSV column key; amounts are stored in yuan and shown in 万元/亿元."]);
  sheet.getColumn(1).width = 44;
  // Wide enough for every number as its format shows it (a P(met) of 1 with its bound is
  // "100.0%（95%置信下限 99.925%）"): a number that does not fit shows as ###. Text runs on instead.
  sheet.getColumn(2).width = Math.max(24, fitWidth(widestNumber));
  sheet.getColumn(3).width = 10;
  sheet.getColumn(4).width = 28;
  // Printed on A4, a label and its value stay on one page: landscape, one page wide (as many long as it takes).
  sheet.pageSetup = { paperSize: 9, orientation: "landscape" };
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
  return format && fig.suffix ? `${format}"${fig.suffix.zh.replaceAll('"', "")}"` : format;
}
