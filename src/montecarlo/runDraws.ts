/**
 * Runs a set of draws in this thread and returns them as a mergeable shard. Used directly (one
 * worker), inside worker threads, and per `--shard`. Everything a draw depends on is
 * (seed, draw index, input id), so any split of the draws gives the same numbers.
 */
import type { Scenario } from "../scenario/types.js";
import { createShard, type OutcomeShard } from "../stats/outcomes.js";
import { DrawRecorder } from "./drawRecorder.js";
import { Executor } from "./execute.js";
import type { ExecutionPlan } from "./executionPlan.js";
import type { MetricLayout } from "./metrics.js";
import { createSampler, type DrawSampler } from "./sampleInputs.js";
import { Reoptimizer } from "./reoptimize.js";
import { Replanner } from "./replan.js";
import type { McMode, SampledWorld, Uncertainty } from "./types.js";

/** Plain data: everything a worker needs to evaluate draws (structured-cloneable). */
export interface EvaluateJob {
  scenario: Scenario;
  uncertainty: Uncertainty;
  plan: ExecutionPlan;
  metrics: MetricLayout;
  seed: number;
  mode: McMode;
  /** replan with a confidence plan: its margins per target (null: plain planning). */
  margins: number[] | null;
}

/** Sampler, world and executor per job, reused by every batch (a sampler costs ms to prepare). */
const prepared = new WeakMap<EvaluateJob, { sampler: DrawSampler; world: SampledWorld; executor: Executor }>();

function prepare(job: EvaluateJob) {
  let p = prepared.get(job);
  if (!p) {
    const sampler = createSampler(job.uncertainty, job.scenario);
    p = { sampler, world: sampler.newWorld(), executor: new Executor(job.plan, sampler.layout.leaves.length, sampler.sampled, sampler.reads) };
    prepared.set(job, p);
  }
  return p;
}

/** A recorder per job and thread (its packed metric parts are built once). */
const recorders = new WeakMap<EvaluateJob, DrawRecorder>();

function recorderOf(job: EvaluateJob): DrawRecorder {
  let recorder = recorders.get(job);
  if (!recorder) recorders.set(job, (recorder = new DrawRecorder(job.metrics, job.plan.horizonYears, job.plan.leafPrograms.length)));
  return recorder;
}

function evaluateDraws(job: EvaluateJob, draws: ArrayLike<number>, out: OutcomeShard, offset: number, onDraw?: () => void): void {
  const { sampler, world, executor } = prepare(job);
  const recorder = recorderOf(job);
  for (let k = 0; k < draws.length; k++) {
    sampler.sampleForExecution(world, job.seed, draws[k]);
    const result = executor.run(world);
    recorder.record(result, world.inputValues, out.values, offset + k);
    onDraw?.();
  }
}

/**
 * Re-optimises every draw (see reoptimize.ts). A draw whose sampled world has no feasible plan
 * records no starts and is counted as missing every target.
 */
async function reoptimizeDraws(job: EvaluateJob, draws: ArrayLike<number>, out: OutcomeShard, offset: number, onDraw?: () => void): Promise<void> {
  const sampler = createSampler(job.uncertainty, job.scenario);
  const world = sampler.newWorld();
  const reoptimizer = new Reoptimizer(job.scenario, sampler.layout);
  const recorder = recorderOf(job);
  try {
    for (let k = 0; k < draws.length; k++) {
      sampler.sampleInto(world, job.seed, draws[k]);
      const result = (await reoptimizer.draw(world)) ?? infeasibleDraw(job);
      recorder.record(result, world.inputValues, out.values, offset + k);
      onDraw?.();
    }
  } finally {
    await reoptimizer.dispose();
  }
}

/** One re-planner per job and thread, kept across batches: its first solve costs seconds. */
const replanners = new WeakMap<EvaluateJob, Replanner>();

/** Annual re-planning in every draw (see replan.ts). */
async function replanDraws(job: EvaluateJob, draws: ArrayLike<number>, out: OutcomeShard, offset: number, onDraw?: () => void): Promise<void> {
  const sampler = createSampler(job.uncertainty, job.scenario);
  const world = sampler.newWorld();
  let replanner = replanners.get(job);
  if (!replanner) replanners.set(job, (replanner = new Replanner(job.scenario, job.plan, sampler.layout, sampler.sampled, job.margins)));
  const recorder = recorderOf(job);
  for (let k = 0; k < draws.length; k++) {
    sampler.sampleInto(world, job.seed, draws[k]);
    const result = await replanner.draw(world);
    recorder.record(result, world.inputValues, out.values, offset + k);
    onDraw?.();
  }
}

/** Frees this thread's re-planner of the job (its solver model). */
export async function releaseReplanner(job: EvaluateJob): Promise<void> {
  const replanner = replanners.get(job);
  replanners.delete(job);
  await replanner?.dispose();
}

/**
 * Draws of any mode in this thread, written into `out` from column `offset` on (draws[k] into
 * column offset + k), so a caller filling one large shard slice by slice copies nothing.
 */
export function drawsInto(job: EvaluateJob, draws: ArrayLike<number>, out: OutcomeShard, offset: number, onDraw?: () => void): void | Promise<void> {
  if (job.mode === "evaluate") return evaluateDraws(job, draws, out, offset, onDraw);
  return job.mode === "reoptimize" ? reoptimizeDraws(job, draws, out, offset, onDraw) : replanDraws(job, draws, out, offset, onDraw);
}

/** Draws of any mode in this thread, as a shard of their own. */
export async function drawsOf(job: EvaluateJob, draws: ArrayLike<number>, onDraw?: () => void): Promise<OutcomeShard> {
  const shard = createShard(job.metrics.names, draws);
  await drawsInto(job, draws, shard, 0, onDraw);
  return shard;
}

function infeasibleDraw(job: EvaluateJob) {
  const S = job.scenario.sources.length;
  const Y = job.plan.paymentYears.length;
  return {
    starts: new Float64Array(job.plan.leafPrograms.length * job.plan.horizonYears),
    paid: new Float64Array(S * Y),
    gap: new Float64Array(S * Y),
  };
}
