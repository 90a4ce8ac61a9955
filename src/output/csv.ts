/**
 * CSV text via fast-csv: columns in a fixed order, UTF-8 with a byte-order mark by default so
 * Excel and WPS open Chinese names correctly, "\n" line ends so files are byte-identical everywhere.
 * Every CSV renewsim writes goes through `toCsv`, so every text cell is guarded against formula
 * injection (formulaGuard.ts).
 */
import { writeToString } from "fast-csv";
import { spreadsheetText } from "./formulaGuard.js";

export const BOM = "\ufeff";

export interface CsvOptions {
  bom: boolean;
}

export async function toCsv<T extends object>(rows: T[], columns: (keyof T & string)[], options: CsvOptions): Promise<string> {
  const body = await writeToString(
    rows.map((r) => columns.map((c) => cell(r[c]))),
    { headers: columns, writeHeaders: true, rowDelimiter: "\n", includeEndRowDelimiter: true, alwaysWriteHeaders: true },
  );
  return (options.bom ? BOM : "") + body;
}

function cell(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  return spreadsheetText(String(v));
}
