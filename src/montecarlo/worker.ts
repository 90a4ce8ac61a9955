/** Worker-thread entry: evaluates its slice of draws and posts the encoded shard back. */
import { parentPort, workerData } from "node:worker_threads";
import { encodeShard } from "../stats/outcomes.js";
import { type EvaluateJob, evaluateDraws, reoptimizeDraws } from "./runDraws.js";

const { job, draws } = workerData as { job: EvaluateJob; draws: number[] };
let done = 0;
const every = job.mode === "evaluate" ? 500 : 1;
const tick = () => {
  if (++done % every === 0) parentPort!.postMessage({ progress: every });
};
const shard = job.mode === "evaluate" ? evaluateDraws(job, draws, tick) : await reoptimizeDraws(job, draws, tick);
parentPort!.postMessage({ progress: done % every, shard: encodeShard(shard) });
