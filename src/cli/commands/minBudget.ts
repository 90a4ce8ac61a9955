/**
 * `simulate min-budget FILE --source government [--per-year] [--from Y] [--region N]`: the smallest
 * uniform (or per-year) scale of the selected budgets that still meets every target, solved as one
 * LP/MILP; writes min_budget.csv, min_budget_funding.csv (who pays at λ), min_budget_binding.csv (or
 * diagnostics.csv), input.yaml, run.json. With --confidence: min_budget_confidence.csv and
 * min_budget_search.csv instead of min_budget_binding.csv (minBudgetConfidenceFiles.ts).
 */
import type { Command } from "commander";
import { minBudgetConfidenceText } from "../../confidence/minBudgetConfidenceFiles.js";
import { parseSourceOption } from "../../finance/cutSpec.js";
import { minBudgetText } from "../../finance/minBudgetReport.js";
import { minBudgetFolder } from "../../finance/minBudgetRun.js";
import { describeSelection } from "../../finance/selection.js";
import { Namer } from "../../plan/describe.js";
import { addCalibrationOptions, addValidationOptions, confidenceRequest, oneLevel, roundProgress, trialProgress, validationOptions } from "../confidenceOptions.js";
import { allOrUsageError, exitCodeForStatus } from "../errors.js";
import { folderOptions } from "../folderOptions.js";
import { withNotes } from "../../runWarnings.js";
import { ALLOW_OUTSIDE_HELP, collect, parsePositiveInt, parseSolverOption, parseYearOption, STRICT_HELP } from "../options.js";
import { progressBar } from "../progress.js";

export function registerMinBudget(program: Command): void {
  const command = program
    .command("min-budget <file>")
    .description("smallest budget (uniform scale, or per year) of the named sources that still meets every target")
    .option("--source <sources>", "a source kind (government, enterprise, property_unit, resident) or comma-separated source ids")
    .option("--per-year", "one scale per year: the smallest total budget and its split over years")
    .option("--from <year>", "scale only budgets from this year on; earlier years stay as today's plan (default: every year the scenario's as_of leaves open)")
    .option("--to <year>", "scale only budgets up to this year (default: every later year, the tail included)")
    .option("--region <node>", "scale only budgets at this region node and the nodes below it")
    .option("--with <overlay>", "overlay scenario file, applied in order (repeatable)", collect, [])
    .option("--allow-outside <folder>", ALLOW_OUTSIDE_HELP, collect, [])
    .option("--solver <name>", "auto | highs | jslp", "auto")
    .option("--top <n>", "binding rows to print", "10")
    .option("-o, --out <dir>", "output folder (default results/<scenario name>-min-budget)")
    .option("--force", "replace an existing output folder")
    .option("--no-bom", "write CSV without the UTF-8 byte-order mark")
    .option("--no-xlsx", "do not write results.xlsx")
    .option("--strict", STRICT_HELP)
    .option("--quiet", "print nothing on success")
    .option("--confidence <p>", "the smallest scale at which every target is met with at least this probability — one level; run once per level for the budget against confidence (docs/confidence.md)");
  addValidationOptions(addCalibrationOptions(command), "the plans at the scale found and 1 % below it")
    .action(async (file: string, opts) => {
      const [selector, from, to, solver, top, confidence, validation] = allOrUsageError(
        () => parseSourceOption(opts.source),
        () => parseYearOption(opts.from, "--from"),
        () => parseYearOption(opts.to, "--to"),
        () => parseSolverOption(opts.solver),
        () => parsePositiveInt(opts.top, "--top", 10),
        () => {
          oneLevel(opts.confidence, ["simulate min-budget", file, ...opts.with.map((o: string) => `--with ${o}`), ...(opts.source ? [`--source ${opts.source}`] : [])].join(" "));
          return confidenceRequest(opts, false);
        },
        () => validationOptions(opts),
      );
      const tty = !opts.quiet && process.stderr.isTTY;
      const bar = progressBar({ quiet: opts.quiet });
      const outcome = await minBudgetFolder(file, {
        selector, from, to, region: opts.region ?? null, solver, perYear: opts.perYear ?? false,
        ...folderOptions(opts),
        confidence: confidence && (tty ? { ...confidence, onRound: roundProgress } : confidence),
        validation,
        onValidationProgress: (d, n) => bar.update(d, n),
        ...(opts.quiet ? {} : { onTrial: trialProgress(tty) }),
      }).finally(() => bar.finish());
      const { loaded, selection } = outcome;
      const title = withNotes(`min-budget: ${loaded.scenario.name}, ${describeSelection(selection, loaded.scenario.horizon.start, new Namer(loaded.scenario))}` +
        `${opts.with.length ? ` (with ${opts.with.join(", ")})` : ""}`, outcome.notes);
      const text = (outcome.kind === "confidence"
        ? minBudgetConfidenceText(loaded.scenario, outcome.result, title, validation?.draws)
        : minBudgetText(outcome.result, title, top, loaded.place)) + `results written to ${outcome.outDir}\n`;
      const status = outcome.result.status;
      if (status === "optimal") {
        if (!opts.quiet) process.stdout.write(text);
        return;
      }
      process.stderr.write(text);
      process.exitCode = exitCodeForStatus(status);
    });
}
