/**
 * .xlsx files named by `{file: x.xlsx, sheet: 市级}` list entries: the same columns as the CSV form,
 * one record per row of the sheet (the first sheet by default), each value positioned at its
 * sheet, row and column so problems point at the cell to fix. Read with SheetJS, which parses
 * synchronously like the rest of scenario loading.
 */
import { createRequire } from "node:module";
import type * as SheetJS from "@e965/xlsx";
import type { Label } from "../format/labels.js";
import { formatLimit, LIMITS } from "../limits.js";
import { checkHeader, headerUnitConflict, takesHeaderUnit, withHeaderUnit } from "./csvColumns.js";
import { cellValue, TEXT_COLUMNS } from "./csvFile.js";
import { setOwn, tooLargeWritten, type PositionTable, type SourcePos } from "./positions.js";

// SheetJS loads on first use (~70 ms at start-up otherwise; most scenarios have no workbook
// tables), through require because scenario loading is synchronous.
let loaded: typeof SheetJS | null = null;
const sheetjs = (): typeof SheetJS => (loaded ??= createRequire(import.meta.url)("@e965/xlsx") as typeof SheetJS);

export interface XlsxRecords {
  records: Record<string, unknown>[];
  /** The sheet read (null when the workbook could not be read or the sheet is missing). */
  sheet: string | null;
  /** Problems found while reading; `at` is null for the workbook as a whole. */
  /** `row`: a problem of one row's cell; that row is left out, the rest of the sheet is read. */
  errors: { at: Omit<SourcePos, "file"> | null; message: string; row?: true }[];
  /** Cells read as written that may not say what was meant (a unit other than the header's). */
  notes: { at: Omit<SourcePos, "file">; message: Label }[];
}

export function parseXlsxRecords(file: string, bytes: Uint8Array, wanted: string | undefined, positions: PositionTable, list?: string): XlsxRecords {
  let book: SheetJS.WorkBook;
  try {
    book = sheetjs().read(bytes, { type: "array", cellNF: true, cellDates: false, dense: false });
  } catch (e) {
    return { records: [], notes: [], sheet: null, errors: [{ at: null, message: `cannot read the workbook: ${(e as Error).message}` }] };
  }
  const name = wanted ?? book.SheetNames[0];
  const sheet = name === undefined ? undefined : book.Sheets[name];
  if (!sheet || name === undefined) {
    const have = book.SheetNames.map((s) => `"${s}"`).join(", ");
    return { records: [], notes: [], sheet: null, errors: [{ at: null, message: `the workbook has no sheet "${wanted}" (sheets: ${have || "none"})` }] };
  }
  const errors: XlsxRecords["errors"] = [];
  const at = (r: number, c: number) => ({ sheet: name, line: r + 1, column: sheetjs().utils.encode_col(c) });
  const range = sheetjs().utils.decode_range(sheet["!ref"] ?? "A1:A1");
  const rowCells = (r: number) => Array.from({ length: range.e.c - range.s.c + 1 }, (_, i) => sheet[sheetjs().utils.encode_cell({ r, c: range.s.c + i })] as SheetJS.CellObject | undefined);
  let headerRow = range.s.r;
  while (headerRow <= range.e.r && rowCells(headerRow).every(isBlank)) headerRow++;
  if (headerRow > range.e.r) return { records: [], notes: [], sheet: name, errors: [{ at: { sheet: name, line: null }, message: "the sheet has no header row" }] };
  if (range.e.r - headerRow > LIMITS.csvRows) {
    return { records: [], notes: [], sheet: name, errors: [{ at: { sheet: name, line: null }, message: `the sheet has more than ${formatLimit("csvRows")} rows, the limit per table (see docs/limits.md)` }] };
  }
  const written = rowCells(headerRow).map((cell) => (isBlank(cell) ? "" : String(cell!.v).trim()));
  const lastColumn = written.reduce((last, h, i) => (h !== "" ? i : last), -1);
  written.forEach((h, i) => {
    if (i > lastColumn) return;
    if (h === "") errors.push({ at: at(headerRow, range.s.c + i), message: `column ${i + 1} has no name in the header row` });
    else if (written.indexOf(h) !== i) errors.push({ at: at(headerRow, range.s.c + i), message: `column "${h}" appears twice in the header row` });
  });
  // The same columns and Chinese aliases as a CSV table, checked once for the sheet.
  const checked = list === undefined || errors.length > 0 ? { columns: written, units: [] } : checkHeader(list, written.slice(0, lastColumn + 1));
  if ("problem" in checked) return { records: [], notes: [], sheet: name, errors: [{ at: { sheet: name, line: headerRow + 1 }, message: checked.problem }] };
  const header = [...checked.columns, ...written.slice(checked.columns.length)];
  const records: Record<string, unknown>[] = [];
  const notes: XlsxRecords["notes"] = [];
  for (let r = headerRow + 1; r <= range.e.r; r++) {
    const cells = rowCells(r);
    if (cells.every(isBlank)) continue;
    const record: Record<string, unknown> = {};
    let bad = false;
    cells.forEach((cell, i) => {
      const column = header[i];
      if (isBlank(cell)) return; // an empty cell leaves the key absent, as in a CSV
      const where = at(r, range.s.c + i);
      if (column === undefined || column === "" || i > lastColumn) {
        errors.push({ at: where, message: "this cell has a value but its column has no name in the header row", row: true });
        bad = true;
        return;
      }
      const value = xlsxCellValue(column, cell!);
      if ("problem" in value) {
        errors.push({ at: where, message: value.problem, row: true });
        bad = true;
      } else {
        const conflict = headerUnitConflict(value.value, checked.units[i], written[i]);
        if (conflict) notes.push({ at: where, message: conflict });
        setOwn(record, column, withHeaderUnit(value.value, checked.units[i]));
      }
      const unitHeader = "value" in value && takesHeaderUnit(value.value, checked.units[i]) ? { unitHeader: written[i] } : {};
      positions.set(record, column, { file, ...where, ...("value" in value ? tooLargeWritten(value.value, String(cell!.v)) : {}), ...unitHeader });
    });
    if (!bad) records.push(record); // left out: its problem is listed, and no check repeats it

  }
  return { records, sheet: name, errors, notes };
}

/** The value a CSV cell with the same text would give; numbers stay numbers, ids stay text. */
function xlsxCellValue(column: string, cell: SheetJS.CellObject): { value: unknown } | { problem: string } {
  switch (cell.t) {
    case "n":
      if (cell.z !== undefined && typeof cell.z === "string" && sheetjs().SSF.is_date(cell.z)) {
        return { problem: `this cell holds a date (${cell.w ?? cell.v}); type the year or amount as a number` };
      }
      return { value: TEXT_COLUMNS.has(column) ? String(cell.v) : cell.v };
    case "b":
      return { value: TEXT_COLUMNS.has(column) ? String(cell.v) : cell.v };
    case "s":
      return { value: cellValue(column, String(cell.v).trim()) };
    case "e":
      return { problem: `this cell holds the Excel error ${cell.w ?? "#ERROR"}` };
    case "d":
      return { problem: "this cell holds a date; type the year or amount as a number" };
    default:
      return { problem: "this cell's value cannot be read" };
  }
}

function isBlank(cell: SheetJS.CellObject | undefined): boolean {
  return cell === undefined || cell.t === "z" || cell.v === undefined || cell.v === null || (cell.t === "s" && String(cell.v).trim() === "");
}
