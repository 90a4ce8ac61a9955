/** `simulate FILE` (alias `simulate plan FILE`): plan a scenario and write its results folder. */
import type { Command } from "commander";
import { simulate } from "../../pipeline.js";
import { EXIT, SolverFailure, UsageError } from "../errors.js";
import { collect } from "../options.js";
import { planSummary } from "../summary.js";

export function registerPlan(program: Command): void {
  program
    .command("plan <file>", { isDefault: true })
    .description("plan a scenario: starts, funds per source, budgets, capacity, targets → results folder")
    .option("--with <overlay>", "overlay scenario file, applied in order (repeatable)", collect, [])
    .option("--solver <name>", "auto | highs | jslp", "auto")
    .option("--out <dir>", "results folder (default results/<scenario name>)")
    .option("--force", "replace an existing results folder")
    .option("--no-bom", "write CSV without the UTF-8 byte-order mark")
    .option("--quiet", "print nothing on success")
    .action(async (file: string, opts) => {
      if (!["auto", "highs", "jslp"].includes(opts.solver)) {
        throw new UsageError(`--solver must be auto, highs or jslp (got "${opts.solver}")`);
      }
      const outcome = await simulate(file, {
        overlays: opts.with,
        solver: opts.solver,
        out: opts.out,
        force: opts.force,
        bom: opts.bom,
      });
      if (outcome.solution.status === "error") throw new SolverFailure(outcome.solution.message ?? "solver failed");
      if (outcome.solution.status === "infeasible") {
        process.stderr.write(planSummary(outcome));
        process.exitCode = EXIT.infeasible;
        return;
      }
      if (!opts.quiet) process.stdout.write(planSummary(outcome));
    });
}
