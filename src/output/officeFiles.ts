/**
 * The office-ready files of a results folder — report.html (charts) and results.xlsx (one sheet
 * per CSV) — made from the folder's rendered CSVs. Each command calls this once, where it has
 * assembled its files. The report is drawn on the report thread while this thread writes the
 * workbook, so the two take the time of the longer one.
 */
import type { ReportKind } from "../report/runContext.js";
import type { ReadAhead, ReportRequest } from "../report/reportThread.js";
import { ThreadClient } from "../threadClient.js";
import { renderInput } from "./planFiles.js";

export const REPORT_FILE = "report.html";
export const WORKBOOK_FILE = "results.xlsx";
export const OFFICE_FILES = [REPORT_FILE, WORKBOOK_FILE];

const reportThread = new ThreadClient<ReportRequest | ReadAhead>("report/reportThread", "report thread");
let workbook: Promise<[typeof import("../workbook/workbook.js"), typeof import("../report/runContext.js")]> | null = null;
const loadWorkbook = () => (workbook ??= Promise.all([import("../workbook/workbook.js"), import("../report/runContext.js")]));

/**
 * The chart and workbook libraries (ECharts, exceljs) take about a second to load. A command calls
 * this before it solves, so they load while it waits for the solver thread; otherwise they load on
 * first use. The workbook's only when the folder will have one.
 */
export function preloadOfficeRenderers(options: Pick<OfficeOptions, "xlsx"> = {}): void {
  reportThread.start();
  // A failed load is reported where the files are made.
  if (options.xlsx ?? true) loadWorkbook().catch(() => undefined);
}

/**
 * input.yaml depends only on the inputs, so it is rendered while the solver thread works — a turn
 * of the event loop after the caller started solving, once the solver has its model — and the
 * report thread parses it then too. Resolves to the text for the folder.
 */
export async function renderInputAhead(merged: unknown): Promise<string> {
  await new Promise((resolve) => setImmediate(resolve));
  const text = renderInput(merged);
  reportThread.send({ readAhead: text });
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
  const report = reportThread.call({ kind: options.kind, files, runInfo: options.runInfo }) as Promise<string>;
  report.catch(() => undefined); // awaited below; a failure must not count as unhandled meanwhile
  let xlsx: Uint8Array | null = null;
  if (options.xlsx ?? true) {
    const [{ renderWorkbook }, { runContext }] = await loadWorkbook();
    xlsx = await renderWorkbook(runContext(options.kind, files, options.runInfo));
  }
  return { ...files, [REPORT_FILE]: await report, ...(xlsx ? { [WORKBOOK_FILE]: xlsx } : {}) };
}
