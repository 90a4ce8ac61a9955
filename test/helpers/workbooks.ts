/** Writes .xlsx test inputs with exceljs (a different library from the SheetJS reader under test). */
import ExcelJS from "exceljs";

export type SheetRows = (string | number | boolean | null)[][];

export async function writeWorkbook(path: string, sheets: Record<string, SheetRows>): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = wb.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
  }
  await wb.xlsx.writeFile(path);
}

/** CSV text → rows, numbers as number cells (as a planner's spreadsheet would hold them). */
export function csvToRows(text: string): SheetRows {
  return text
    .replace(/^\ufeff/, "")
    .trim()
    .split("\n")
    .map((line) => line.split(",").map((cell, i) => (i > 0 || /^\d+$/.test(cell)) && /^-?\d+(\.\d+)?$/.test(cell) ? Number(cell) : cell));
}
