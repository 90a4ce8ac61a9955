/**
 * Expands `{file: rel/path.csv}` entries in a layer's record lists into one record per CSV row,
 * before layers are merged (so a CSV in a base can be patched record by record in an overlay).
 * Paths are relative to the YAML file that names them.
 */
import { dirname, resolve } from "node:path";
import { parseCsvRecords } from "./csvFile.js";
import type { InputFiles } from "./inputFiles.js";
import { isRecord, setOwn, type PathKey, type PositionTable, type SourcePos } from "./positions.js";
import type { ProblemLog } from "./problems.js";

/** Record lists that may hold file entries; "*" stands for every element of a list. */
const FILE_LISTS: readonly (readonly string[])[] = [
  ["regions"],
  ["programs", "*", "by_region"],
  ["sources", "*", "budgets"],
  ["capacity"],
  ["targets"],
  ["actuals"],
];

/** What expanding a layer's file entries needs: where to log, and how (and from where) to read. */
export interface ExpandContext {
  positions: PositionTable;
  problems: ProblemLog;
  files: InputFiles;
  /** The trusted folders of the chain this layer belongs to. */
  roots: string[];
}

interface Ctx extends ExpandContext {
  layerFile: string;
}

export function expandFileEntries(layer: Record<string, unknown>, layerFile: string, context: ExpandContext): void {
  const ctx: Ctx = { ...context, layerFile };
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
  const expanded = expandList(value, [...path, head], head, ctx);
  if (expanded !== value) container[head] = expanded;
}

function expandList(list: unknown[], path: PathKey[], listName: string, ctx: Ctx): unknown[] {
  if (!list.some((item) => isRecord(item) && "file" in item)) return list;
  const out: unknown[] = [];
  list.forEach((item, i) => {
    if (!(isRecord(item) && "file" in item)) {
      ctx.positions.copy(list, i, out, out.length);
      out.push(item);
      return;
    }
    for (const record of readEntry(item, [...path, i], listName, ctx)) {
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

function readEntry(entry: Record<string, unknown>, path: PathKey[], listName: string, ctx: Ctx): PositionedRecord[] {
  const here = (key: string): SourcePos => ctx.positions.get(entry, key) ?? { file: ctx.layerFile, line: null };
  for (const key of Object.keys(entry)) {
    if (key !== "file") ctx.problems.add([...path, key], here(key), `a file entry takes only "file:", not "${key}:"`);
  }
  if (typeof entry.file !== "string" || entry.file.trim() === "") {
    ctx.problems.add([...path, "file"], here("file"), "file: needs the path of a CSV file");
    return [];
  }
  const csvFile = resolve(dirname(ctx.layerFile), entry.file);
  const text = ctx.files.read(csvFile, "csv", { path: [...path, "file"], at: here("file"), written: entry.file }, ctx.roots);
  if (text === null) return [];
  const { records, errors } = parseCsvRecords(csvFile, text, ctx.positions, listName);
  for (const e of errors) ctx.problems.add([...path, "file"], { file: csvFile, line: e.line }, e.message);
  const rows = listName === "budgets" && records.some((r) => "year" in r) ? budgetRowsByRegion(records, csvFile, path, ctx) : records;
  return rows.map((value) => ({ value, at: { file: csvFile, line: firstLine(value, ctx.positions) } }));
}

/**
 * `region,year,amount` rows become one `{region, by_year: {year: amount}}` record per region (the
 * header was checked, so only a row with an empty cell lacks a column).
 */
function budgetRowsByRegion(rows: Record<string, unknown>[], csvFile: string, path: PathKey[], ctx: Ctx): Record<string, unknown>[] {
  const byRegion = new Map<string, Record<string, unknown>>();
  for (const row of rows) {
    const at = { file: csvFile, line: firstLine(row, ctx.positions) };
    const empty = ["region", "year", "amount"].filter((k) => !(k in row));
    if (empty.length > 0) {
      ctx.problems.add([...path, "file"], at, `this row has no ${empty.join(", ")}: a budgets row with a year needs region, year and amount`);
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
