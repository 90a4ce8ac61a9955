/**
 * A fixed calibration sample: draws 0 … n−1 of the calibration seed, each plan tried during
 * calibration is executed in the same sampled worlds (evaluate mode, execute.ts) — common random
 * numbers, so the difference between two trial plans is the plans' difference, not sampling noise.
 * Only the targets' realised values are recorded (not the ~150 summary metrics of a full run).
 */
import type { ModelContext } from "../model/context.js";
import { Executor } from "../montecarlo/execute.js";
import type { ExecutionPlan } from "../montecarlo/executionPlan.js";
import { cumulativeStarts, evaluateMetric, type MetricDef, metricDef } from "../montecarlo/metrics.js";
import { createSampler, type DrawSampler } from "../montecarlo/sampleInputs.js";
import type { SampledWorld, Uncertainty } from "../montecarlo/types.js";

export class CalibrationSample {
  private readonly sampler: DrawSampler;
  private readonly world: SampledWorld;
  private readonly defs: MetricDef[];
  private cum = new Float64Array(0);

  constructor(
    ctx: ModelContext,
    uncertainty: Uncertainty,
    readonly seed: number,
    readonly draws: number,
  ) {
    this.sampler = createSampler(uncertainty, ctx.scenario);
    this.world = this.sampler.newWorld();
    this.defs = ctx.scenario.targets.map((t) => metricDef(ctx, `target|${t.id}`, t.region, t.program, t.metric, t.by));
  }

  /** Realised value of every target (scenario order) in every draw: values[t][draw]. */
  realised(plan: ExecutionPlan): Float64Array[] {
    const executor = new Executor(plan, this.sampler.layout.leaves.length, this.sampler.sampled, this.sampler.reads);
    const H = plan.horizonYears;
    const out = this.defs.map(() => new Float64Array(this.draws));
    for (let k = 0; k < this.draws; k++) {
      this.sampler.sampleForExecution(this.world, this.seed, k);
      const { starts } = executor.run(this.world);
      const size = (starts.length / H) * (H + 1);
      if (this.cum.length !== size) this.cum = new Float64Array(size);
      cumulativeStarts(starts, H, this.cum);
      for (let t = 0; t < this.defs.length; t++) out[t][k] = evaluateMetric(this.defs[t], this.cum, H);
    }
    return out;
  }
}
