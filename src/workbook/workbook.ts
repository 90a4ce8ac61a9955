/**
 * results.xlsx: a summary sheet, for a plan the starts by region and year (开工计划), then one sheet per CSV of the results folder (in the order a
 * reader checks them). Built with exceljs from the rendered CSVs, so every cell equals its CSV
 * value (codes in words, and a number as its kind holds it: cellFormats.ts heldNumber); timestamps
 * are fixed so the same inputs give a byte-identical file.
 */
import type ExcelJS from "exceljs";
// The Workbook class alone, bundled (a chunk loaded when a workbook is due): exceljs's entry point also loads its
// streaming reader and writer (unzip, SAX), which a written workbook never uses.
import Workbook from "exceljs/lib/doc/workbook.js";
import { fileLabel } from "../format/labels.js";
import type { Cell, ResultTable } from "../output/resultTables.js";
import { keyFigures } from "../report/keyFigures.js";
import { mcDraws, runWarnings, type RunContext, scenarioTitle, targetCountsWholeUnits } from "../report/runContext.js";
import { startsByRegion } from "../report/startsByRegion.js";
import { fillStartsSheet, STARTS_SHEET } from "./startsSheet.js";
import { fillSummarySheet, type SheetEntry } from "./summarySheet.js";
import { shownText } from "./shownText.js";
import { fillTableSheet } from "./tableSheet.js";
import { FIXED_DATE, withFixedZipDates } from "./zipDates.js";

export const SUMMARY_SHEET = "概要";

/** Outcomes first, then the plan, money and limits, then Monte Carlo and the rest by name. */
const ORDER = [
  "targets.csv", "stress_summary.csv", "stress_funding.csv", "stress_starts.csv", "stress.csv", "frontier.csv", "min_budget.csv", "min_budget_funding.csv", "min_budget_binding.csv",
  "compare.csv", "plan.csv", "funding.csv", "budgets.csv", "capacity.csv", "shadow_prices.csv", "mc_summary.csv", "sensitivity.csv",
  "draws.csv", "diagnostics.csv",
];

export function sheetOrder(files: string[]): string[] {
  const rank = (f: string) => (ORDER.includes(f) ? ORDER.indexOf(f) : ORDER.length);
  return [...files].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** Sheet name per CSV file: its Chinese title (unique, ≤ 31 characters). */
export function sheetNames(files: string[]): Map<string, string> {
  const out = new Map<string, string>();
  const used = new Set<string>([SUMMARY_SHEET, STARTS_SHEET]);
  for (const file of files) {
    let name = fileLabel(file).zh.replace(/[[\]:*?/\\]/g, "-").slice(0, 31);
    for (let i = 2; used.has(name); i++) name = `${name.slice(0, 28)}-${i}`;
    used.add(name);
    out.set(file, name);
  }
  return out;
}

export async function renderWorkbook(ctx: RunContext): Promise<Uint8Array> {
  const wb = new Workbook();
  wb.creator = "renewsim";
  wb.lastModifiedBy = "renewsim";
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  const tables: ResultTable[] = sheetOrder([...ctx.tables.keys()]).map((f) => ctx.tables.get(f)!);
  const names = sheetNames(tables.map((t) => t.file));
  const summary = wb.addWorksheet(SUMMARY_SHEET);
  const entries: SheetEntry[] = tables.map((t) => ({ sheet: names.get(t.file)!, file: t.file, rows: t.rows.length }));
  fillSummarySheet(summary, `renewsim：${scenarioTitle(ctx)}`, keyFigures(ctx), entries, runWarnings(ctx).map((w) => w.zh));
  const reading = { shown: shownText(ctx), wholeUnits: (target: Record<string, Cell>) => targetCountsWholeUnits(ctx, target), draws: mcDraws(ctx) };
  // What starts where and when, read as a table, before plan.csv's one row per year, region and programme.
  const starts = startsByRegion(ctx);
  if (starts) fillStartsSheet(wb.addWorksheet(STARTS_SHEET), starts);
  for (const t of tables) fillTableSheet(wb.addWorksheet(names.get(t.file)!), t, reading);
  // Deflate level 1: the file is ~30 % larger than at JSZip's default 6, and its zip ~0.1 s faster.
  const options = { zip: { compressionOptions: { level: 1 } } } as ExcelJS.XlsxWriteOptions;
  const buffer = await withFixedZipDates(() => wb.xlsx.writeBuffer(options));
  return new Uint8Array(buffer as ArrayBuffer);
}
