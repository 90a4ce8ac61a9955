/**
 * CSV text: columns in a fixed order, UTF-8 with a byte-order mark by default so Excel and WPS open
 * Chinese names correctly, "\n" line ends so files are byte-identical everywhere. Every CSV renewsim
 * writes goes through `toCsv`, so every text cell is guarded against formula injection
 * (formulaGuard.ts).
 *
 * A join, not fast-csv's formatter stream (which renewsim used before): the stream took ~90 ms for a
 * province's plan in a fresh process, this loop ~10 ms, on the path between the solve and the office
 * files. It writes exactly what fast-csv wrote (tested against it), so results stay byte-identical
 * across versions: NUL characters dropped; a cell with a quote quoted with its quotes doubled; a
 * cell with a comma, a line break or a `|` (fast-csv's quirk, harmless) quoted.
 */
import { spreadsheetText } from "./formulaGuard.js";

export const BOM = "\ufeff";

export interface CsvOptions {
  bom: boolean;
}

export function toCsv<T extends object>(rows: T[], columns: (keyof T & string)[], options: CsvOptions): string {
  const lines = [columns.map(field).join(",")];
  for (const r of rows) lines.push(columns.map((c) => field(cell(r[c]))).join(","));
  return (options.bom ? BOM : "") + lines.join("\n") + "\n";
}

function cell(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  return spreadsheetText(String(v));
}

const NEEDS_QUOTES = /[,\r\n|]/;

/** One field as fast-csv's FieldFormatter writes it with the default quote and delimiter. */
function field(text: string): string {
  const s = text.includes("\0") ? text.replace(/\0/g, "") : text;
  if (s.includes('"')) return `"${s.replace(/"/g, '""')}"`;
  return NEEDS_QUOTES.test(s) ? `"${s}"` : s;
}
