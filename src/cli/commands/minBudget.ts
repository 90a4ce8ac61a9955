/**
 * `simulate min-budget FILE --source government [--per-year] [--from Y] [--region N]`: the smallest
 * uniform (or per-year) scale of the selected budgets that still meets every target, solved as one
 * LP/MILP; writes min_budget.csv, min_budget_binding.csv (or diagnostics.csv), input.yaml, run.json.
 */
import { performance } from "node:perf_hooks";
import type { Command } from "commander";
import { parseSourceOption } from "../../finance/cutSpec.js";
import { minBudgetText, minBudgetTotals, renderMinBudgetFiles } from "../../finance/minBudgetReport.js";
import { solveMinBudget } from "../../finance/minBudgetSolve.js";
import { financeRunJson } from "../../finance/runInfo.js";
import { describeSelection, resolveSelection } from "../../finance/selection.js";
import { assertWritable, writeFolderAtomically } from "../../output/writeFolder.js";
import { defaultOutDir } from "../../pipeline.js";
import { loadCheckedScenario } from "../../loadChecked.js";
import { addCalibrationOptions, addValidationOptions } from "../confidenceOptions.js";
import { allOrUsageError, EXIT, UsageError } from "../errors.js";
import { ALLOW_OUTSIDE_HELP, collect, parsePositiveInt, parseSolverOption, parseYearOption } from "../options.js";
import { printNotices } from "../summary.js";
import { checkMinBudgetConfidenceFlags, runMinBudgetConfidence } from "./minBudgetConfidence.js";
import { preloadReportRenderer } from "../../output/officeFiles.js";

export function registerMinBudget(program: Command): void {
  const command = program
    .command("min-budget <file>")
    .description("smallest budget (uniform scale, or per year) of the named sources that still meets every target")
    .option("--source <sources>", "a source kind (government, enterprise, property_unit, resident) or comma-separated source ids")
    .option("--per-year", "one scale per year: the smallest total budget and its split over years")
    .option("--from <year>", "scale only budgets from this year on; earlier years stay as today's plan (default: every year the scenario's as_of leaves open)")
    .option("--region <node>", "scale only budgets at this region node and the nodes below it")
    .option("--with <overlay>", "overlay scenario file, applied in order (repeatable)", collect, [])
    .option("--allow-outside <folder>", ALLOW_OUTSIDE_HELP, collect, [])
    .option("--solver <name>", "auto | highs | jslp", "auto")
    .option("--top <n>", "binding rows to print", "10")
    .option("-o, --out <dir>", "output folder (default results/<scenario name>-min-budget)")
    .option("--force", "replace an existing output folder")
    .option("--no-bom", "write CSV without the UTF-8 byte-order mark")
    .option("--no-xlsx", "do not write results.xlsx")
    .option("--quiet", "print nothing on success")
    .option("--confidence <p>", "the smallest scale at which every target is met with at least this probability (docs/confidence.md)");
  addValidationOptions(addCalibrationOptions(command), "the plans at the scale found and 1 % below it")
    .action(async (file: string, opts) => {
      const t0 = performance.now();
      if (opts.confidence !== undefined) checkMinBudgetConfidenceFlags(opts);
      else if (opts.draws !== undefined || opts.calibrationDraws !== undefined || opts.calibrationSeed !== undefined) {
        throw new UsageError("--draws and the calibration options apply to min-budget --confidence");
      }
      const [selector, from, solver, top] = allOrUsageError(
        () => parseSourceOption(opts.source),
        () => parseYearOption(opts.from, "--from"),
        () => parseSolverOption(opts.solver),
        () => parsePositiveInt(opts.top, "--top", 10),
      );
      const loaded = loadCheckedScenario(file, { overlays: opts.with, allowOutside: opts.allowOutside });
      if (!opts.quiet) printNotices(loaded.notices);
      const selection = resolveSelection(loaded.scenario, { selector, from, region: opts.region ?? null });
      const outDir = opts.out ?? `${defaultOutDir(loaded.scenario.name)}-min-budget`;
      assertWritable(outDir, opts.force ?? false, loaded.inputs);
      preloadReportRenderer();
      if (opts.confidence !== undefined) return runMinBudgetConfidence({ file, loaded, selection, solver, outDir, opts, startedAt: t0 });
      const t1 = performance.now();
      const result = await solveMinBudget(loaded.scenario, selection, { solver, perYear: opts.perYear ?? false });
      const t2 = performance.now();
      const runJson = financeRunJson("min-budget", file, opts.with, loaded, selection, solver, {
        per_year: result.perYear,
        status: result.status,
        scales: result.scales,
        totals: result.status === "optimal" ? minBudgetTotals(result) : null,
        shadow_prices: result.dualMethod,
        stages: result.stages,
      }, { load: (t1 - t0) / 1000, solve: (t2 - t1) / 1000 }, result.notices);
      const files = await renderMinBudgetFiles(result, runJson, loaded.merged, { bom: opts.bom, xlsx: opts.xlsx, locate: loaded.place });
      const written = writeFolderAtomically(outDir, files, opts.force ?? false, loaded.inputs);
      const title = `min-budget: ${loaded.scenario.name}, ${describeSelection(selection)}` +
        `${opts.with.length ? ` (with ${opts.with.join(", ")})` : ""}`;
      const text = minBudgetText(result, title, top, loaded.place) + `results written to ${written}\n`;
      if (result.status === "optimal") {
        if (!opts.quiet) process.stdout.write(text);
        return;
      }
      process.stderr.write(text);
      process.exitCode = result.status === "infeasible" ? EXIT.infeasible : EXIT.solver;
    });
}
