/**
 * The office-ready files of a results folder — report.html (charts) and results.xlsx (one sheet
 * per CSV) — made from the folder's rendered CSVs. Each command calls this once, where it has
 * assembled its files.
 */
import type { ReportKind } from "../report/runContext.js";

export const REPORT_FILE = "report.html";
export const WORKBOOK_FILE = "results.xlsx";
export const OFFICE_FILES = [REPORT_FILE, WORKBOOK_FILE];

type Renderers = [typeof import("../report/report.js"), typeof import("../report/runContext.js"), typeof import("../workbook/workbook.js")];
let renderers: Promise<Renderers> | null = null;

/**
 * The chart and workbook libraries (ECharts, exceljs) take about a second to load. A command calls
 * this before it solves, so they load while the main thread waits for the solver thread; otherwise
 * they load on first use.
 */
export function preloadOfficeRenderers(): void {
  officeRenderers().catch(() => undefined); // a failed load is reported where the files are made
}

function officeRenderers(): Promise<Renderers> {
  renderers ??= Promise.all([import("../report/report.js"), import("../report/runContext.js"), import("../workbook/workbook.js")]);
  return renderers;
}

export interface OfficeOptions {
  kind: ReportKind;
  /** results.xlsx (default true; `--no-xlsx` turns it off). */
  xlsx?: boolean;
  /** min-budget folders get the workbook only. */
  report?: boolean;
  /** Extra run information for folders without run.json (compare). */
  runInfo?: Record<string, unknown>;
}

export async function withOfficeFiles(
  files: Record<string, string>,
  options: OfficeOptions,
): Promise<Record<string, string | Uint8Array>> {
  const [{ renderReport }, { runContext }, { renderWorkbook }] = await officeRenderers();
  const ctx = runContext(options.kind, files, options.runInfo);
  const out: Record<string, string | Uint8Array> = { ...files };
  if (options.report ?? true) out[REPORT_FILE] = renderReport(ctx);
  if (options.xlsx ?? true) out[WORKBOOK_FILE] = await renderWorkbook(ctx);
  return out;
}
