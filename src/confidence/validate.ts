/**
 * Validation of a plan on fresh draws: the ordinary evaluate-mode Monte Carlo (worker threads,
 * byte-identical for any worker count) with the validation seed, reduced to each target's P(met)
 * and, with more than one target, P(all targets met) of the same draws (tables.ts allTargetsMet).
 */
import type { PlannedPoint } from "../montecarlo/executionPlan.js";
import { runMonteCarlo } from "../montecarlo/monteCarlo.js";
import { type AllTargetsMet, allTargetsMet, type McTargetColumns, targetStatistics } from "../montecarlo/tables.js";
import type { Uncertainty } from "../montecarlo/types.js";

export interface ValidationRequest {
  draws: number;
  seed: number;
  workers: number;
  onProgress?: (done: number, total: number) => void;
}

export interface JointValidation {
  targets: Map<string, McTargetColumns>;
  /** Every target met in the same validation draw; null with fewer than two targets (it is the one P(met)). */
  all: AllTargetsMet | null;
}

/** Each target's P(met) on the validation draws, and P(all targets met) counted over the same draws. */
export async function validatePlanJointly(point: PlannedPoint, uncertainty: Uncertainty, request: ValidationRequest): Promise<JointValidation> {
  const run = await runMonteCarlo(point, uncertainty, { mode: "evaluate", draws: request.draws, seed: request.seed, workers: request.workers, onProgress: request.onProgress });
  return { targets: targetStatistics(run.layout, run.shard), all: run.layout.targets.length > 1 ? allTargetsMet(run.layout, run.shard) : null };
}
