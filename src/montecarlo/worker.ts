/**
 * Worker thread: holds the job (workerData) and evaluates each slice of draws it is sent,
 * posting progress ticks and then the shard. It lives until the pool terminates it.
 */
import { parentPort, workerData } from "node:worker_threads";
import { drawsOf, type EvaluateJob } from "./runDraws.js";

const { job } = workerData as { job: EvaluateJob };
const every = job.mode === "evaluate" ? 500 : 1;

parentPort!.on("message", async ({ id, draws }: { id: number; draws: number[] }) => {
  let done = 0;
  const tick = () => {
    if (++done % every === 0) parentPort!.postMessage({ id, progress: every });
  };
  try {
    const shard = await drawsOf(job, draws, tick);
    // Typed arrays are structured-cloned exactly; transferring them avoids a copy.
    parentPort!.postMessage({ id, progress: done % every, shard }, [shard.draws.buffer, ...shard.values.map((v) => v.buffer)] as ArrayBuffer[]);
  } catch (e) {
    parentPort!.postMessage({ id, error: (e as Error)?.stack ?? String(e) });
  }
});
