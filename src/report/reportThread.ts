/**
 * The report thread: renders report.html from a folder's files while the main thread writes the
 * workbook (output/officeFiles.ts). ECharts draws the charts (twice, zh and en, where they have
 * words), the longest part of writing a results folder; on two cores the two office files take
 * little more than the time of one. The input is sent ahead (`readAhead`), while the command solves.
 */
import { parentPort } from "node:worker_threads";
import { replyTo } from "../threadClient.js";
import { runInBackground } from "../threadPriority.js";
import { renderReport } from "./report.js";
import { type FolderRequest, knownInput, runContext } from "./runContext.js";

runInBackground();

/** input.yaml of the folder to come and the value it was rendered from; no reply. */
export interface ReadAhead {
  readAhead: { text: string; value: Record<string, unknown> };
}

parentPort!.on("message", (r: (FolderRequest | ReadAhead) & { id: number }) => {
  if ("readAhead" in r) return knownInput(r.readAhead.text, r.readAhead.value);
  void replyTo(parentPort!, r.id, () => renderReport(runContext(r.kind, r.files, r.runInfo)));
});
