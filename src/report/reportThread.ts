/**
 * The report thread: renders report.html from a folder's files while the workbook thread writes
 * the workbook (output/officeFiles.ts). ECharts draws the charts (twice, zh and en, where they
 * have words), the longest part of writing a results folder; on two cores the two office files
 * take the time of one. An input sent ahead (`readAhead`) is parsed while the command solves.
 */
import { parentPort } from "node:worker_threads";
import { replyTo } from "../threadClient.js";
import { renderReport } from "./report.js";
import { type FolderRequest, parseInput, runContext } from "./runContext.js";

/** input.yaml of the folder to come; no reply (a failure shows when the report is drawn). */
export interface ReadAhead {
  readAhead: string;
}

parentPort!.on("message", (r: (FolderRequest | ReadAhead) & { id: number }) => {
  if ("readAhead" in r) {
    try {
      parseInput(r.readAhead);
    } catch {
      // the report's own parse meets the same text and reports the error
    }
    return;
  }
  void replyTo(parentPort!, r.id, () => renderReport(runContext(r.kind, r.files, r.runInfo)));
});
