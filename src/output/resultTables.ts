/**
 * The CSV tables of a results folder, read back from the rendered files as typed cells. The report
 * and the workbook are both built from these, so they show exactly what the CSVs say (text without
 * the spreadsheet formula guard, which the workbook adds again) and need no knowledge of how each
 * command computed its tables.
 */
import { BOM } from "./csv.js";
import { csvRows } from "./csvRows.js";
import { unguardedText } from "./formulaGuard.js";

export type Cell = string | number | boolean | null;

export interface ResultTable {
  file: string;
  columns: string[];
  rows: Cell[][];
}

/** Columns that hold ids, names or words even when a value looks numeric (admin codes like 440100). */
const TEXT_COLUMNS = new Set([
  "region", "program", "source", "target", "capacity", "source_kind", "shadow_price_target", "shadow_price_method",
  "key", "where", "input", "output", "cut_label", "file", "column", "missing_in", "regions_losing_most", "regions_gaining_most", "name",
  "message", "message_zh", "what", "what_zh", "per", "family", "kind", "metric", "status",
]);
const NUMBER = /^-?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** Every `*.csv` of a files map, in file-name order. */
export function resultTables(files: Record<string, string | Uint8Array>): ResultTable[] {
  return Object.keys(files)
    .filter((f) => f.endsWith(".csv") && typeof files[f] === "string")
    .sort()
    .map((f) => parseResultCsv(f, files[f] as string));
}

export function parseResultCsv(file: string, text: string): ResultTable {
  const body = text.startsWith(BOM) ? text.slice(BOM.length) : text;
  const parsed = csvRows(body);
  const [columns = [], ...rest] = parsed;
  const rows = rest.map((r) => columns.map((c, i) => typedCell(c, r[i] ?? "")));
  return { file, columns, rows };
}

/** A cell as written, typed; text without the formula guard the CSV writer added (formulaGuard.ts). */
export function typedCell(column: string, text: string): Cell {
  if (text === "") return null;
  if (TEXT_COLUMNS.has(column) || column.endsWith("_name")) return unguardedText(text);
  if (text === "true" || text === "false") return text === "true";
  if (NUMBER.test(text)) return Number(text);
  return unguardedText(text);
}

/** Rows as records keyed by column, for the report's charts; a plain loop (Object.fromEntries of pairs took 4× as long). */
export function records(table: ResultTable | undefined): Record<string, Cell>[] {
  if (!table) return [];
  const { columns } = table;
  return table.rows.map((r) => {
    const record: Record<string, Cell> = {};
    for (let i = 0; i < columns.length; i++) record[columns[i]] = r[i];
    return record;
  });
}

export function num(v: Cell | undefined): number {
  return typeof v === "number" ? v : Number.NaN;
}

export function text(v: Cell | undefined): string {
  return v === null || v === undefined ? "" : String(v);
}
