/**
 * `simulate stress FILE --cut government=10%,20%,5亿 [--from 2024] [--to 2024] [--sources a,b] [--region N]`:
 * re-plan at every cut level (0 % always included) and write stress.csv, stress_summary.csv,
 * stress_funding.csv, stress_starts.csv, input.yaml and run.json into one results folder; print the compact table.
 */
import type { Command } from "commander";
import { parseCutSpec } from "../../finance/cutSpec.js";
import { selectedSources, tailOf, yearsSaid } from "../../finance/selection.js";
import { Namer } from "../../plan/describe.js";
import { levelStatus } from "../../finance/stress.js";
import { stressFolder } from "../../finance/stressRun.js";
import { stressTable } from "../../finance/stressReport.js";
import { addCalibrationOptions, addValidationOptions, confidenceRequest, validationOptions } from "../confidenceOptions.js";
import { allOrUsageError, exitCodeForStatus, UsageError } from "../errors.js";
import { folderOptions } from "../folderOptions.js";
import { withNotes } from "../../runWarnings.js";
import { ALLOW_OUTSIDE_HELP, collect, parseSolverOption, parseYearOption, STRICT_HELP } from "../options.js";

export function registerStress(program: Command): void {
  const command = program
    .command("stress <file>")
    .description("re-plan under budget cuts (0% baseline always included) → stress.csv, stress_summary.csv, stress_funding.csv, stress_starts.csv")
    .option("--cut <spec>", "<selector>=<levels>: selector a source kind (government, enterprise, property_unit, resident) or 'sources'; levels such as 10%,20%,30%, or amounts such as 1亿,5000万", collect)
    .option("--sources <ids>", "comma-separated source ids to cut (narrows the kind, or names the sources for --cut sources=…)")
    .option("--from <year>", "cut budgets from this year on (default: every year the scenario's as_of leaves open)")
    .option("--to <year>", "cut budgets up to this year only (--from 2024 --to 2024: 2024 alone; default: every later year, the tail included)")
    .option("--region <node>", "cut only budgets at this region node and the nodes below it")
    .option("--with <overlay>", "overlay scenario file, applied in order (repeatable)", collect, [])
    .option("--allow-outside <folder>", ALLOW_OUTSIDE_HELP, collect, [])
    .option("--solver <name>", "auto | highs | jslp", "auto")
    .option("-o, --out <dir>", "output folder (default results/<scenario name>-stress)")
    .option("--force", "replace an existing output folder")
    .option("--no-bom", "write CSV without the UTF-8 byte-order mark")
    .option("--no-xlsx", "do not write results.xlsx")
    .option("--strict", STRICT_HELP)
    .option("--quiet", "print nothing on success")
    .option("--confidence <p>", "plan every level so that each target is met with at least this probability (docs/confidence.md)");
  addValidationOptions(addCalibrationOptions(command), "every level's plan (P(met) per target and level)")
    .action(async (file: string, opts) => {
      const cuts = (opts.cut ?? []) as string[];
      if (cuts.length === 0) throw new UsageError("--cut is required, e.g. --cut government=10%,20%,30%");
      if (cuts.length > 1) throw new UsageError(`give one --cut (got ${cuts.length}); list the levels in it: government=10%,20%,30%`);
      const [cut, from, to, solver, confidence, validation] = allOrUsageError(
        () => parseCutSpec(cuts[0], opts.sources),
        () => parseYearOption(opts.from, "--from"),
        () => parseYearOption(opts.to, "--to"),
        () => parseSolverOption(opts.solver),
        () => confidenceRequest(opts, false),
        () => validationOptions(opts),
      );
      const { loaded, selection, levels, cutNote, outDir, notes } = await stressFolder(file, {
        cut, from, to, region: opts.region ?? null, solver,
        ...folderOptions(opts),
        confidence,
        validation,
        progress: process.stderr.isTTY && !opts.quiet
          ? (c: number, i: number, n: number) => process.stderr.write(`planning cut ${i + 1}/${n} (${(c * 100).toFixed(1)}%)…\n`)
          : undefined,
      });
      const failed = levels.filter((l) => levelStatus(l) === "error");
      // A cut level without a plan is one answer of the sweep; a 0 % level without one means the
      // scenario itself has none, so the cut levels were not planned and the run ends as plan's
      // does (exit 3, the diagnosis written).
      const noBaseline = levelStatus(levels[0]) === "infeasible";
      const unplanned = levels.filter((l) => levelStatus(l) === "not_planned").map((l) => l.label);
      if (!opts.quiet || noBaseline) {
        const namer = new Namer(loaded.scenario);
        const title = `stress: ${loaded.scenario.name}, cutting ${selectedSources(selection, namer)}` +
          ` ${yearsSaid(selection, loaded.scenario.horizon.start)}${selection.region ? ` at ${namer.label("region", selection.region)} and below` : ""}${tailOf(selection)}` +
          `${opts.with.length ? ` (with ${opts.with.join(", ")})` : ""}` + cutNote;
        const text = stressTable(levels, withNotes(title, notes), validation?.draws, selection.sourceIds) + `results written to ${outDir}\n`;
        if (noBaseline) {
          const skipped = unplanned.length > 0 ? ` (a cut only lowers budgets), and ${unplanned.join(", ")} ${unplanned.length > 1 ? "were" : "was"} not planned` : "";
          process.stderr.write(text + `error: the scenario has no plan even without a cut (the 0% level), so no cut level can have one${skipped}; ` +
            `what would have to give is under "levels without a plan" and in ${outDir}/diagnostics.csv\n`);
        } else process.stdout.write(text);
      }
      if (failed.length > 0) {
        for (const l of failed) process.stderr.write(`error: cut ${l.cut}: ${l.planned?.solution.message ?? "solver failed"}\n`);
        process.exitCode = exitCodeForStatus("error");
      } else if (noBaseline) process.exitCode = exitCodeForStatus("infeasible");
    });
}
