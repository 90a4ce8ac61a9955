/**
 * `simulate min-budget FILE --source government --confidence α [--draws N --seed S]`: the smallest
 * uniform scale of the selected budgets at which every target reaches α (docs/confidence.md).
 * Called by the min-budget command when --confidence is given.
 */
import { performance } from "node:perf_hooks";
import { minBudgetToConfidence } from "../../confidence/minBudgetConfidence.js";
import { minBudgetConfidenceText, renderMinBudgetConfidenceFiles } from "../../confidence/minBudgetConfidenceFiles.js";
import { checkConfidenceRequest, confidenceSeeds } from "../../confidence/request.js";
import { financeRunJson } from "../../finance/runInfo.js";
import { describeSelection, type BudgetSelection } from "../../finance/selection.js";
import type { CheckedScenario } from "../../loadChecked.js";
import { checkMonteCarloRequest, resolveSeed } from "../../montecarlo/monteCarlo.js";
import { writeFolderAtomically } from "../../output/writeFolder.js";
import { round } from "../../results/numbers.js";
import type { SolverChoice } from "../../solve/auto.js";
import { confidenceRequest, roundProgress, validationOptions } from "../confidenceOptions.js";
import { EXIT, UsageError } from "../errors.js";
import { progressBar } from "../progress.js";

export interface MinBudgetConfidenceRun {
  file: string;
  loaded: CheckedScenario;
  selection: BudgetSelection;
  solver: SolverChoice;
  outDir: string;
  opts: Record<string, unknown> & { with: string[]; quiet?: boolean; force?: boolean; bom: boolean; xlsx?: boolean };
  startedAt: number;
}

/** Checks the flags before anything is loaded (the command calls this first). */
export function checkMinBudgetConfidenceFlags(opts: Record<string, unknown>): void {
  if (opts.perYear) throw new UsageError("--per-year cannot be combined with --confidence: the confidence search scales the budgets uniformly");
  const request = confidenceRequest(opts, false);
  if (request) checkConfidenceRequest(request);
  const validation = validationOptions(opts);
  if (validation) checkMonteCarloRequest({ mode: "evaluate", ...validation });
}

export async function runMinBudgetConfidence(run: MinBudgetConfidenceRun): Promise<void> {
  const { loaded, selection, opts } = run;
  const request = confidenceRequest(opts, false)!;
  const validation = validationOptions(opts);
  const seeds = confidenceSeeds(loaded, request, validation?.seed, Boolean(validation));
  const validationSeed = validation ? resolveSeed(validation.seed, loaded.uncertainty.seed, loaded.scenario.seed) : null;
  const tty = !opts.quiet && process.stderr.isTTY;
  const bar = progressBar({ quiet: opts.quiet });
  const t1 = performance.now();
  const result = await minBudgetToConfidence(loaded.scenario, loaded.uncertainty, selection, {
    confidence: request.level!,
    calibrationSeed: seeds.calibration,
    calibrationDraws: request.calibrationDraws,
    solver: run.solver,
    ...(validation && validationSeed ? { validation: { draws: validation.draws, seed: validationSeed.seed, workers: validation.workers, onProgress: (d, n) => bar.update(d, n) } } : {}),
    ...(tty ? { onTrial: (s: number, ok: boolean) => process.stderr.write(`scale ${s.toFixed(4)}: ${ok ? "reaches" : "falls short of"} the level\n`), onRound: roundProgress } : {}),
  }).finally(() => bar.finish());
  const t2 = performance.now();
  const runJson = financeRunJson("min-budget", run.file, opts.with, loaded, selection, run.solver, {
    confidence: request.level,
    status: result.status,
    scale: result.at && result.status === "optimal" ? round(result.at.scale, 9) : null,
    scale_below: result.below ? round(result.below.scale, 9) : null,
    deterministic_scale: result.deterministic.status === "optimal" ? result.deterministic.scales[0].scale : null,
    search: result.trials.map((t) => ({ scale: round(t.scale, 9), reached: t.reached })),
    calibration: { seed: seeds.calibration, seed_from: seeds.calibrationFrom, draws: result.calibration.draws, rounds: result.calibration.rounds },
    validation: validation && validationSeed ? { seed: validationSeed.seed, seed_from: validationSeed.from, draws: validation.draws, workers: validation.workers } : null,
  }, { load: (t1 - run.startedAt) / 1000, solve: (t2 - t1) / 1000 }, result.deterministic.notices);
  const files = await renderMinBudgetConfidenceFiles(loaded.scenario, result, runJson, loaded.merged, { bom: opts.bom, xlsx: opts.xlsx, locate: loaded.place });
  const written = writeFolderAtomically(run.outDir, files, opts.force ?? false, loaded.inputs);
  const title = `min-budget: ${loaded.scenario.name}, ${describeSelection(selection)}${opts.with.length ? ` (with ${opts.with.join(", ")})` : ""}`;
  const text = minBudgetConfidenceText(loaded.scenario, result, title) + `results written to ${written}\n`;
  if (result.status === "optimal") {
    if (!opts.quiet) process.stdout.write(text);
    return;
  }
  process.stderr.write(text);
  process.exitCode = result.status === "error" ? EXIT.solver : EXIT.infeasible;
}
