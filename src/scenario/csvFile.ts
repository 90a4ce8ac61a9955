/**
 * CSV files named by `{file: x.csv}` list entries: one record per row, the header row giving the
 * keys, each value positioned at its CSV line so problems point at the row to fix. The header is
 * checked once per file against the list's columns (csvColumns.ts); malformed quoting and the row
 * and column limits are problems at their line, never exceptions.
 */
import { Parser } from "@fast-csv/parse/build/src/parser/index.js";
import { ParserOptions } from "fast-csv";
import type { Label } from "../format/labels.js";
import { formatLimit, LIMITS } from "../limits.js";
import { checkHeader, headerUnitConflict, takesHeaderUnit, withHeaderUnit } from "./csvColumns.js";
import { yearKey } from "./yamlFile.js";
import { setOwn, tooLargeWritten, type PositionTable } from "./positions.js";

/** Columns holding ids or names stay text even when they look numeric (admin codes like 440100). */
export const TEXT_COLUMNS = new Set(["id", "name", "region", "parent", "program", "source", "of", "unit"]);
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
/**
 * A number with thousands separators, as WPS and Excel save a cell formatted with them ("71,111",
 * "1,234,567.5"): groups of three digits only, so "7,1111" or "1,5" (a decimal comma?) stay text.
 * A count column then refuses them; a money column reads them as amounts (units.ts), which take
 * groups of four too ("7,1111" = 71111元) and refuse "1,5".
 */
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
/** Columns of years: the actuals' and budgets' `year`, a target's `by`. */
const YEAR_COLUMNS = new Set(["year", "by"]);

export interface CsvRecords {
  records: Record<string, unknown>[];
  /**
   * Problems found while reading (bad header, ragged rows), each with its CSV line. `row`: a
   * problem of that row alone, which is left out while the rest of the table is read.
   */
  errors: { line: number | null; message: string; row?: true }[];
  /** Cells read as written that may not say what was meant (a unit other than the header's). */
  notes: { line: number | null; message: Label }[];
}

/**
 * Parses CSV text into records; `list` names the scenario list the rows are for (`regions`,
 * `by_region`, `budgets` …), whose columns the header must match. fast-csv's row parser is used
 * directly (its stream API is asynchronous, and scenario loading is synchronous so every caller
 * can use it).
 */
export function parseCsvRecords(file: string, text: string, positions: PositionTable, list?: string): CsvRecords {
  const errors: CsvRecords["errors"] = [];
  const delimiter = delimiterOf(text);
  let rows: string[][];
  try {
    rows = new Parser(new ParserOptions({ delimiter })).parse(text, false).rows;
  } catch {
    return { records: [], notes: [], errors: [quotingProblem(text, delimiter)] };
  }
  const lineOfRow = rowLines(rows);
  const firstRow = rows.findIndex((r) => !isBlank(r));
  if (firstRow < 0) return { records: [], notes: [], errors: [{ line: 1, message: "the CSV file has no header row" }] };
  const headerLine = lineOfRow[firstRow];
  if (rows.length - firstRow - 1 > LIMITS.csvRows) {
    return { records: [], notes: [], errors: [{ line: null, message: `the file has ${(rows.length - firstRow - 1).toLocaleString("en-US")} rows; the limit is ${formatLimit("csvRows")} rows per CSV file (see docs/limits.md)` }] };
  }
  if (rows[firstRow].length > LIMITS.csvColumns) {
    return { records: [], notes: [], errors: [{ line: headerLine, message: `the header has ${rows[firstRow].length} columns; the limit is ${formatLimit("csvColumns")}` }] };
  }
  const written = rows[firstRow].map((h, i) => (i === 0 ? h.replace(/^\ufeff/, "") : h).trim());
  // Excel and WPS save a sheet whose used range ran wider than its table with trailing empty
  // columns (`区域,年份,金额,,`): unnamed columns after the last named one are allowed while empty.
  const named = written.reduce((last, h, i) => (h !== "" ? i + 1 : last), 0);
  written.forEach((h, i) => {
    if (i >= named) return;
    if (h === "") errors.push({ line: headerLine, message: `column ${i + 1} has no name in the header row` });
    else if (written.indexOf(h) !== i) errors.push({ line: headerLine, message: `column "${h}" appears twice in the header row` });
  });
  if (errors.length > 0) return { records: [], notes: [], errors };
  const checked = list === undefined ? { columns: written.slice(0, named), units: [] } : checkHeader(list, written.slice(0, named));
  if ("problem" in checked) return { records: [], notes: [], errors: [{ line: headerLine, message: checked.problem }] };
  const header = checked.columns;
  header.forEach((h, i) => {
    if (header.indexOf(h) !== i) errors.push({ line: headerLine, message: `columns "${written[header.indexOf(h)]}" and "${written[i]}" both give ${h}` });
  });
  if (errors.length > 0) return { records: [], notes: [], errors };
  const records: Record<string, unknown>[] = [];
  const notes: CsvRecords["notes"] = delimiter === "\t" ? [{ line: null, message: TAB_SEPARATED }] : [];
  for (let r = firstRow + 1; r < rows.length; r++) {
    const row = rows[r];
    if (isBlank(row)) continue;
    const line = lineOfRow[r];
    if (row.length > written.length) {
      errors.push({ line, message: `row has ${row.length} cells but the header names ${header.length} columns${thousandsHint(row)}`, row: true });
      continue;
    }
    const unnamed = row.findIndex((cell, i) => i >= header.length && cell.trim() !== "");
    if (unnamed >= 0) {
      errors.push({ line, message: `cell ${unnamed + 1} has a value but its column has no name in the header row${thousandsHint(row)}`, row: true });
      continue;
    }
    const record: Record<string, unknown> = {};
    header.forEach((column, i) => {
      const cell = (row[i] ?? "").trim();
      if (cell === "" || column === "") return; // an empty cell leaves the key absent
      const value = cellValue(column, cell);
      const conflict = headerUnitConflict(value, checked.units[i], written[i]);
      if (conflict) notes.push({ line, message: conflict });
      setOwn(record, column, withHeaderUnit(value, checked.units[i]));
      positions.set(record, column, { file, line, ...tooLargeWritten(value, cell), ...(takesHeaderUnit(value, checked.units[i]) ? { unitHeader: written[i] } : {}) });
    });
    records.push(record);
  }
  return { records, errors, notes };
}

/**
 * Excel's "Unicode text" (Unicode 文本) saves a sheet as UTF-16 with tabs between cells: a header
 * line with tabs and no comma is read that way, which a comma-separated reading would take for one
 * cell, a title row.
 */
function delimiterOf(text: string): "," | "\t" {
  const header = text.split(/\r\n|\n|\r/).find((line) => /[^,\t\s\ufeff]/.test(line)) ?? "";
  return header.includes("\t") && !header.includes(",") ? "\t" : ",";
}

const TAB_SEPARATED: Label = {
  en: `read as tab-separated (its header has tabs and no commas), as Excel's "Unicode text" saves`,
  zh: "按制表符分隔读取（表头有制表符而无逗号），即 Excel“Unicode 文本”的保存格式",
};

/** A cell's text as a scenario value (shared with the .xlsx reader so both forms plan alike). */
export function cellValue(column: string, cell: string): unknown {
  if (TEXT_COLUMNS.has(column)) return cell;
  if (YEAR_COLUMNS.has(column)) {
    const year = yearKey(cell); // "2021年", "２０２１" as office spreadsheets and input methods write them
    if (/^\d{4}$/.test(year)) return Number(year);
  }
  if (NUMBER.test(cell)) return Number(cell);
  if (GROUPED.test(cell)) return Number(cell.replace(/,/g, "")); // counts as money cells ("24,000") read
  if (cell === "true" || cell === "false") return cell === "true";
  return cell; // e.g. "3500万": the schema parses units
}

/**
 * `meizhou,2021,55,900,000`: Excel and WPS write a cell formatted with thousands separators that
 * way, and each comma then starts a cell. Names the number when the extra cells are such groups.
 */
function thousandsHint(row: string[]): string {
  for (let i = 0; i + 1 < row.length; i++) {
    if (!/^\s*[+-]?\d{1,3}$/.test(row[i])) continue;
    let j = i + 1;
    while (j < row.length && /^\d{3}$/.test(row[j])) j++;
    if (j < row.length && /^\d{3}\.\d+\s*$/.test(row[j])) j++;
    if (j - i < 2) continue;
    const number = row.slice(i, j).map((c) => c.trim()).join(",");
    return `: ${number} looks like a number with thousands separators, and each comma starts a new cell — write ${number.replace(/,/g, "")} (in Excel or WPS, format the column without separators before saving as CSV), or quote it ("${number}")`;
  }
  return "";
}

/** 1-based line on which each parsed row starts (quoted cells may span lines). */
function rowLines(rows: string[][]): number[] {
  const out: number[] = [];
  let line = 1;
  for (const row of rows) {
    out.push(line);
    line += 1 + row.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
  }
  return out;
}

/**
 * Where quoting goes wrong (fast-csv only says that it does): a quoted cell must close with a quote
 * followed by the delimiter (a comma, or a tab), a line end or the end of the file, and a quote
 * inside it is doubled ("").
 */
export function quotingProblem(text: string, delimiter: "," | "\t" = ","): { line: number; message: string } {
  const what = delimiter === "," ? "a comma" : "a tab";
  let line = 1;
  let openedAt = 0;
  let inQuotes = false;
  let cellStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inQuotes) {
      if (c === "\n") line++;
      if (c !== '"') continue;
      if (text[i + 1] === '"') {
        i++;
        continue;
      }
      inQuotes = false;
      let j = i + 1;
      while ((text[j] === " " || text[j] === "\t") && text[j] !== delimiter) j++;
      if (j < text.length && ![delimiter, "\r", "\n"].includes(text[j])) {
        return { line, message: `malformed quoting: a quoted cell must end with a quote followed by ${what} or the line end (write a quote inside a quoted cell as two quotes "")` };
      }
      continue;
    }
    if (c === '"' && cellStart) {
      inQuotes = true;
      openedAt = line;
    }
    if (c === "\n") line++;
    cellStart = c === delimiter || c === "\n" || c === "\r" || (cellStart && (c === " " || c === "\t"));
  }
  if (inQuotes) return { line: openedAt, message: "malformed quoting: a quote opened on this line is never closed" };
  return { line: 1, message: "malformed CSV quoting" };
}

function isBlank(row: string[]): boolean {
  return row.every((cell) => cell.trim() === "");
}
