/** The workbook's first sheet: what the run was, its key figures, and which sheet holds which CSV. */
import type { Worksheet } from "exceljs";
import { fileLabel } from "../format/labels.js";
import { spreadsheetText } from "../output/formulaGuard.js";
import type { KeyFigure } from "../report/keyFigures.js";
import { numFmt } from "./cellFormats.js";

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
  for (const fig of figures) {
    const row = sheet.addRow([spreadsheetText(fig.label.zh), typeof fig.value === "number" ? fig.value : spreadsheetText(typeof fig.value === "string" ? fig.value : fig.value.zh)]);
    const fmt = formatOf(fig);
    if (fmt) row.getCell(2).numFmt = fmt;
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
  sheet.getColumn(2).width = 24;
  sheet.getColumn(3).width = 10;
  sheet.getColumn(4).width = 28;
}

function formatOf(fig: KeyFigure): string | undefined {
  if (typeof fig.value !== "number") return undefined;
  // The tables' own rule per kind (万元/亿元 by size, a share's decimals, whole counts).
  const format = numFmt(fig.kind === "count" ? "integer" : fig.kind, fig.value);
  // The suffix as a literal of the format: the cell keeps the number ("0.0%" shows "0.0%（95%置信上限 0.30%）").
  return format && fig.suffix ? `${format}"${fig.suffix.zh.replaceAll('"', "")}"` : format;
}
