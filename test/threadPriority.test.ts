/** Office threads run behind the solver: only the calling thread's priority drops. */
import { readFileSync } from "node:fs";
import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { BACKGROUND_NICE, taskId } from "../src/threadPriority.js";

/** Nice value of a task of this process (field 19 of /proc/<pid>/task/<tid>/stat). */
function niceOf(tid: number): number {
  const stat = readFileSync(`/proc/${process.pid}/task/${tid}/stat`, "utf8");
  return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16]);
}

describe.runIf(process.platform === "linux")("runInBackground", () => {
  it("lowers the calling thread's priority and leaves the main thread's alone", async () => {
    const main = taskId()!;
    const before = niceOf(main);
    // The worker loads the TypeScript module as threadEntry.mjs does: tsx first.
    const source = `
      const { parentPort } = require("node:worker_threads");
      import("tsx/esm/api").then(({ register }) => {
        register();
        return import(${JSON.stringify(new URL("../src/threadPriority.ts", import.meta.url).href)});
      }).then((m) => {
        m.runInBackground();
        parentPort.postMessage(m.taskId());
      });`;
    const worker = new Worker(source, { eval: true });
    try {
      const tid = await new Promise<number>((resolve, reject) => worker.once("message", resolve).once("error", reject));
      expect(tid).not.toBe(main);
      expect(niceOf(tid)).toBe(Math.max(before, BACKGROUND_NICE));
      expect(niceOf(main)).toBe(before);
    } finally {
      await worker.terminate();
    }
  }, 30_000);
});
