/**
 * CSV files named by `{file: x.csv}` list entries: one record per row, the header row giving the
 * keys, each value positioned at its CSV line so problems point at the row to fix.
 */
import { Parser } from "@fast-csv/parse/build/src/parser/index.js";
import { ParserOptions } from "fast-csv";
import { setOwn, type PositionTable } from "./positions.js";

/** Columns holding ids or names stay text even when they look numeric (admin codes like 440100). */
export const TEXT_COLUMNS = new Set(["id", "name", "region", "parent", "program", "source", "of", "unit"]);
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export interface CsvRecords {
  records: Record<string, unknown>[];
  /** Problems found while reading (bad header, ragged rows), each with its CSV line. */
  errors: { line: number | null; message: string }[];
}

/**
 * Parses CSV text into records. fast-csv's row parser is used directly (its stream API is
 * asynchronous, and scenario loading is synchronous so every caller can use it).
 */
export function parseCsvRecords(file: string, text: string, positions: PositionTable): CsvRecords {
  const errors: CsvRecords["errors"] = [];
  const rows = new Parser(new ParserOptions({})).parse(text, false).rows;
  const lineOfRow = rowLines(rows);
  const firstRow = rows.findIndex((r) => !isBlank(r));
  if (firstRow < 0) return { records: [], errors: [{ line: 1, message: "the CSV file has no header row" }] };
  const header = rows[firstRow].map((h) => h.trim());
  header.forEach((h, i) => {
    if (h === "") errors.push({ line: lineOfRow[firstRow], message: `column ${i + 1} has no name in the header row` });
    else if (header.indexOf(h) !== i) errors.push({ line: lineOfRow[firstRow], message: `column "${h}" appears twice in the header row` });
  });
  const records: Record<string, unknown>[] = [];
  for (let r = firstRow + 1; r < rows.length; r++) {
    const row = rows[r];
    if (isBlank(row)) continue;
    const line = lineOfRow[r];
    if (row.length > header.length) {
      errors.push({ line, message: `row has ${row.length} cells but the header names ${header.length} columns` });
      continue;
    }
    const record: Record<string, unknown> = {};
    header.forEach((column, i) => {
      const cell = (row[i] ?? "").trim();
      if (cell === "" || column === "") return; // an empty cell leaves the key absent
      setOwn(record, column, cellValue(column, cell));
      positions.set(record, column, { file, line });
    });
    records.push(record);
  }
  return { records, errors };
}

/** A cell's text as a scenario value (shared with the .xlsx reader so both forms plan alike). */
export function cellValue(column: string, cell: string): unknown {
  if (TEXT_COLUMNS.has(column)) return cell;
  if (NUMBER.test(cell)) return Number(cell);
  if (cell === "true" || cell === "false") return cell === "true";
  return cell; // e.g. "3500万": the schema parses units
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

function isBlank(row: string[]): boolean {
  return row.every((cell) => cell.trim() === "");
}
