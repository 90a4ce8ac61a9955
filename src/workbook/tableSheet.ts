/**
 * One worksheet per result table: Chinese header row, the machine key (the CSV column name) in a
 * second row, values as numbers with 万元/亿元/% formats, frozen header, filters, widths.
 */
import type { Worksheet } from "exceljs";
import { columnLabel } from "../format/labels.js";
import { spreadsheetText } from "../output/formulaGuard.js";
import type { Cell, ResultTable } from "../output/resultTables.js";
import { columnKind, columnWidth, numFmt } from "./cellFormats.js";

export const HEADER_ROWS = 2;

export function fillTableSheet(sheet: Worksheet, table: ResultTable): void {
  const kinds = table.columns.map(columnKind);
  const zh = table.columns.map((c) => columnLabel(c).zh);
  sheet.addRow(zh);
  sheet.addRow(table.columns);
  for (const row of table.rows) sheet.addRow(row.map(cellValue));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  const keys = sheet.getRow(2);
  keys.font = { color: { argb: "FF808080" }, size: 9 };
  table.columns.forEach((column, j) => {
    const values = table.rows.map((r) => r[j]);
    const col = sheet.getColumn(j + 1);
    col.width = columnWidth([zh[j], column], values, kinds[j]);
    values.forEach((v, i) => {
      const fmt = numFmt(kinds[j], v);
      if (fmt) sheet.getCell(i + 1 + HEADER_ROWS, j + 1).numFmt = fmt;
    });
  });
  sheet.views = [{ state: "frozen", xSplit: 0, ySplit: HEADER_ROWS, topLeftCell: "A3", activeCell: "A3" }];
  if (table.columns.length > 0) {
    sheet.autoFilter = { from: { row: HEADER_ROWS, column: 1 }, to: { row: HEADER_ROWS + table.rows.length, column: table.columns.length } };
  }
}

function cellValue(v: Cell): Cell {
  return typeof v === "string" ? spreadsheetText(v) : v;
}
