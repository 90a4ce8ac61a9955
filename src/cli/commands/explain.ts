/**
 * `simulate explain FILE [--with …] [--top N]`: plan the scenario (nothing written) and list its
 * binding constraints in planning words with their shadow prices, largest first.
 */
import type { Command } from "commander";
import { parsePositiveInt, parseSolverOption } from "../../finance/cutSpec.js";
import { explainPlan, explainText } from "../../finance/explain.js";
import { simulate } from "../../pipeline.js";
import { referenceTarget } from "../../results/shadow.js";
import { allOrUsageError, EXIT, SolverFailure } from "../errors.js";
import { ALLOW_OUTSIDE_HELP, collect } from "../options.js";
import { planSummary, printNotices } from "../summary.js";

export function registerExplain(program: Command): void {
  program
    .command("explain <file>")
    .description("what limits the plan: binding budgets, capacity and targets with their shadow prices")
    .option("--with <overlay>", "overlay scenario file, applied in order (repeatable)", collect, [])
    .option("--allow-outside <folder>", ALLOW_OUTSIDE_HELP, collect, [])
    .option("--solver <name>", "auto | highs | jslp", "auto")
    .option("--top <n>", "rows to list per stage", "10")
    .action(async (file: string, opts) => {
      const [top, solver] = allOrUsageError(() => parsePositiveInt(opts.top, "--top", 10), () => parseSolverOption(opts.solver));
      const outcome = await simulate(file, { overlays: opts.with, allowOutside: opts.allowOutside, solver, dryRun: true });
      printNotices(outcome.loaded.notices);
      const { solution, tables, loaded } = outcome;
      if (solution.status === "error") throw new SolverFailure(solution.message ?? "solver failed");
      if (solution.status === "infeasible") {
        process.stderr.write(planSummary(outcome));
        process.exitCode = EXIT.infeasible;
        return;
      }
      const ref = referenceTarget(solution);
      const refNote = ref
        ? `what one step more of a limit adds to each target, in the target's own units; ${ref.id} is missed`
        : "every soft target is met, so money does not limit attainment";
      const layers = opts.with.length ? ` (with ${opts.with.join(", ")})` : "";
      const method = solution.dualMethod === "lp_relaxation" ? "; integer plan: prices from the LP relaxation" : "";
      const title = `explain: ${loaded.scenario.name}${layers}${method}`;
      process.stdout.write(explainText(explainPlan(solution, tables), top, title, refNote));
    });
}
