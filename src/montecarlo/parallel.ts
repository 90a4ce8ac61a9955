/**
 * Spreads draws over worker threads in contiguous slices and merges the shards in draw order.
 * Because a draw depends only on (seed, draw index, input id), the merged shard is identical for
 * any worker count; one worker runs in this thread.
 */
import { Worker } from "node:worker_threads";
import { decodeShard, type EncodedShard, mergeShards, type OutcomeShard } from "../stats/outcomes.js";
import { type EvaluateJob, evaluateDraws, reoptimizeDraws } from "./runDraws.js";

export async function runParallel(
  job: EvaluateJob,
  draws: number[],
  workers: number,
  onProgress?: (n: number) => void,
): Promise<OutcomeShard> {
  const minPerWorker = job.mode === "evaluate" ? 200 : 2;
  const slices = split(draws, Math.max(1, Math.min(workers, Math.ceil(draws.length / minPerWorker))));
  if (slices.length === 1) {
    return job.mode === "evaluate"
      ? evaluateDraws(job, draws, () => onProgress?.(1))
      : reoptimizeDraws(job, draws, () => onProgress?.(1));
  }
  const shards = await Promise.all(slices.map((slice) => runWorker(job, slice, onProgress)));
  return mergeShards(shards);
}

function split(draws: number[], parts: number): number[][] {
  const out: number[][] = [];
  const size = Math.ceil(draws.length / parts);
  for (let i = 0; i < draws.length; i += size) out.push(draws.slice(i, i + size));
  return out;
}

function runWorker(job: EvaluateJob, draws: number[], onProgress?: (n: number) => void): Promise<OutcomeShard> {
  return new Promise((resolve, reject) => {
    // The worker is TypeScript: its entry registers tsx first, as bin/simulate.js does.
    const worker = new Worker(new URL("./workerEntry.mjs", import.meta.url), { workerData: { job, draws } });
    worker.on("message", (m: { progress?: number; shard?: EncodedShard }) => {
      if (m.progress) onProgress?.(m.progress);
      if (m.shard) resolve(decodeShard(m.shard));
    });
    worker.on("error", reject);
    worker.on("exit", (code) => {
      if (code !== 0) reject(new Error(`Monte Carlo worker stopped with exit code ${code}`));
    });
  });
}
