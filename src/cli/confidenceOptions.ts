/**
 * Command-line options shared by the commands that plan to a confidence level (plan, frontier,
 * min-budget, stress): the calibration sample, the validation draws, and lists of levels.
 */
import { availableParallelism } from "node:os";
import type { Command } from "commander";
import type { TrialPlan } from "../confidence/minBudgetConfidence.js";
import type { ConfidenceRequest, ValidationDraws } from "../confidence/request.js";
import { allOrUsageError, UsageError } from "./errors.js";
import { number } from "./options.js";

export function addCalibrationOptions(command: Command): Command {
  return command
    .option("--calibration-draws <n>", "confidence planning: draws in the calibration sample (default 4000)")
    .option("--calibration-seed <n>", "confidence planning: seed of the calibration sample (default: the scenario's seed + 1)");
}

/** --draws, --seed and --workers for validating plans on fresh draws (evaluate mode). */
export function addValidationOptions(command: Command, what: string): Command {
  return command
    .option("--draws <n>", `Monte Carlo draws validating ${what} (evaluate mode, common random numbers)`)
    .option("--seed <n>", "Monte Carlo master seed of the validation draws (default: uncertainty.seed, then the scenario's seed)")
    .option("--workers <n>", "Monte Carlo worker threads (default: all cores)");
}

export function validationOptions(opts: Record<string, unknown>): ValidationDraws | undefined {
  if (opts.draws === undefined) {
    if (opts.seed !== undefined || opts.workers !== undefined) throw new UsageError("--seed and --workers apply to the validation draws: add --draws N");
    return undefined;
  }
  const [draws, seed, workers] = allOrUsageError(
    () => number("--draws", opts.draws),
    () => (opts.seed === undefined ? undefined : number("--seed", opts.seed)),
    () => (opts.workers === undefined ? availableParallelism() : number("--workers", opts.workers)),
  );
  return { draws, seed, workers };
}

/** The confidence part of the command line (undefined: as the scenario says). */
export function confidenceRequest(opts: Record<string, unknown>, progress: boolean): ConfidenceRequest | undefined {
  const [level, calibrationDraws, calibrationSeed] = allOrUsageError(
    () => (opts.confidence === undefined ? undefined : levelOf(opts.confidence)),
    () => (opts.calibrationDraws === undefined ? undefined : number("--calibration-draws", opts.calibrationDraws)),
    () => (opts.calibrationSeed === undefined ? undefined : number("--calibration-seed", opts.calibrationSeed)),
  );
  const request: ConfidenceRequest = { level, calibrationDraws, calibrationSeed, ...(progress ? { onRound: roundProgress } : {}) };
  return request.level !== undefined || request.calibrationDraws !== undefined || request.calibrationSeed !== undefined ? request : undefined;
}

/**
 * One `--confidence` level: a list (`0.8,0.9`), which only frontier takes, is told so and where it
 * goes, rather than "expects a number" (a review tried it on simulate and stress as on frontier).
 */
function levelOf(value: unknown): number {
  if (typeof value === "string" && value.includes(",")) {
    throw new UsageError(`--confidence takes one level here (got "${value}"); simulate frontier FILE --confidence ${value} plans each of several levels`);
  }
  return number("--confidence", value as string);
}

/**
 * min-budget --confidence searches the smallest budget for one level; a list of levels, as frontier
 * takes, is one run per level — said so instead of "expects a number" (a review tried
 * `--confidence 0.8,0.9` to trace the budget against confidence). `command`: the run as typed up to
 * --confidence, for the example.
 */
export function oneLevel(value: unknown, command: string): void {
  if (typeof value !== "string" || !value.includes(",")) return;
  const levels = value.split(",").map((x) => x.trim()).filter((x) => x !== "");
  throw new UsageError(`min-budget takes one --confidence level (got "${value}"): it searches the smallest budget for that level, so run it once per level — ` +
    `${levels.map((x) => `${command} --confidence ${x}`).join("; ")} (simulate frontier plans a list of levels with today's budgets)`);
}

/** A line per calibration round on stderr (terminals only; the caller decides). */
export const roundProgress: NonNullable<ConfidenceRequest["onRound"]> = (phase, round, c) => {
  const asked = c.status.filter((x) => x !== "none").length;
  const reached = c.status.filter((x) => x === "reached").length;
  process.stderr.write(`calibrating margins${phase === "relaxed" ? " (LP relaxation)" : ""}, round ${round}: ${reached} of ${asked} targets reached\n`);
};

/**
 * A line per scale min-budget --confidence tries, on stderr. A terminal shows it beside the
 * calibration rounds; a log (stderr not a terminal, e.g. a script's) gets only these plain lines,
 * so a long search shows it is working and where it is (a review's run printed nothing for 20 min).
 */
export function trialProgress(terminal: boolean): (scale: number, reached: boolean, plan: TrialPlan) => void {
  if (terminal) return (s, ok) => void process.stderr.write(`scale ${s.toFixed(4)}: ${ok ? "reaches" : "falls short of"} the level\n`);
  return (s, ok, plan) => void process.stderr.write(`min-budget: λ = ${s.toFixed(4)}${plan === "lp" ? "" : ` (${plan})`}: ${ok ? "reached" : "not reached"}\n`);
}

/** "0.5,0.8,0.9" or "50%,80%,90%" → ascending distinct levels, each above 0 and below 1. */
export function parseLevels(text: unknown, option: string): number[] {
  if (typeof text !== "string" || text.trim() === "") throw new UsageError(`${option} needs levels, e.g. ${option} 0.5,0.8,0.9,0.95`);
  // Every bad level in one error, as for --cut.
  const levels = allOrUsageError(...text.split(",").map((x) => () => {
    const l = number(option, x);
    if (!(l > 0 && l < 1)) throw new UsageError(`${option}: every level must be above 0 and below 1 (got ${l})`);
    return l;
  }));
  return [...new Set(levels)].sort((a, b) => a - b);
}
