/**
 * The office-ready files of a results folder — report.html (charts) and results.xlsx (one sheet
 * per CSV) — made from the folder's rendered CSVs. Each command calls this once, where it has
 * assembled its files.
 */
import { REPORT_FILE, renderReport } from "../report/report.js";
import { type ReportKind, runContext } from "../report/runContext.js";
import { renderWorkbook, WORKBOOK_FILE } from "../workbook/workbook.js";

export { REPORT_FILE, WORKBOOK_FILE };
export const OFFICE_FILES = [REPORT_FILE, WORKBOOK_FILE];

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
  const ctx = runContext(options.kind, files, options.runInfo);
  const out: Record<string, string | Uint8Array> = { ...files };
  if (options.report ?? true) out[REPORT_FILE] = renderReport(ctx);
  if (options.xlsx ?? true) out[WORKBOOK_FILE] = await renderWorkbook(ctx);
  return out;
}
