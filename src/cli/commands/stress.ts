/**
 * `simulate stress FILE --cut government=10%,20%,30% [--from 2024] [--sources a,b] [--region N]`:
 * re-plan at every cut level (0 % always included) and write stress.csv, stress_summary.csv,
 * input.yaml and run.json into one results folder; print the compact table.
 */
import { performance } from "node:perf_hooks";
import type { Command } from "commander";
import { parseCutSpec } from "../../finance/cutSpec.js";
import { financeRunJson, stageSummary } from "../../finance/runInfo.js";
import { resolveSelection } from "../../finance/selection.js";
import { runStress } from "../../finance/stress.js";
import { confidenceAtEveryLevel } from "../../finance/stressConfidence.js";
import { monteCarloAtEveryLevel } from "../../finance/stressMonteCarlo.js";
import { DEFAULT_CALIBRATION_DRAWS } from "../../confidence/planToConfidence.js";
import { checkConfidenceRequest, confidenceSeeds } from "../../confidence/request.js";
import { checkMonteCarloRequest, resolveSeed } from "../../montecarlo/monteCarlo.js";
import { addCalibrationOptions, addValidationOptions, confidenceRequest, validationOptions } from "../confidenceOptions.js";
import { renderStressFiles, stressTable } from "../../finance/stressReport.js";
import { assertWritable, writeFolderAtomically } from "../../output/writeFolder.js";
import { defaultOutDir } from "../../pipeline.js";
import { loadCheckedScenario } from "../../loadChecked.js";
import { allOrUsageError, EXIT, UsageError } from "../errors.js";
import { ALLOW_OUTSIDE_HELP, collect, parseSolverOption, parseYearOption } from "../options.js";
import { printNotices } from "../summary.js";
import { preloadReportRenderer } from "../../output/officeFiles.js";

export function registerStress(program: Command): void {
  const command = program
    .command("stress <file>")
    .description("re-plan under budget cuts (0% baseline always included) → stress.csv, stress_summary.csv")
    .option("--cut <spec>", "<selector>=<levels>: selector a source kind (government, enterprise, property_unit, resident) or 'sources'; levels such as 10%,20%,30%", collect)
    .option("--sources <ids>", "comma-separated source ids to cut (narrows the kind, or names the sources for --cut sources=…)")
    .option("--from <year>", "cut budgets from this year on (default: every year the scenario's as_of leaves open)")
    .option("--region <node>", "cut only budgets at this region node and the nodes below it")
    .option("--with <overlay>", "overlay scenario file, applied in order (repeatable)", collect, [])
    .option("--allow-outside <folder>", ALLOW_OUTSIDE_HELP, collect, [])
    .option("--solver <name>", "auto | highs | jslp", "auto")
    .option("-o, --out <dir>", "output folder (default results/<scenario name>-stress)")
    .option("--force", "replace an existing output folder")
    .option("--no-bom", "write CSV without the UTF-8 byte-order mark")
    .option("--no-xlsx", "do not write results.xlsx")
    .option("--quiet", "print nothing on success")
    .option("--confidence <p>", "plan every level so that each target is met with at least this probability (docs/confidence.md)");
  addValidationOptions(addCalibrationOptions(command), "every level's plan (P(met) per target and level)")
    .action(async (file: string, opts) => {
      const t0 = performance.now();
      const draws = validationOptions(opts);
      if (draws) checkMonteCarloRequest({ mode: "evaluate", ...draws });
      const confidence = confidenceRequest(opts, false);
      if (confidence) {
        if (confidence.level === undefined) throw new UsageError("the calibration options apply to stress --confidence");
        checkConfidenceRequest(confidence);
      }
      const cuts = (opts.cut ?? []) as string[];
      if (cuts.length === 0) throw new UsageError("--cut is required, e.g. --cut government=10%,20%,30%");
      if (cuts.length > 1) throw new UsageError(`give one --cut (got ${cuts.length}); list the levels in it: government=10%,20%,30%`);
      const [spec, from, solver] = allOrUsageError(
        () => parseCutSpec(cuts[0], opts.sources),
        () => parseYearOption(opts.from, "--from"),
        () => parseSolverOption(opts.solver),
      );
      const loaded = loadCheckedScenario(file, { overlays: opts.with, allowOutside: opts.allowOutside });
      if (!opts.quiet) printNotices(loaded.notices);
      const selection = resolveSelection(loaded.scenario, { selector: spec.selector, from, region: opts.region ?? null });
      const outDir = opts.out ?? `${defaultOutDir(loaded.scenario.name)}-stress`;
      assertWritable(outDir, opts.force ?? false, loaded.inputs); // fail before solving, not after
      preloadReportRenderer();
      const t1 = performance.now();
      const progress = process.stderr.isTTY && !opts.quiet
        ? (cut: number, i: number, n: number) => process.stderr.write(`planning cut ${i + 1}/${n} (${(cut * 100).toFixed(1)}%)…\n`)
        : undefined;
      const seeds = confidence ? confidenceSeeds(loaded, confidence, draws?.seed, Boolean(draws)) : null;
      const validationSeed = draws ? resolveSeed(draws.seed, loaded.uncertainty.seed, loaded.scenario.seed) : null;
      const planning = seeds && confidence?.level !== undefined
        ? confidenceAtEveryLevel(loaded, { level: confidence.level, calibrationSeed: seeds.calibration, calibrationDraws: confidence.calibrationDraws }, solver)
        : null;
      const onLevel = draws && validationSeed
        ? monteCarloAtEveryLevel(loaded.uncertainty, { draws: draws.draws, seed: validationSeed.seed, workers: draws.workers }, planning?.onLevel)
        : planning?.onLevel;
      const levels = await runStress(loaded.scenario, selection, spec.levels, { solver, progress, plan: planning?.plan, onLevel, locate: loaded.place });
      const t2 = performance.now();
      const runJson = financeRunJson("stress", file, opts.with, loaded, selection, solver, {
        cut: { selector: spec.selector.kind ?? "sources", levels: levels.map((l) => l.cut) },
        confidence: confidence?.level ?? null,
        calibration: seeds ? { seed: seeds.calibration, seed_from: seeds.calibrationFrom, draws: confidence?.calibrationDraws ?? DEFAULT_CALIBRATION_DRAWS } : null,
        monte_carlo: draws && validationSeed ? { mode: "evaluate", seed: validationSeed.seed, seed_from: validationSeed.from, draws: draws.draws, workers: draws.workers, common_random_numbers: true } : null,
        levels: levels.map((l) => ({ cut: l.cut, status: l.planned.solution.status, stages: stageSummary(l.planned.solution) })),
      }, { load: (t1 - t0) / 1000, solve: (t2 - t1) / 1000 });
      const files = await renderStressFiles(levels, runJson, loaded.merged, { bom: opts.bom, xlsx: opts.xlsx });
      const written = writeFolderAtomically(outDir, files, opts.force ?? false, loaded.inputs);
      const failed = levels.filter((l) => l.planned.solution.status === "error");
      if (!opts.quiet) {
        const title = `stress: ${loaded.scenario.name}, cutting ${selection.sourceIds.join(", ")}` +
          `${selection.from !== null ? ` from ${selection.from}` : ""}${selection.region ? ` at ${selection.region} and below` : ""}` +
          `${opts.with.length ? ` (with ${opts.with.join(", ")})` : ""}`;
        process.stdout.write(stressTable(levels, title) + `results written to ${written}\n`);
      }
      if (failed.length > 0) {
        for (const l of failed) process.stderr.write(`error: cut ${l.cut}: ${l.planned.solution.message ?? "solver failed"}\n`);
        process.exitCode = EXIT.solver;
      }
    });
}
