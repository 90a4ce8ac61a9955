/**
 * `simulate frontier FILE --confidence 0.5,0.8,0.9,0.95 [--draws N --seed S]`: one confidence plan
 * per level → frontier.csv (money and, per target, planned value and P(met) by level), run.json,
 * input.yaml, report.html, results.xlsx; prints the frontier as a table (docs/confidence.md).
 */
import { performance } from "node:perf_hooks";
import type { Command } from "commander";
import { runFrontier } from "../../confidence/frontier.js";
import { frontierRows, frontierTable, renderFrontierFiles } from "../../confidence/frontierFiles.js";
import { checkConfidenceRequest, confidenceSeeds } from "../../confidence/request.js";
import { loadCheckedScenario } from "../../loadChecked.js";
import { checkMonteCarloRequest, resolveSeed } from "../../montecarlo/monteCarlo.js";
import { assertWritable, writeFolderAtomically } from "../../output/writeFolder.js";
import { defaultOutDir } from "../../pipeline.js";
import { financeRunJson } from "../../finance/runInfo.js";
import { addCalibrationOptions, addValidationOptions, confidenceRequest, parseLevels, roundProgress, validationOptions } from "../confidenceOptions.js";
import { EXIT, SolverFailure } from "../errors.js";
import { ALLOW_OUTSIDE_HELP, collect, parseSolverOption } from "../options.js";
import { printNotices } from "../summary.js";
import { progressBar } from "../progress.js";
import { preloadReportRenderer } from "../../output/officeFiles.js";

export function registerFrontier(program: Command): void {
  const command = program
    .command("frontier <file>")
    .description("money–confidence frontier: one confidence plan per level → frontier.csv (docs/confidence.md)")
    .option("--confidence <levels>", "confidence levels, e.g. 0.5,0.8,0.9,0.95")
    .option("--with <overlay>", "overlay scenario file, applied in order (repeatable)", collect, [])
    .option("--allow-outside <folder>", ALLOW_OUTSIDE_HELP, collect, [])
    .option("--solver <name>", "auto | highs | jslp", "auto")
    .option("-o, --out <dir>", "output folder (default results/<scenario name>-frontier)")
    .option("--force", "replace an existing output folder")
    .option("--no-bom", "write CSV without the UTF-8 byte-order mark")
    .option("--no-xlsx", "do not write results.xlsx")
    .option("--quiet", "print nothing on success");
  addValidationOptions(addCalibrationOptions(command), "every level's plan").action(async (file: string, opts) => {
    const t0 = performance.now();
    const levels = parseLevels(opts.confidence, "--confidence");
    const solver = parseSolverOption(opts.solver);
    const validation = validationOptions(opts);
    const request = confidenceRequest({ ...opts, confidence: undefined }, false) ?? {};
    checkConfidenceRequest(request);
    if (validation) checkMonteCarloRequest({ mode: "evaluate", ...validation });
    const loaded = loadCheckedScenario(file, { overlays: opts.with, allowOutside: opts.allowOutside });
    if (!opts.quiet) printNotices(loaded.notices);
    const outDir = opts.out ?? `${defaultOutDir(loaded.scenario.name)}-frontier`;
    assertWritable(outDir, opts.force ?? false, loaded.inputs);
    preloadReportRenderer();
    const seeds = confidenceSeeds(loaded, request, validation?.seed, Boolean(validation));
    const validationSeed = validation ? resolveSeed(validation.seed, loaded.uncertainty.seed, loaded.scenario.seed) : null;
    const t1 = performance.now();
    const tty = !opts.quiet && process.stderr.isTTY;
    const bar = progressBar({ quiet: opts.quiet });
    const result = await runFrontier(loaded.scenario, loaded.uncertainty, {
      levels,
      calibrationSeed: seeds.calibration,
      calibrationDraws: request.calibrationDraws,
      solver,
      ...(validation && validationSeed ? { validation: { draws: validation.draws, seed: validationSeed.seed, workers: validation.workers, onProgress: (d, n) => bar.update(d, n) } } : {}),
      ...(tty ? { onLevel: (c: number, i: number, n: number) => process.stderr.write(`level ${i + 1}/${n}: ${(c * 100).toFixed(1)}%\n`), onRound: roundProgress } : {}),
    }).finally(() => bar.finish());
    const t2 = performance.now();
    if (result.plain.solution.status === "error") throw new SolverFailure(result.plain.solution.message ?? "solver failed");
    if (result.plain.solution.status === "infeasible") {
      const conflicts = result.plain.solution.conflicts.slice(0, 10).map((c) => `  - ${c.message}\n`).join("");
      process.stderr.write(`frontier: the plan is infeasible, so no level can be planned (\`simulate ${file}\` writes the diagnosis):\n${conflicts}`);
      process.exitCode = EXIT.infeasible;
      return;
    }
    const rows = frontierRows(loaded.scenario, result);
    const runJson = financeRunJson("frontier", file, opts.with, loaded, null, solver, {
      levels: result.levels.map((l) => ({ confidence: l.confidence, plan_of_level: result.levels[l.planOf].confidence, government_used_yuan: l.money.governmentYuan })),
      calibration: { seed: seeds.calibration, seed_from: seeds.calibrationFrom, draws: result.calibration.draws, rounds: result.calibration.rounds },
      validation: validation && validationSeed ? { seed: validationSeed.seed, seed_from: validationSeed.from, draws: validation.draws, workers: validation.workers } : null,
    }, { load: (t1 - t0) / 1000, solve: (t2 - t1) / 1000 });
    const files = await renderFrontierFiles(rows, runJson, loaded.merged, { bom: opts.bom, xlsx: opts.xlsx });
    const written = writeFolderAtomically(outDir, files, opts.force ?? false, loaded.inputs);
    if (opts.quiet) return;
    const title = `frontier: ${loaded.scenario.name}${opts.with.length ? ` (with ${opts.with.join(", ")})` : ""}, calibration seed ${seeds.calibration} × ${result.calibration.draws} draws` +
      (validation && validationSeed ? `, validated on ${validation.draws} draws of seed ${validationSeed.seed}` : "");
    process.stdout.write(frontierTable(loaded.scenario, result, rows, title) + `results written to ${written}\n`);
  });
}
