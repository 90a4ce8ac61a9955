/**
 * The office-ready files of a results folder — report.html (charts) and results.xlsx (one sheet
 * per CSV) — made from the folder's rendered CSVs. Each command calls this once, where it has
 * assembled its files. The report is drawn on the report thread, started before the solve so that
 * ECharts loads meanwhile; the workbook is written here, on the main thread, at the same time: by
 * then the solve is over, and a thread of its own cost more (its start-up, and exceljs loading
 * beside the solve on two cores) than it saved (docs/design.md, "report.html and results.xlsx are
 * made from the rendered CSVs").
 */
import { type FolderRequest, knownInput, type ReportKind, runContext } from "../report/runContext.js";
import type { ReadAhead } from "../report/reportThread.js";
import { ThreadClient } from "../threadClient.js";
import { renderInput } from "./planFiles.js";

export const REPORT_FILE = "report.html";
export const WORKBOOK_FILE = "results.xlsx";
export const OFFICE_FILES = [REPORT_FILE, WORKBOOK_FILE];

const reportThread = new ThreadClient<FolderRequest | ReadAhead>("report/reportThread", "report thread");

/**
 * ECharts and the report's code take a few tenths of a second to load. A command calls this before
 * it solves, so the report thread loads them while it waits for the solver thread; otherwise they
 * load on first use.
 */
export function preloadReportRenderer(): void {
  reportThread.start();
}

/**
 * input.yaml depends only on the inputs, so it is rendered while the solver thread works — a turn
 * of the event loop after the caller started solving, once the solver has its model — and handed
 * to the report thread with the value it was rendered from, and to this thread's workbook, which
 * reads it for the targets that count whole units (a province's input.yaml took ~0.2 s to parse
 * back). Resolves to the text for the folder.
 */
export async function renderInputAhead(merged: Record<string, unknown>): Promise<string> {
  await new Promise((resolve) => setImmediate(resolve));
  const text = renderInput(merged);
  knownInput(text, structuredClone(merged));
  reportThread.send({ readAhead: { text, value: merged } });
  return text;
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
  const request = { kind: options.kind, files, runInfo: options.runInfo };
  const report = reportThread.call(request) as Promise<string>;
  const xlsx = (options.xlsx ?? true) ? writeWorkbook(request) : null;
  // Both are awaited together: a failure of one must not count as unhandled while the other runs.
  const [html, workbook] = await Promise.all([report, xlsx]);
  return { ...files, [REPORT_FILE]: html, ...(workbook ? { [WORKBOOK_FILE]: workbook } : {}) };
}

/** results.xlsx on this thread; exceljs loads on first use, so commands without a workbook never load it. */
async function writeWorkbook(request: FolderRequest): Promise<Uint8Array> {
  const { renderWorkbook } = await import("../workbook/workbook.js");
  return renderWorkbook(runContext(request.kind, request.files, request.runInfo));
}
