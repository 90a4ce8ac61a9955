/**
 * Expands `{file: rel/path.csv}` and `{file: rel/path.xlsx, sheet: name}` entries in a layer's
 * record lists into one record per row, before layers are merged (so a table in a base can be
 * patched record by record in an overlay). Paths are relative to the YAML file that names them.
 */
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parseCsvRecords } from "./csvFile.js";
import { foldPaidColumns } from "./paidColumns.js";
import { displayFile } from "./problems.js";
import { parseXlsxRecords } from "./xlsxFile.js";
import { isRecord, setOwn, type PathKey, type PositionTable, type SourcePos } from "./positions.js";
import type { ProblemLog } from "./problems.js";
import { readText } from "./yamlFile.js";

/** Record lists that may hold file entries; "*" stands for every element of a list. */
const FILE_LISTS: readonly (readonly string[])[] = [
  ["regions"],
  ["programs", "*", "by_region"],
  ["sources", "*", "budgets"],
  ["capacity"],
  ["targets"],
  ["actuals"],
];

interface Ctx {
  layerFile: string;
  positions: PositionTable;
  problems: ProblemLog;
}

export function expandFileEntries(
  layer: Record<string, unknown>,
  layerFile: string,
  positions: PositionTable,
  problems: ProblemLog,
): void {
  const ctx: Ctx = { layerFile, positions, problems };
  for (const pattern of FILE_LISTS) visit(layer, pattern, [], ctx);
}

function visit(container: unknown, pattern: readonly string[], path: PathKey[], ctx: Ctx): void {
  const [head, ...rest] = pattern;
  if (head === "*") {
    if (Array.isArray(container)) container.forEach((item, i) => visit(item, rest, [...path, i], ctx));
    return;
  }
  if (!isRecord(container)) return;
  const value = container[head];
  if (rest.length > 0) return visit(value, rest, [...path, head], ctx);
  if (!Array.isArray(value)) return;
  const expanded = expandList(value, [...path, head], head === "budgets", ctx);
  if (expanded !== value) container[head] = expanded;
}

function expandList(list: unknown[], path: PathKey[], budgets: boolean, ctx: Ctx): unknown[] {
  if (!list.some((item) => isRecord(item) && "file" in item)) return list;
  const out: unknown[] = [];
  list.forEach((item, i) => {
    if (!(isRecord(item) && "file" in item)) {
      ctx.positions.copy(list, i, out, out.length);
      out.push(item);
      return;
    }
    for (const record of readEntry(item, [...path, i], budgets, ctx)) {
      ctx.positions.set(out, out.length, record.at);
      out.push(record.value);
    }
  });
  return out;
}

interface PositionedRecord {
  value: Record<string, unknown>;
  /** The CSV row the record came from (its first row, for budgets grouped by region). */
  at: SourcePos;
}

function readEntry(entry: Record<string, unknown>, path: PathKey[], budgets: boolean, ctx: Ctx): PositionedRecord[] {
  const here = (key: string): SourcePos => ctx.positions.get(entry, key) ?? { file: ctx.layerFile, line: null };
  const workbook = typeof entry.file === "string" && /\.xlsx$/i.test(entry.file.trim());
  for (const key of Object.keys(entry)) {
    if (key === "file" || (key === "sheet" && workbook)) continue;
    const takes = workbook ? `"file:" and "sheet:"` : `only "file:"${key === "sheet" ? ` ("sheet:" is for .xlsx files)` : ""}`;
    ctx.problems.add([...path, key], here(key), `a file entry takes ${takes}, not "${key}:"`);
  }
  if (typeof entry.file !== "string" || entry.file.trim() === "") {
    ctx.problems.add([...path, "file"], here("file"), "file: needs the path of a CSV or .xlsx file");
    return [];
  }
  const tableFile = resolve(dirname(ctx.layerFile), entry.file);
  const read = workbook ? readWorkbookEntry(entry, tableFile, path, ctx, here) : readCsvEntry(entry.file, tableFile, path, ctx, here("file"));
  if (read === null) return [];
  const { records, at } = read;
  const list = path[path.length - 2];
  const rows = budgets && records.some((r) => "year" in r)
    ? budgetRowsByRegion(records, tableFile, path, ctx)
    : list === "actuals" ? records.map((r) => foldPaidColumns(r, ctx.positions)) : records;
  return rows.map((value) => ({ value, at: { ...at, line: firstLine(value, ctx.positions) } }));
}

function readCsvEntry(name: string, csvFile: string, path: PathKey[], ctx: Ctx, at: SourcePos): { records: Record<string, unknown>[]; at: SourcePos } | null {
  const text = readText(csvFile);
  if (text === null) {
    ctx.problems.add([...path, "file"], at, `cannot read CSV file ${name} (looked for ${csvFile})`);
    return null;
  }
  const { records, errors } = parseCsvRecords(csvFile, text, ctx.positions);
  for (const e of errors) ctx.problems.add([...path, "file"], { file: csvFile, line: e.line }, e.message);
  return { records, at: { file: csvFile, line: null } };
}

function readWorkbookEntry(
  entry: Record<string, unknown>,
  xlsxFile: string,
  path: PathKey[],
  ctx: Ctx,
  here: (key: string) => SourcePos,
): { records: Record<string, unknown>[]; at: SourcePos } | null {
  if (entry.sheet !== undefined && (typeof entry.sheet !== "string" || entry.sheet.trim() === "")) {
    ctx.problems.add([...path, "sheet"], here("sheet"), "sheet: needs the name of a sheet in the workbook");
    return null;
  }
  const bytes = readBytes(xlsxFile);
  if (bytes === null) {
    ctx.problems.add([...path, "file"], here("file"), `cannot read workbook ${String(entry.file)} (looked for ${xlsxFile})`);
    return null;
  }
  const sheet = typeof entry.sheet === "string" ? entry.sheet.trim() : undefined;
  const result = parseXlsxRecords(xlsxFile, bytes, sheet, ctx.positions);
  for (const e of result.errors) {
    // Whole-workbook problems (unreadable file, missing sheet) point at the YAML entry that names it.
    const key = sheet !== undefined && result.sheet === null ? "sheet" : "file";
    if (e.at === null) ctx.problems.add([...path, key], here(key), `${displayFile(xlsxFile)}: ${e.message}`);
    else ctx.problems.add([...path, "file"], { file: xlsxFile, ...e.at }, e.message);
  }
  if (result.sheet === null) return null;
  return { records: result.records, at: { file: xlsxFile, line: null, sheet: result.sheet } };
}

function readBytes(file: string): Uint8Array | null {
  try {
    return readFileSync(file);
  } catch {
    return null;
  }
}

/** `region,year,amount` rows become one `{region, by_year: {year: amount}}` record per region. */
function budgetRowsByRegion(rows: Record<string, unknown>[], csvFile: string, path: PathKey[], ctx: Ctx): Record<string, unknown>[] {
  const byRegion = new Map<string, Record<string, unknown>>();
  for (const row of rows) {
    const at = { ...(ctx.positions.get(row, Object.keys(row)[0] ?? "") ?? { file: csvFile, line: null }), column: undefined };
    const extra = Object.keys(row).filter((k) => !["region", "year", "amount"].includes(k));
    if (extra.length > 0 || !("region" in row) || !("year" in row) || !("amount" in row)) {
      const got = Object.keys(row).join(", ");
      ctx.problems.add([...path, "file"], at, `a budget CSV with a year column needs exactly region, year, amount (this row has ${got})`);
      continue;
    }
    const region = String(row.region);
    const year = String(row.year);
    let record = byRegion.get(region);
    if (!record) {
      record = { region: row.region, by_year: {} };
      ctx.positions.copy(row, "region", record, "region");
      ctx.positions.copy(row, "year", record, "by_year");
      byRegion.set(region, record);
    }
    const byYear = record.by_year as Record<string, unknown>;
    if (year in byYear) {
      ctx.problems.add([...path, "file"], at, `budget for region "${region}" in ${year} is given twice in this CSV`);
      continue;
    }
    setOwn(byYear, year, row.amount);
    ctx.positions.copy(row, "amount", byYear, year);
  }
  return [...byRegion.values()];
}

function firstLine(record: Record<string, unknown>, positions: PositionTable): number | null {
  const first = Object.keys(record)[0];
  return first === undefined ? null : (positions.get(record, first)?.line ?? null);
}
