/**
 * Validation of a plan on fresh draws: the ordinary evaluate-mode Monte Carlo (worker threads,
 * byte-identical for any worker count) with the validation seed, reduced to each target's P(met).
 */
import type { PlannedPoint } from "../montecarlo/executionPlan.js";
import { runMonteCarlo } from "../montecarlo/monteCarlo.js";
import { type McTargetColumns, targetStatistics } from "../montecarlo/tables.js";
import type { Uncertainty } from "../montecarlo/types.js";

export interface ValidationRequest {
  draws: number;
  seed: number;
  workers: number;
  onProgress?: (done: number, total: number) => void;
}

export async function validatePlan(point: PlannedPoint, uncertainty: Uncertainty, request: ValidationRequest): Promise<Map<string, McTargetColumns>> {
  const run = await runMonteCarlo(point, uncertainty, { mode: "evaluate", draws: request.draws, seed: request.seed, workers: request.workers, onProgress: request.onProgress });
  return targetStatistics(run.layout, run.shard);
}
