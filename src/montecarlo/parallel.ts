/**
 * Spreads draws over worker threads in contiguous slices and merges the shards in draw order.
 * Because a draw depends only on (seed, draw index, input id), the merged shard is identical for
 * any worker count; one worker runs in this thread.
 *
 * A `DrawRunner` keeps its worker threads between calls: `--precision` runs many batches, and
 * starting a thread (loader + modules) costs ~0.7 s — more than a batch of evaluate draws.
 *
 * An aborted `signal` (Ctrl-C in the CLI) terminates the worker threads at once and rejects the run
 * with `Interrupted`; draws run in this thread stop at the next slice of IN_THREAD_SLICE draws.
 */
import { Worker } from "node:worker_threads";
import { Interrupted } from "../errors.js";
import { threadEntry } from "../ownFiles.js";
import { createShard, mergeShards, type OutcomeShard } from "../stats/outcomes.js";
import { drawsInto, type EvaluateJob, releaseReplanner } from "./runDraws.js";

/** Draws run in this thread between looks at the abort signal. */
const IN_THREAD_SLICE = 2000;

export interface DrawRunner {
  run(draws: number[], onProgress?: (n: number) => void): Promise<OutcomeShard>;
  /** Stops the worker threads (the runner cannot be used afterwards). */
  close(): Promise<void>;
}

/** Messages from a worker: progress ticks, then the slice's shard (or an error). */
type Reply = { id: number; progress?: number; shard?: OutcomeShard; error?: string };

export function createRunner(job: EvaluateJob, workers: number, signal?: AbortSignal): DrawRunner {
  const minPerWorker = job.mode === "evaluate" ? 200 : 2;
  const pool: Worker[] = [];
  const pending = new Map<number, { resolve: (s: OutcomeShard) => void; reject: (e: Error) => void; progress?: (n: number) => void }>();
  let nextId = 0;
  const fail = (e: Error) => {
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  };
  const spawn = () => {
    // From the sources the worker is TypeScript: its entry registers tsx first, as bin/simulate.js does.
    const w = new Worker(threadEntry(), { workerData: { module: "montecarlo/worker", job } });
    w.on("message", (m: Reply) => {
      const p = pending.get(m.id);
      if (!p) return;
      if (m.progress) p.progress?.(m.progress);
      if (m.error) {
        pending.delete(m.id);
        p.reject(new Error(`Monte Carlo worker failed: ${m.error}`));
      } else if (m.shard) {
        pending.delete(m.id);
        p.resolve(m.shard);
      }
    });
    w.on("error", fail);
    w.on("exit", (code) => {
      if (code !== 0 && pending.size > 0) fail(new Error(`Monte Carlo worker stopped with exit code ${code}`));
    });
    return w;
  };
  const runOn = (w: Worker, draws: number[], progress?: (n: number) => void) =>
    new Promise<OutcomeShard>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject, progress });
      w.postMessage({ id, draws });
    });
  const stopThreads = () => Promise.all(pool.splice(0).map((w) => w.terminate()));
  const onAbort = () => {
    fail(new Interrupted());
    void stopThreads();
  };
  signal?.addEventListener("abort", onAbort, { once: true });
  return {
    async run(draws, onProgress) {
      if (signal?.aborted) throw new Interrupted();
      const slices = split(draws, Math.max(1, Math.min(workers, Math.ceil(draws.length / minPerWorker))));
      if (slices.length === 1) return inThisThread(job, draws, () => onProgress?.(1), signal);
      while (pool.length < slices.length) pool.push(spawn());
      return mergeShards(await Promise.all(slices.map((slice, i) => runOn(pool[i], slice, onProgress))));
    },
    async close() {
      signal?.removeEventListener("abort", onAbort);
      await releaseReplanner(job);
      await stopThreads();
    },
  };
}

/**
 * Draws in this thread, a slice at a time, yielding to the event loop between slices so an abort
 * (Ctrl-C) is seen within one slice.
 */
async function inThisThread(job: EvaluateJob, draws: number[], onDraw: () => void, signal?: AbortSignal): Promise<OutcomeShard> {
  const out = createShard(job.metrics.names, draws);
  for (let i = 0; i < draws.length; i += IN_THREAD_SLICE) {
    await drawsInto(job, draws.slice(i, i + IN_THREAD_SLICE), out, i, onDraw);
    await new Promise((resolve) => setImmediate(resolve));
    if (signal?.aborted) throw new Interrupted();
  }
  return out;
}

/** One-off run over `draws` (threads started and stopped). */
export async function runParallel(job: EvaluateJob, draws: number[], workers: number, onProgress?: (n: number) => void): Promise<OutcomeShard> {
  const runner = createRunner(job, workers);
  try {
    return await runner.run(draws, onProgress);
  } finally {
    await runner.close();
  }
}

function split(draws: number[], parts: number): number[][] {
  const out: number[][] = [];
  const size = Math.ceil(draws.length / parts);
  for (let i = 0; i < draws.length; i += size) out.push(draws.slice(i, i + size));
  return out;
}
