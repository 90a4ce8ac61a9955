/**
 * `simulate frontier FILE --confidence 0.5,0.8,0.9,0.95 [--draws N --seed S]`: one confidence plan
 * per level → frontier.csv (money and, per target, planned value and P(met) by level), run.json,
 * input.yaml, report.html, results.xlsx; prints the frontier as a table (docs/confidence.md).
 */
import type { Command } from "commander";
import { frontierFolder } from "../../confidence/frontierRun.js";
import { frontierTable } from "../../confidence/frontierFiles.js";
import { addCalibrationOptions, addValidationOptions, confidenceRequest, parseLevels, roundProgress, validationOptions } from "../confidenceOptions.js";
import { allOrUsageError, exitCodeForStatus, SolverFailure } from "../errors.js";
import { folderOptions } from "../folderOptions.js";
import { ALLOW_OUTSIDE_HELP, collect, parseSolverOption, STRICT_HELP } from "../options.js";
import { progressBar } from "../progress.js";
import { infeasibleLines } from "../summary.js";
import { withNotes } from "../../runWarnings.js";

export function registerFrontier(program: Command): void {
  const command = program
    .command("frontier <file>")
    .description("money–confidence frontier: one confidence plan per level with today's budgets → frontier.csv (docs/confidence.md)")
    .option("--confidence <levels>", "confidence levels, e.g. 0.5,0.8,0.9,0.95")
    .option("--with <overlay>", "overlay scenario file, applied in order (repeatable)", collect, [])
    .option("--allow-outside <folder>", ALLOW_OUTSIDE_HELP, collect, [])
    .option("--solver <name>", "auto | highs | jslp", "auto")
    .option("-o, --out <dir>", "output folder (default results/<scenario name>-frontier)")
    .option("--force", "replace an existing output folder")
    .option("--no-bom", "write CSV without the UTF-8 byte-order mark")
    .option("--no-xlsx", "do not write results.xlsx")
    .option("--strict", STRICT_HELP)
    .option("--quiet", "print nothing on success");
  addValidationOptions(addCalibrationOptions(command), "every level's plan").action(async (file: string, opts) => {
    const [levels, solver, calibration, validationDraws] = allOrUsageError(
      () => parseLevels(opts.confidence, "--confidence"),
      () => parseSolverOption(opts.solver),
      () => confidenceRequest({ ...opts, confidence: undefined }, false),
      () => validationOptions(opts),
    );
    const tty = !opts.quiet && process.stderr.isTTY;
    const bar = progressBar({ quiet: opts.quiet });
    const { loaded, result, seeds, validation, table, outDir, notes } = await frontierFolder(file, {
      levels, solver,
      ...folderOptions(opts),
      calibration: { ...calibration, ...(tty ? { onRound: roundProgress } : {}) },
      validation: validationDraws,
      onValidationProgress: (d, n) => bar.update(d, n),
      ...(tty ? { onLevel: (c: number, i: number, n: number) => process.stderr.write(`level ${i + 1}/${n}: ${(c * 100).toFixed(1)}%\n`) } : {}),
    }).finally(() => bar.finish());
    const plain = result.plain.solution;
    if (plain.status === "error") throw new SolverFailure(`${plain.message ?? "solver failed"} (the plan without margins; diagnosis written to ${outDir}/diagnostics.csv)`);
    if (!table) {
      // As `simulate FILE` prints an infeasible plan: what must give, with file and line, then the limits.
      process.stderr.write(`frontier: the plan without margins is infeasible, so no level can be planned:\n${infeasibleLines({ solution: plain, loaded }).join("\n")}\n` +
        `diagnosis written to ${outDir}/diagnostics.csv\n`);
      process.exitCode = exitCodeForStatus("infeasible");
      return;
    }
    if (opts.quiet) return;
    const title = `frontier: ${loaded.scenario.name}${opts.with.length ? ` (with ${opts.with.join(", ")})` : ""}, calibration seed ${seeds.calibration} × ${result.calibration.draws} draws` +
      (validation ? `, validated on ${validation.draws} draws of seed ${validation.seed}` : "");
    process.stdout.write(frontierTable(loaded.scenario, result, table, withNotes(title, notes), validation?.draws) + `results written to ${outDir}\n`);
  });
}
