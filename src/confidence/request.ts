/**
 * What the command line asks of confidence planning, checked before anything is loaded, and the
 * calibration seed: `--calibration-seed`, else the scenario's Monte Carlo seed + 1, so that the
 * validation draws (`--seed`, else the scenario's seed) are fresh draws by default.
 */
import { UsageError } from "../errors.js";
import type { CheckedScenario } from "../loadChecked.js";
import { checkMonteCarloRequest, resolveSeed } from "../montecarlo/monteCarlo.js";
import { MAX_SEED } from "../montecarlo/streams.js";
import type { Calibration } from "./calibrate.js";
import type { ValidationRequest } from "./validate.js";

export interface ConfidenceRequest {
  /** --confidence: the default required probability (overrides objective.confidence). */
  level?: number;
  calibrationDraws?: number;
  calibrationSeed?: number;
  onRound?: (phase: "relaxed" | "exact", round: number, calibration: Calibration) => void;
}

export const MIN_CALIBRATION_DRAWS = 100;
export const MAX_CALIBRATION_DRAWS = 1_000_000;

export function checkConfidenceRequest(r: ConfidenceRequest): void {
  if (r.level !== undefined && !(r.level > 0 && r.level < 1)) {
    throw new UsageError(`--confidence is the probability every target must be met with, above 0 and below 1 (got ${r.level})`);
  }
  const d = r.calibrationDraws;
  if (d !== undefined && !(Number.isInteger(d) && d >= MIN_CALIBRATION_DRAWS && d <= MAX_CALIBRATION_DRAWS)) {
    throw new UsageError(`--calibration-draws must be a whole number from ${MIN_CALIBRATION_DRAWS} to ${MAX_CALIBRATION_DRAWS} (got ${d})`);
  }
  const s = r.calibrationSeed;
  if (s !== undefined && !(Number.isInteger(s) && s >= 0 && s <= MAX_SEED)) throw new UsageError(`--calibration-seed must be a whole number from 0 to 2^53 − 1 (got ${s})`);
}

export interface ConfidenceSeeds {
  calibration: number;
  calibrationFrom: string;
}

/**
 * The calibration seed; throws when the validation run (`validationSeed`, the Monte Carlo seed
 * actually used, if any) would re-use the calibration draws.
 */
export function confidenceSeeds(loaded: CheckedScenario, request: ConfidenceRequest | undefined, validationFlag: number | undefined, validating: boolean): ConfidenceSeeds {
  const base = resolveSeed(undefined, loaded.uncertainty.seed, loaded.scenario.seed);
  const seeds = request?.calibrationSeed !== undefined
    ? { calibration: request.calibrationSeed, calibrationFrom: "--calibration-seed" }
    : { calibration: base.seed === MAX_SEED ? 0 : base.seed + 1, calibrationFrom: `${base.from} + 1` };
  if (validating) {
    const validation = resolveSeed(validationFlag, loaded.uncertainty.seed, loaded.scenario.seed).seed;
    if (validation === seeds.calibration) {
      throw new UsageError(`the Monte Carlo seed ${validation} is the calibration seed: validation needs fresh draws (choose another --seed or --calibration-seed)`);
    }
  }
  return seeds;
}

/** Validation draws as the command line asks for them (`--draws`, `--seed`, `--workers`). */
export interface ValidationDraws {
  draws: number;
  /** Undefined: uncertainty.seed, then the scenario's seed. */
  seed?: number;
  workers: number;
}

/** Checked before anything is loaded: the draws run in evaluate mode. */
export function checkValidationDraws(asked: ValidationDraws | undefined): void {
  if (asked) checkMonteCarloRequest({ mode: "evaluate", ...asked });
}

/** The validation run with its seed resolved; `seedFrom` says where the seed came from, for run.json. */
export function validationRun(
  loaded: CheckedScenario,
  asked: ValidationDraws | undefined,
  onProgress?: (done: number, total: number) => void,
): (ValidationRequest & { seedFrom: string }) | null {
  if (!asked) return null;
  const { seed, from } = resolveSeed(asked.seed, loaded.uncertainty.seed, loaded.scenario.seed);
  return { draws: asked.draws, seed, seedFrom: from, workers: asked.workers, ...(onProgress ? { onProgress } : {}) };
}

/** run.json's account of a validation run (frontier, min-budget --confidence). */
export function validationRunInfo(run: (ValidationRequest & { seedFrom: string }) | null) {
  return run && { seed: run.seed, seed_from: run.seedFrom, draws: run.draws, workers: run.workers };
}
