/**
 * The workbook thread: writes results.xlsx from a folder's files while the report thread draws
 * report.html (output/officeFiles.ts). Off the main thread because loading exceljs blocks for a
 * third of a second, which, done while the solver thread solves, held up every reply the solver
 * sent (the main thread answers between stages); here it loads beside the solve instead.
 */
import { parentPort } from "node:worker_threads";
import type { ThreadReply } from "../threadClient.js";
import { type ReportKind, runContext } from "../report/runContext.js";
import { renderWorkbook } from "./workbook.js";

export interface WorkbookRequest {
  kind: ReportKind;
  files: Record<string, string>;
  runInfo?: Record<string, unknown>;
}

parentPort!.on("message", async (r: WorkbookRequest & { id: number }) => {
  let reply: ThreadReply;
  try {
    reply = { id: r.id, ok: true, value: await renderWorkbook(runContext(r.kind, r.files, r.runInfo)) };
  } catch (e) {
    reply = { id: r.id, ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
  parentPort!.postMessage(reply);
});
