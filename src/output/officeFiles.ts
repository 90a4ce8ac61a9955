/**
 * The office-ready files of a results folder — report.html (charts) and results.xlsx (one sheet
 * per CSV) — made from the folder's rendered CSVs. Each command calls this once, where it has
 * assembled its files. The report is drawn on the report thread and the workbook written on the
 * workbook thread, side by side, so the two take the time of the longer one and this thread stays
 * free for the solver thread's replies while their libraries load.
 */
import type { FolderRequest, ReportKind } from "../report/runContext.js";
import type { ReadAhead } from "../report/reportThread.js";
import { ThreadClient } from "../threadClient.js";
import { renderInput } from "./planFiles.js";

export const REPORT_FILE = "report.html";
export const WORKBOOK_FILE = "results.xlsx";
export const OFFICE_FILES = [REPORT_FILE, WORKBOOK_FILE];

const reportThread = new ThreadClient<FolderRequest | ReadAhead>("report/reportThread", "report thread");
const workbookThread = new ThreadClient<FolderRequest>("workbook/workbookThread", "workbook thread");

/**
 * The chart and workbook libraries (ECharts, exceljs) take about a second to load. A command calls
 * this before it solves, so their threads load them while it waits for the solver thread;
 * otherwise they load on first use. The workbook's only when the folder will have one.
 */
export function preloadOfficeRenderers(options: Pick<OfficeOptions, "xlsx"> = {}): void {
  reportThread.start();
  if (options.xlsx ?? true) workbookThread.start();
}

/**
 * input.yaml depends only on the inputs, so it is rendered while the solver thread works — a turn
 * of the event loop after the caller started solving, once the solver has its model — and handed
 * to the report thread with the value it was rendered from. Resolves to the text for the folder.
 */
export async function renderInputAhead(merged: Record<string, unknown>): Promise<string> {
  await new Promise((resolve) => setImmediate(resolve));
  const text = renderInput(merged);
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
  const xlsx = (options.xlsx ?? true) ? (workbookThread.call(request) as Promise<Uint8Array>) : null;
  // Both are awaited together: a failure of one must not count as unhandled while the other runs.
  const [html, workbook] = await Promise.all([report, xlsx]);
  return { ...files, [REPORT_FILE]: html, ...(workbook ? { [WORKBOOK_FILE]: workbook } : {}) };
}
