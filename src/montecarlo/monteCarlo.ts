/**
 * Monte Carlo over a solved plan:
 *
 *   PlanSolution ─buildExecutionPlan→ ExecutionPlan ┐
 *   Uncertainty ─────────────────────────────────────┼→ EvaluateJob ─runParallel(draws)→ OutcomeShard
 *   metrics layout (targets, progress, money, inputs)┘        (batches until --precision is met)
 *     OutcomeShard ─tables.ts→ targets p_met/quantiles, mc_summary, sensitivity
 *
 * Draws are run in fixed batches of BATCH indices so that `--precision` stops at the same draw
 * count whatever the worker count; the statistics are computed over draws 0 … n−1 in order.
 */
import type { PlanSolution } from "../plan/solvePlan.js";
import { mergeShards, type OutcomeShard } from "../stats/outcomes.js";
import { buildExecutionPlan } from "./executionPlan.js";
import { buildMetricLayout, type MetricLayout } from "./metrics.js";
import { runParallel } from "./parallel.js";
import type { EvaluateJob } from "./runDraws.js";
import { precisionMet } from "./tables.js";
import type { Uncertainty } from "./types.js";

export const BATCH = 1000;
export const DEFAULT_SEED = 20210101;
export const MAX_PRECISION_DRAWS = 200_000;

export type McMode = "evaluate" | "reoptimize";

export interface MonteCarloOptions {
  mode: McMode;
  /** Fixed number of draws; or, with `precision`, the cap. */
  draws?: number;
  /** Stop once every P(met) has a standard error ≤ this. */
  precision?: number;
  seed: number;
  workers: number;
  /** Only these draws (a shard): [first, end). Precision stopping is not available with shards. */
  range?: [number, number];
  onProgress?: (done: number, total: number) => void;
}

export interface MonteCarloRun {
  job: EvaluateJob;
  shard: OutcomeShard;
  layout: MetricLayout;
  drawsUsed: number;
}

export function makeJob(solution: PlanSolution, uncertainty: Uncertainty, mode: McMode, seed: number): EvaluateJob {
  const plan = buildExecutionPlan(solution);
  const metrics = buildMetricLayout(solution.pm.ctx, uncertainty.inputs.map((i) => i.id));
  return { scenario: solution.pm.ctx.scenario, uncertainty, plan, metrics, seed, mode };
}

export async function runMonteCarlo(solution: PlanSolution, uncertainty: Uncertainty, options: MonteCarloOptions): Promise<MonteCarloRun> {
  const job = makeJob(solution, uncertainty, options.mode, options.seed);
  let done = 0;
  const tick = (total: number) => (n: number) => {
    done += n;
    options.onProgress?.(done, total);
  };
  if (options.range) {
    const [first, end] = options.range;
    const shard = await runParallel(job, indices(first, end), options.workers, tick(end - first));
    return { job, shard, layout: job.metrics, drawsUsed: end - first };
  }
  if (options.precision === undefined) {
    const n = options.draws ?? 1000;
    const shard = await runParallel(job, indices(0, n), options.workers, tick(n));
    return { job, shard, layout: job.metrics, drawsUsed: n };
  }
  const cap = options.draws ?? MAX_PRECISION_DRAWS;
  const shards: OutcomeShard[] = [];
  let n = 0;
  let merged: OutcomeShard | null = null;
  while (n < cap) {
    const end = Math.min(cap, n + BATCH);
    shards.push(await runParallel(job, indices(n, end), options.workers, tick(cap)));
    n = end;
    merged = mergeShards(shards);
    if (precisionMet(job.metrics, merged, options.precision)) break;
  }
  return { job, shard: merged!, layout: job.metrics, drawsUsed: n };
}

function indices(first: number, end: number): number[] {
  return Array.from({ length: end - first }, (_, i) => first + i);
}
