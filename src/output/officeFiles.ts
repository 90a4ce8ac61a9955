/**
 * The office-ready files of a results folder — report.html (charts) and results.xlsx (one sheet
 * per CSV) — made from the folder's rendered CSVs. Each command calls this once, where it has
 * assembled its files.
 */
import type { ReportKind } from "../report/runContext.js";

export const REPORT_FILE = "report.html";
export const WORKBOOK_FILE = "results.xlsx";
export const OFFICE_FILES = [REPORT_FILE, WORKBOOK_FILE];

let charts: Promise<[typeof import("../report/report.js"), typeof import("../report/runContext.js")]> | null = null;
let workbook: Promise<typeof import("../workbook/workbook.js")> | null = null;
const loadCharts = () => (charts ??= Promise.all([import("../report/report.js"), import("../report/runContext.js")]));
const loadWorkbook = () => (workbook ??= import("../workbook/workbook.js"));

/**
 * The chart and workbook libraries (ECharts, exceljs) take about a second to load. A command calls
 * this before it solves, so they load while the main thread waits for the solver thread; otherwise
 * they load on first use. The workbook's only when the folder will have one.
 */
export function preloadOfficeRenderers(options: Pick<OfficeOptions, "xlsx"> = {}): void {
  // A failed load is reported where the files are made.
  loadCharts().catch(() => undefined);
  if (options.xlsx ?? true) loadWorkbook().catch(() => undefined);
}

export interface OfficeOptions {
  kind: ReportKind;
  /** results.xlsx (default true; `--no-xlsx` turns it off). */
  xlsx?: boolean;
  /** Extra run information for folders without run.json (compare). */
  runInfo?: Record<string, unknown>;
}

export async function withOfficeFiles(
  files: Record<string, string>,
  options: OfficeOptions,
): Promise<Record<string, string | Uint8Array>> {
  const [{ renderReport }, { runContext }] = await loadCharts();
  const ctx = runContext(options.kind, files, options.runInfo);
  const out: Record<string, string | Uint8Array> = { ...files, [REPORT_FILE]: renderReport(ctx) };
  if (options.xlsx ?? true) out[WORKBOOK_FILE] = await (await loadWorkbook()).renderWorkbook(ctx);
  return out;
}
