/**
 * Expands `{file: rel/path.csv}` and `{file: rel/path.xlsx, sheet: name}` entries in a layer's
 * record lists into one record per row, before layers are merged (so a table in a base can be
 * patched record by record in an overlay). Paths are relative to the YAML file that names them.
 */
import { dirname, resolve } from "node:path";
import { isTotalsLabel, TOTALS_ROW } from "./checkContext.js";
import { parseCsvRecords } from "./csvFile.js";
import type { FileReference, InputFiles } from "./inputFiles.js";
import { sheetRowZh } from "./inputPlace.js";
import { foldPaidColumns } from "./paidColumns.js";
import { displayFile } from "./problems.js";
import { parseXlsxRecords } from "./xlsxFile.js";
import { yearKey } from "./yamlFile.js";
import { isRecord, setOwn, type PathKey, type PositionTable, type SourcePos } from "./positions.js";
import type { ProblemLog, TableList } from "./problems.js";

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
  // The record that holds the list, by id (`programs[id=b].by_region`): an overlay's programs[0]
  // may be the merged document's programs[3].
  const owner = path.length > 0 && typeof container.id === "string" ? container.id : undefined;
  const expanded = expandList(value, { path: [...path, head], owner }, head, ctx);
  if (expanded !== value) container[head] = expanded;
}

function expandList(list: unknown[], at: TableList, listName: string, ctx: Ctx): unknown[] {
  if (!list.some((item) => isRecord(item) && "file" in item)) return list;
  const { path } = at;
  const out: unknown[] = [];
  // Expanding renumbers the list: a YAML record keeps the path it was written at; a table's row is
  // numbered as the layer's records once the table is read (a table alone: budgets[k] is its k-th
  // record), and in the YAML by its file entry.
  list.forEach((item, i) => {
    if (!(isRecord(item) && "file" in item)) {
      ctx.positions.copy(list, i, out, out.length);
      if (isRecord(item)) ctx.positions.setOrigins(item, new Map([[ctx.layerFile, [...path, i]]]));
      out.push(item);
      return;
    }
    const since = ctx.problems.count;
    for (const record of readEntry(item, [...path, i], listName, ctx)) {
      ctx.positions.set(out, out.length, record.at);
      ctx.positions.setOrigins(record.value, new Map([[record.at.file, [...path, out.length]], [ctx.layerFile, [...path, i]]]));
      out.push(record.value);
    }
    ctx.problems.leaveOutTable(at, since);
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
  const reference = { path: [...path, "file"], at: here("file"), written: entry.file };
  const read = workbook ? readWorkbookEntry(entry, tableFile, path, listName, ctx, here) : readCsvEntry(tableFile, listName, reference, ctx);
  if (read === null) return [];
  const { records, at } = read;
  const rows = listName === "budgets" && records.some((r) => "year" in r)
    ? budgetRowsByRegion(records, tableFile, path, ctx)
    : listName === "actuals" ? records.map((r) => foldPaidColumns(r, ctx.positions)) : records;
  return rows.map((value) => ({ value, at: { ...at, line: firstLine(value, ctx.positions) } }));
}

function readCsvEntry(csvFile: string, listName: string, reference: FileReference, ctx: Ctx): { records: Record<string, unknown>[]; at: SourcePos } | null {
  const text = ctx.files.read(csvFile, "csv", reference, ctx.roots);
  if (text === null) return null;
  const { records, errors, notes } = parseCsvRecords(csvFile, text, ctx.positions, listName);
  for (const n of notes) {
    const at = `${displayFile(csvFile)}${n.line === null ? "" : `:${n.line}`}`;
    ctx.files.notices.push({ en: `${at}: ${n.message.en}`, zh: `${at}：${n.message.zh}` });
  }
  for (const e of errors) {
    if (e.row) ctx.problems.addRow(reference.path, { file: csvFile, line: e.line }, e.message);
    else ctx.problems.add(reference.path, { file: csvFile, line: e.line }, e.message);
  }
  return { records, at: { file: csvFile, line: null } };
}

function readWorkbookEntry(
  entry: Record<string, unknown>,
  xlsxFile: string,
  path: PathKey[],
  listName: string,
  ctx: Ctx,
  here: (key: string) => SourcePos,
): { records: Record<string, unknown>[]; at: SourcePos } | null {
  if (entry.sheet !== undefined && (typeof entry.sheet !== "string" || entry.sheet.trim() === "")) {
    ctx.problems.add([...path, "sheet"], here("sheet"), "sheet: needs the name of a sheet in the workbook");
    return null;
  }
  const bytes = ctx.files.readBinary(xlsxFile, "xlsx", { path: [...path, "file"], at: here("file"), written: String(entry.file) }, ctx.roots);
  if (bytes === null) return null;
  const sheet = typeof entry.sheet === "string" ? entry.sheet.trim() : undefined;
  const result = parseXlsxRecords(xlsxFile, bytes, sheet, ctx.positions, listName);
  for (const e of result.errors) {
    // Whole-workbook problems (unreadable file, missing sheet) point at the YAML entry that names it.
    const key = sheet !== undefined && result.sheet === null ? "sheet" : "file";
    if (e.at === null) ctx.problems.add([...path, key], here(key), `${displayFile(xlsxFile)}: ${e.message}`);
    else if (e.row) ctx.problems.addRow([...path, "file"], { file: xlsxFile, ...e.at }, e.message); // that row only
    else ctx.problems.add([...path, "file"], { file: xlsxFile, ...e.at }, e.message);
  }
  if (result.sheet === null) return null;
  for (const n of result.notes) {
    const file = displayFile(xlsxFile);
    ctx.files.notices.push({
      en: `${file}, sheet ${n.at.sheet}${n.at.line === null ? "" : `, row ${n.at.line}`}: ${n.message.en}`,
      zh: `${file}，${sheetRowZh(String(n.at.sheet), n.at.line)}：${n.message.zh}`,
    });
  }
  return { records: result.records, at: { file: xlsxFile, line: null, sheet: result.sheet } };
}

/** `region,year,amount` rows become one `{region, by_year: {year: amount}}` record per region. */
function budgetRowsByRegion(rows: Record<string, unknown>[], csvFile: string, path: PathKey[], ctx: Ctx): Record<string, unknown>[] {
  const byRegion = new Map<string, Record<string, unknown>>();
  for (const row of rows) {
    const at = { ...(ctx.positions.get(row, Object.keys(row)[0] ?? "") ?? { file: csvFile, line: null }), column: undefined };
    // A CSV header was checked (csvColumns.ts); a workbook's is checked here, row by row.
    const extra = Object.keys(row).filter((k) => !["region", "year", "amount"].includes(k));
    const empty = ["region", "year", "amount"].filter((k) => !(k in row));
    if (extra.length > 0) {
      ctx.problems.addRow([...path, "file"], at, `a budgets table with a year column has exactly region, year, amount (this row also has ${extra.join(", ")})`);
      continue;
    }
    if (isTotalsLabel(row.region)) {
      ctx.problems.addRow([...path, "file"], at, `"${String(row.region).trim()}" is not a region; ${TOTALS_ROW} leave it out: the plan adds the budgets up itself`);
      continue;
    }
    if (empty.length > 0) {
      // "gz，2021，3000万" (full-width commas, typed with a Chinese input method) is one cell.
      const fullWidth = Object.values(row).some((v) => typeof v === "string" && v.includes("，"));
      const hint = fullWidth ? `; it separates its cells with the full-width comma "，": use "," (an ASCII comma)` : "";
      ctx.problems.addRow([...path, "file"], at, `this row has no ${empty.join(", ")}: a budgets row with a year needs region, year and amount${hint}`);
      continue;
    }
    const region = String(row.region);
    const year = yearKey(String(row.year));
    let record = byRegion.get(region);
    if (!record) {
      record = { region: row.region, by_year: {} };
      ctx.positions.copy(row, "region", record, "region");
      ctx.positions.copy(row, "year", record, "by_year");
      byRegion.set(region, record);
    }
    const byYear = record.by_year as Record<string, unknown>;
    if (year in byYear) {
      ctx.problems.addRow([...path, "file"], at, `budget for region "${region}" in ${year} is given twice in this CSV`);
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
