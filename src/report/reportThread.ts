/**
 * The report thread: renders report.html from a folder's files while the workbook thread writes
 * the workbook (output/officeFiles.ts). ECharts draws the charts (twice, zh and en, where they
 * have words), the longest part of writing a results folder; on two cores the two office files
 * take the time of one. An input sent ahead (`readAhead`) is parsed while the command solves.
 */
import { parentPort } from "node:worker_threads";
import type { ThreadReply } from "../threadClient.js";
import { renderReport } from "./report.js";
import { parseInput, type ReportKind, runContext } from "./runContext.js";

export interface ReportRequest {
  kind: ReportKind;
  files: Record<string, string>;
  runInfo?: Record<string, unknown>;
}

/** input.yaml of the folder to come; no reply (a failure shows when the report is drawn). */
export interface ReadAhead {
  readAhead: string;
}

parentPort!.on("message", (r: (ReportRequest | ReadAhead) & { id: number }) => {
  if ("readAhead" in r) {
    try {
      parseInput(r.readAhead);
    } catch {
      // the report's own parse meets the same text and reports the error
    }
    return;
  }
  let reply: ThreadReply;
  try {
    reply = { id: r.id, ok: true, value: renderReport(runContext(r.kind, r.files, r.runInfo)) };
  } catch (e) {
    reply = { id: r.id, ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
  parentPort!.postMessage(reply);
});
