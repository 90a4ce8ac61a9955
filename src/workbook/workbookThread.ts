/**
 * The workbook thread: writes results.xlsx from a folder's files while the report thread draws
 * report.html (output/officeFiles.ts). Off the main thread because loading exceljs blocks for a
 * third of a second, which, done while the solver thread solves, held up every reply the solver
 * sent (the main thread answers between stages); here it loads beside the solve instead.
 */
import { parentPort } from "node:worker_threads";
import { replyTo } from "../threadClient.js";
import { runInBackground } from "../threadPriority.js";
import { type FolderRequest, runContext } from "../report/runContext.js";
import { renderWorkbook } from "./workbook.js";

runInBackground();

parentPort!.on("message", (r: FolderRequest & { id: number }) => {
  void replyTo(parentPort!, r.id, () => renderWorkbook(runContext(r.kind, r.files, r.runInfo)));
});
