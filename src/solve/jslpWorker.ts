/**
 * Runs javascript-lp-solver in a worker thread so that a solve can be abandoned. jslp's dense-tableau
 * simplex can cycle for ever on degenerate models (seen on a 48-column allocation LP) and has no
 * iteration or time limit for LPs, and a synchronous hang would freeze the whole engine. One worker is
 * kept per process and reused; a timed-out or crashed worker is terminated and replaced.
 * The worker is plain CommonJS evaluated from a string, so it needs no TypeScript loader.
 * A solve's time limit starts once the worker has loaded the library: it bounds the solve (a cycling
 * simplex), not the thread's start, which on a loaded machine — with the report and workbook
 * threads loading beside it — took longer than `auto`'s 0.5 s and sent tiny models to HiGHS, so
 * the same input gave another tied optimum depending on the machine's load.
 */
import { Worker } from "node:worker_threads";
import { createRequire } from "node:module";

const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const lib = require(workerData.path);
const solver = lib.default ?? lib;
parentPort.postMessage({ ready: true });
// jslp rounds its answer to its precision, which breaks 0-rhs balance rows by ~precision x cost; read
// the unrounded basic values from the final tableau instead (same loop as its generateSolutionSet).
function unrounded(solution) {
  const t = solution._tableau;
  if (!t || !t.matrix || !t.varIndexByRow || !t.variablesPerIndex) return null;
  const values = {};
  for (let r = 1; r < t.height; r++) {
    const v = t.variablesPerIndex[t.varIndexByRow[r]];
    if (v !== undefined && v.isSlack !== true) values[v.id] = t.matrix[r * t.width + t.rhsColumn];
  }
  return values;
}
parentPort.on("message", ({ model, precision }) => {
  try {
    const solution = solver.Solve(model, precision, true);
    const values = unrounded(solution) ?? solution.solutionSet ?? {};
    parentPort.postMessage({ ok: true, out: { feasible: solution.feasible, bounded: solution.bounded, values } });
  } catch (e) {
    parentPort.postMessage({ ok: false, error: String((e && e.message) || e) });
  }
});`;

export interface JslpOutput {
  feasible: boolean;
  bounded: boolean;
  /** Values of the basic columns, by jslp column id (absent = 0). */
  values: Record<string, number>;
}

export type WorkerOutcome =
  | { kind: "solved"; out: JslpOutput }
  | { kind: "threw"; error: string }
  | { kind: "timeout" };

interface Spawned {
  thread: Worker;
  /** Settles once the worker has loaded javascript-lp-solver (rejects if it fails first). */
  ready: Promise<void>;
}

export class JslpWorker {
  private worker: Spawned | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  /** Solves `model` in the worker; requests run one at a time in call order. */
  solve(model: unknown, precision: number, timeoutMs: number): Promise<WorkerOutcome> {
    const next = this.queue.then(() => this.runOne(model, precision, timeoutMs));
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Stops the worker (a new one starts on the next solve). */
  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (w) await w.thread.terminate();
  }

  private spawn(): Spawned {
    const path = createRequire(import.meta.url).resolve("javascript-lp-solver");
    const thread = new Worker(WORKER_SOURCE, { eval: true, workerData: { path } });
    thread.unref(); // an idle worker must not keep the process alive
    const ready = new Promise<void>((resolve, reject) => {
      thread.once("message", () => resolve()); // its first message: the library is loaded
      thread.once("error", reject);
      thread.once("exit", (code) => reject(new Error(`jslp worker exited with code ${code}`)));
    });
    ready.catch(() => undefined); // reported by the solve that waits for it
    return { thread, ready };
  }

  private async runOne(model: unknown, precision: number, timeoutMs: number): Promise<WorkerOutcome> {
    const spawned = (this.worker ??= this.spawn());
    const w = spawned.thread;
    w.ref(); // keep the process alive while the worker starts
    try {
      await spawned.ready;
    } catch (e) {
      if (this.worker === spawned) this.worker = null;
      void w.terminate();
      return { kind: "threw", error: (e as Error).message };
    }
    return new Promise<WorkerOutcome>((resolve) => {
      const finish = (outcome: WorkerOutcome, dropWorker: boolean) => {
        clearTimeout(timer);
        w.off("message", onMessage).off("error", onError).off("exit", onExit);
        w.unref();
        if (dropWorker) {
          if (this.worker === spawned) this.worker = null;
          void w.terminate();
        }
        resolve(outcome);
      };
      const onMessage = (msg: { ok: boolean; out?: JslpOutput; error?: string }) =>
        finish(msg.ok && msg.out ? { kind: "solved", out: msg.out } : { kind: "threw", error: msg.error ?? "unknown error" }, false);
      const onError = (e: Error) => finish({ kind: "threw", error: e.message }, true);
      const onExit = (code: number) => finish({ kind: "threw", error: `jslp worker exited with code ${code}` }, true);
      const timer = setTimeout(() => finish({ kind: "timeout" }, true), timeoutMs);
      w.on("message", onMessage).on("error", onError).on("exit", onExit);
      w.ref(); // keep the process alive while a solve is in flight
      w.postMessage({ model, precision });
    });
  }
}
