/**
 * The report thread: renders report.html from a folder's files while the workbook thread writes
 * the workbook (output/officeFiles.ts). ECharts draws the charts (twice, zh and en, where
 * they have words), the longest part of writing a results folder; on two cores the two office files take the time of one.
 */
import { parentPort } from "node:worker_threads";
import type { ThreadReply } from "../threadClient.js";
import { renderReport } from "./report.js";
import { type ReportKind, runContext } from "./runContext.js";

export interface ReportRequest {
  kind: ReportKind;
  files: Record<string, string>;
  runInfo?: Record<string, unknown>;
}

parentPort!.on("message", (r: ReportRequest & { id: number }) => {
  let reply: ThreadReply;
  try {
    reply = { id: r.id, ok: true, value: renderReport(runContext(r.kind, r.files, r.runInfo)) };
  } catch (e) {
    reply = { id: r.id, ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
  parentPort!.postMessage(reply);
});
