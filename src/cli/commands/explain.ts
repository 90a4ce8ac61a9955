/**
 * `simulate explain FILE [--with …] [--top N]`: plan the scenario (nothing written) and list its
 * binding constraints in planning words with their shadow prices, largest first; the budget lines
 * it prints are checked by re-planning with 1亿元 more (finance/explainReplan.ts).
 */
import type { Command } from "commander";
import { explainPlan } from "../../finance/explain.js";
import { attainmentNote, explainText } from "../../finance/explainText.js";
import { replanBudgetLines } from "../../finance/explainReplan.js";
import { simulate } from "../../pipeline.js";
import { missedInPlan, unitSteps } from "../../results/wholeUnitTargets.js";
import { writeProduct } from "../closedPipes.js";
import { allOrUsageError, exitCodeForStatus, SolverFailure } from "../errors.js";
import { ALLOW_OUTSIDE_HELP, collect, parsePositiveInt, parseSolverOption } from "../options.js";
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
        process.exitCode = exitCodeForStatus("infeasible");
        return;
      }
      // Which targets are missed is the plan's own (targets.csv), not its LP relaxation's.
      const attainment = attainmentNote(missedInPlan(solution, tables.targets), unitSteps(solution));
      const layers = opts.with.length ? ` (with ${opts.with.join(", ")})` : "";
      const gap = `${Number((loaded.scenario.objective.mipGap * 100).toPrecision(3))}%`;
      const method = solution.dualMethod === "lp_relaxation"
        ? `; integer plan: the limits that bind the whole-unit plan, priced by its LP relaxation — a re-plan in whole units may move by its MIP gap (${gap} of a stage's objective, or the stage's absolute precision where larger), more than a small step's price; budget lines are not re-planned (what 1亿元 buys in whole units: plan with an overlay and simulate compare)`
        : "";
      const title = `explain: ${loaded.scenario.name}${layers}${method}`;
      const rows = await replanBudgetLines(solution, explainPlan(solution, tables), top, solver);
      writeProduct(explainText(rows, top, title, attainment.note, attainment.lines));
    });
}
