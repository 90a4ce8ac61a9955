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
import { availableParallelism } from "node:os";
import { Interrupted, UsageError } from "../errors.js";
import { formatLimit, LIMITS } from "../limits.js";
import type { ModelContext } from "../model/context.js";
import { mergeShards, type OutcomeShard } from "../stats/outcomes.js";
import { buildExecutionPlan, type PlannedPoint } from "./executionPlan.js";
import { inputsActedOn } from "./inputsActedOn.js";
import { buildMetricLayout, type MetricLayout } from "./metrics.js";
import { createRunner, type DrawRunner } from "./parallel.js";
import type { EvaluateJob } from "./runDraws.js";
import { precisionCounts, precisionReachedFor, precisionShortfall, type PrecisionShortfall } from "./tables.js";
import { MAX_SEED } from "./streams.js";
import type { McMode, Uncertainty } from "./types.js";

export const BATCH = 1000;
export const DEFAULT_SEED = 20210101;
export const MAX_PRECISION_DRAWS = 200_000;

export type { McMode };

export interface MonteCarloOptions {
  mode: McMode;
  /** Fixed number of draws; or, with `precision`, the cap. */
  draws?: number;
  /** Stop once every P(met), and P(all targets met), has a standard error ≤ this. */
  precision?: number;
  seed: number;
  workers: number;
  /** Only these draws (a shard): [first, end). Precision stopping is not available with shards. */
  range?: [number, number];
  /** `total` is the draw count, or with `precision` the cap (the run may stop earlier). */
  onProgress?: (done: number, total: number) => void;
  /** replan: the confidence plan's margins (target units, per target), kept in every annual plan. */
  margins?: ArrayLike<number> | null;
  /** Aborting stops the draws and the worker threads; the run rejects with `Interrupted`. */
  signal?: AbortSignal;
}

/** What a caller asks for; `checkMonteCarloRequest` says whether it makes sense. */
export interface MonteCarloRequest {
  mode: McMode;
  draws?: number;
  precision?: number;
  /** Overrides the scenario's seeds (see `resolveSeed`). */
  seed?: number;
  workers: number;
  /** Run only slice k of n (1-based) of `draws`. */
  shard?: { k: number; n: number };
  saveDraws?: boolean;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/** Throws a UsageError for a request no run could honour (checked before anything is loaded). */
export function checkMonteCarloRequest(r: MonteCarloRequest): void {
  const whole = (x: number | undefined, min: number, max: number) => x === undefined || (Number.isInteger(x) && x >= min && x <= max);
  if (r.mode !== "evaluate" && r.mode !== "reoptimize" && r.mode !== "replan") throw new UsageError(`--mode must be evaluate, reoptimize or replan (got "${r.mode}")`);
  if (r.draws === undefined && r.precision === undefined) throw new UsageError("Monte Carlo needs --draws N or --precision P");
  if (!whole(r.draws, 1, LIMITS.draws)) {
    throw new UsageError(`--draws must be a whole number from 1 to ${formatLimit("draws")} (got ${r.draws}); see docs/limits.md`);
  }
  if (r.precision !== undefined && !(r.precision > 0 && r.precision <= 0.5)) {
    throw new UsageError(`--precision is the standard error P(met) must reach, above 0 and at most 0.5 (got ${r.precision})`);
  }
  if (!whole(r.workers, 1, LIMITS.workers)) {
    throw new UsageError(`--workers must be a whole number from 1 to ${formatLimit("workers")} (got ${r.workers}); more than the cores (${availableParallelism()} here) are not started anyway`);
  }
  if (!whole(r.seed, 0, MAX_SEED)) throw new UsageError(`--seed must be a whole number from 0 to 2^53 − 1 (got ${r.seed})`);
  if (r.shard) {
    const { k, n } = r.shard;
    if (!Number.isInteger(k) || !Number.isInteger(n) || n < 1 || k < 1 || k > n) {
      throw new UsageError(`--shard k/n needs whole numbers with 1 ≤ k ≤ n (got ${k}/${n})`);
    }
    if (r.precision !== undefined) throw new UsageError("--precision cannot be combined with --shard: a shard cannot know when the whole run is precise enough; give --draws");
    if (r.draws === undefined) throw new UsageError("--shard needs --draws N (the total over all shards)");
    if (n > r.draws) throw new UsageError(`--shard ${k}/${n}: cannot split ${r.draws} draws into ${n} shards`);
  }
}

/**
 * Throws a UsageError when the run would hold more than LIMITS.drawValues numbers (draws × metrics
 * recorded per draw): checked once the plan is made, before any draw. A sharded run
 * is checked for the whole run, which its merge must hold.
 */
export function checkDrawMemory(r: MonteCarloRequest, ctx: ModelContext, uncertainty: Uncertainty): void {
  const metrics = buildMetricLayout(ctx, uncertainty.inputs.map((i) => i.id)).names.length;
  const draws = r.draws ?? MAX_PRECISION_DRAWS;
  if (draws * metrics <= LIMITS.drawValues) return;
  const most = Math.floor(LIMITS.drawValues / metrics);
  const asked = r.draws === undefined ? `--precision may run up to ${MAX_PRECISION_DRAWS.toLocaleString("en-US")} draws, which` : `--draws ${draws.toLocaleString("en-US")}`;
  throw new UsageError(
    `${asked} would hold ${(draws * metrics).toLocaleString("en-US")} values in memory (${metrics} per draw for this scenario); ` +
      `the limit is ${formatLimit("drawValues")} values, so this scenario can run at most ${most.toLocaleString("en-US")} draws (give --draws N; see docs/limits.md)`,
  );
}

/** Worker threads actually started: never more than the machine's cores (results do not depend on it). */
export function effectiveWorkers(requested: number): number {
  return Math.max(1, Math.min(requested, availableParallelism()));
}

export type SeedSource = "--seed" | "uncertainty.seed" | "seed" | "default";

/** Seed precedence: --seed, then `uncertainty.seed`, then the scenario's top-level `seed`, then DEFAULT_SEED. */
export function resolveSeed(cli: number | undefined, uncertainty: number | null, scenario: number | undefined): { seed: number; from: SeedSource } {
  if (cli !== undefined) return { seed: cli, from: "--seed" };
  if (uncertainty !== null) return { seed: uncertainty, from: "uncertainty.seed" };
  if (scenario !== undefined) return { seed: scenario, from: "seed" };
  return { seed: DEFAULT_SEED, from: "default" };
}

/** Shard k of n (1-based) of N draws: [⌊(k−1)N/n⌋, ⌊kN/n⌋) — contiguous, covering 0 … N−1 once. */
export function shardRange(k: number, n: number, draws: number): [number, number] {
  return [Math.floor(((k - 1) * draws) / n), Math.floor((k * draws) / n)];
}

export interface MonteCarloRun {
  job: EvaluateJob;
  shard: OutcomeShard;
  layout: MetricLayout;
  drawsUsed: number;
  /** With --precision: the proportion still short of it when the --draws cap stopped the run; else null. */
  precisionShort: PrecisionShortfall | null;
}

export function makeJob(solution: PlannedPoint, uncertainty: Uncertainty, mode: McMode, seed: number, margins: ArrayLike<number> | null = null): EvaluateJob {
  const plan = buildExecutionPlan(solution);
  const metrics = buildMetricLayout(solution.pm.ctx, uncertainty.inputs.map((i) => i.id), inputsActedOn(mode, uncertainty.inputs));
  return { scenario: solution.pm.ctx.scenario, uncertainty, plan, metrics, seed, mode, margins: margins ? Array.from(margins) : null };
}

export async function runMonteCarlo(solution: PlannedPoint, uncertainty: Uncertainty, options: MonteCarloOptions): Promise<MonteCarloRun> {
  const job = makeJob(solution, uncertainty, options.mode, options.seed, options.margins ?? null);
  const runner = createRunner(job, effectiveWorkers(options.workers), options.signal);
  try {
    const { shard, drawsUsed, precisionShort } = await runDraws(job, runner, options);
    if (options.signal?.aborted) throw new Interrupted();
    return { job, shard, layout: job.metrics, drawsUsed, precisionShort };
  } finally {
    await runner.close();
  }
}

async function runDraws(
  job: EvaluateJob, runner: DrawRunner, options: MonteCarloOptions,
): Promise<{ shard: OutcomeShard; drawsUsed: number; precisionShort: PrecisionShortfall | null }> {
  let done = 0;
  const tick = (total: number) => (n: number) => {
    done += n;
    options.onProgress?.(done, total);
  };
  if (options.range) {
    const [first, end] = options.range;
    return { shard: await runner.run(indices(first, end), tick(end - first)), drawsUsed: end - first, precisionShort: null };
  }
  if (options.precision === undefined) {
    const n = options.draws ?? 1000;
    return { shard: await runner.run(indices(0, n), tick(n)), drawsUsed: n, precisionShort: null };
  }
  // Met counts add up over batches, so each check is O(batch); the shards are merged once.
  const cap = options.draws ?? MAX_PRECISION_DRAWS;
  const shards: OutcomeShard[] = [];
  let met: number[] = [];
  let n = 0;
  while (n < cap) {
    const end = Math.min(cap, n + BATCH);
    const batch = await runner.run(indices(n, end), tick(cap));
    shards.push(batch);
    met = precisionCounts(job.metrics, batch).map((m, i) => (met[i] ?? 0) + m);
    n = end;
    if (precisionReachedFor(met, n, options.precision)) break;
  }
  // Stopped by the cap: which proportion is still short, for the printout and run.json to say so.
  return { shard: mergeShards(shards), drawsUsed: n, precisionShort: precisionShortfall(job.metrics, met, n, options.precision) };
}

function indices(first: number, end: number): number[] {
  return Array.from({ length: end - first }, (_, i) => first + i);
}
