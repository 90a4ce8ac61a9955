/**
 * `simulate FILE` (alias `simulate plan FILE`): plan a scenario and write its results folder; with
 * --draws or --precision, also run Monte Carlo over the plan (see docs/monte-carlo.md).
 */
import { availableParallelism } from "node:os";
import type { Command } from "commander";
import type { McRunInfo, McTables } from "../../montecarlo/mcFiles.js";
import type { McMode, MonteCarloRequest } from "../../montecarlo/monteCarlo.js";
import { allTargetsMetLine, countsWholeUnits, formatProbability, formatTargetRange } from "../../format/numbers.js";
import { simulate } from "../../pipeline.js";
import { allOrUsageError, exitCodeForStatus, SolverFailure, UsageError } from "../errors.js";
import { addCalibrationOptions, confidenceRequest } from "../confidenceOptions.js";
import { interruptible } from "../interrupt.js";
import { ALLOW_OUTSIDE_HELP, collect, number, parseSolverOption, STRICT_HELP } from "../options.js";
import { progressBar } from "../progress.js";
import { planSummary } from "../summary.js";
import { noMarginNote, withoutMargin } from "../../montecarlo/withoutMargin.js";

export function registerPlan(program: Command): void {
  const command = program
    .command("plan <file>", { isDefault: true })
    .description("plan a scenario: starts, funds per source, budgets, capacity, targets → results folder")
    .option("--with <overlay>", "overlay scenario file, applied in order (repeatable)", collect, [])
    .option("--allow-outside <folder>", ALLOW_OUTSIDE_HELP, collect, [])
    .option("--solver <name>", "auto | highs | jslp", "auto")
    .option("-o, --out <dir>", "results folder (default results/<scenario name>)")
    .option("--force", "replace an existing results folder")
    .option("--no-bom", "write CSV without the UTF-8 byte-order mark")
    .option("--no-xlsx", "do not write results.xlsx")
    .option("--strict", STRICT_HELP)
    .option("--quiet", "print nothing on success (and no progress bar)")
    .option("--draws <n>", "Monte Carlo: number of draws (with --precision: the most to run)")
    .option("--precision <se>", "Monte Carlo: draw in batches of 1000 until every P(met), and P(all targets met), has standard error ≤ se (e.g. 0.01)")
    .option("--mode <mode>", "Monte Carlo: evaluate (execute the plan) | reoptimize (re-plan every draw with foresight) | replan (re-plan after every simulated year)")
    .option("--seed <n>", "Monte Carlo master seed (default: uncertainty.seed, then the scenario's seed)")
    .option("--workers <n>", "Monte Carlo worker threads (default: all cores)")
    .option("--shard <k/n>", "Monte Carlo: run only slice k of n of the draws (merge with `simulate merge`)")
    .option("--save-draws", "Monte Carlo: also write draws.csv (one row per draw)")
    .option("--confidence <p>", "plan every target to be met with at least this probability under the scenario's uncertainty (e.g. 0.9; docs/confidence.md)");
  addCalibrationOptions(command)
    .action(async (file: string, opts) => {
      const [solver, monteCarlo, confidence] = allOrUsageError(
        () => parseSolverOption(opts.solver),
        () => monteCarloRequest(opts),
        () => confidenceRequest(opts, !opts.quiet && process.stderr.isTTY),
      );
      const bar = progressBar({ quiet: opts.quiet, openEnded: monteCarlo?.precision !== undefined });
      if (monteCarlo) monteCarlo.onProgress = (done, total) => bar.update(done, total);
      const run = (signal?: AbortSignal) => simulate(file, {
        overlays: opts.with,
        allowOutside: opts.allowOutside,
        solver,
        out: opts.out,
        force: opts.force,
        bom: opts.bom,
        xlsx: opts.xlsx,
        strict: opts.strict,
        monteCarlo: monteCarlo && { ...monteCarlo, signal },
        confidence,
      });
      const outcome = await (monteCarlo ? interruptible(run) : run()).finally(() => bar.finish());
      if (outcome.solution.status === "error") throw new SolverFailure(outcome.solution.message ?? "solver failed");
      if (outcome.solution.status === "infeasible") {
        process.stderr.write(planSummary(outcome));
        process.exitCode = exitCodeForStatus("infeasible");
        return;
      }
      if (opts.quiet) return;
      process.stdout.write(planSummary(outcome));
      if (outcome.monteCarlo) {
        const seconds = outcome.runJson.timings_seconds.monte_carlo;
        const integer = new Set(outcome.loaded.scenario.programs.filter((p) => p.integer).map((p) => p.id));
        process.stdout.write(monteCarloSummary(outcome.monteCarlo.info, outcome.monteCarlo.tables, seconds, outcome.confidence !== null, integer));
      }
    });
}

const MC_ONLY = ["mode", "seed", "workers", "shard", "saveDraws"] as const;
const FLAG: Record<(typeof MC_ONLY)[number], string> = {
  mode: "--mode", seed: "--seed", workers: "--workers", shard: "--shard", saveDraws: "--save-draws",
};

/** The Monte Carlo part of the command line, or undefined when no draws are asked for. */
export function monteCarloRequest(opts: Record<string, unknown>): MonteCarloRequest | undefined {
  if (opts.draws === undefined && opts.precision === undefined) {
    const stray = MC_ONLY.find((k) => opts[k] !== undefined);
    if (stray) throw new UsageError(`${FLAG[stray]} applies to Monte Carlo: add --draws N or --precision P`);
    return undefined;
  }
  const [draws, precision, seed, workers, shard] = allOrUsageError(
    () => (opts.draws === undefined ? undefined : number("--draws", opts.draws)),
    () => (opts.precision === undefined ? undefined : number("--precision", opts.precision)),
    () => (opts.seed === undefined ? undefined : number("--seed", opts.seed)),
    () => (opts.workers === undefined ? availableParallelism() : number("--workers", opts.workers)),
    () => (opts.shard === undefined ? undefined : shardSpec(String(opts.shard))),
  );
  return { mode: (opts.mode as McMode | undefined) ?? "evaluate", draws, precision, seed, workers, shard, saveDraws: Boolean(opts.saveDraws) };
}

function shardSpec(text: string): { k: number; n: number } {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) throw new UsageError(`--shard expects k/n, e.g. 2/8 (got "${text}")`);
  return { k: Number(m[1]), n: Number(m[2]) };
}

/**
 * The lines printed after a Monte Carlo run (or a shard, or a merge). `confidencePlan`: the plan
 * was planned to a confidence level (its summary already says what holds a target back).
 * `integerPrograms`: programmes planned in whole units, whose targets' P10–P90 print whole.
 */
export function monteCarloSummary(
  info: McRunInfo, tables: McTables | null, seconds: number | undefined, confidencePlan = false, integerPrograms: ReadonlySet<string> = new Set(),
): string {
  const lines: string[] = [];
  const rate = seconds && seconds > 0 ? `, ${Math.round(info.draws_used / seconds).toLocaleString("en-US")} draws/s` : "";
  const stop = info.precision === null ? "" : info.precision_reached === false
    ? ` (stopped at ${info.draws_requested === null ? "the most draws a run makes" : "the --draws cap"}, short of standard error ≤ ${info.precision}: see the warning)`
    : ` (stopped at standard error ≤ ${info.precision})`;
  const where = info.shard ? `, shard ${info.shard}: draws ${info.draw_range![0]}–${info.draw_range![1] - 1} of ${info.draws_requested}` : "";
  lines.push(`Monte Carlo (${info.mode}): ${info.draws_used.toLocaleString("en-US")} draws${stop}${where}, seed ${info.seed} (${info.seed_from})${rate}`);
  if (!tables) {
    lines.push(`  statistics come from merging all shards: simulate merge <shard folders…> --out <dir>`);
    return lines.join("\n") + "\n";
  }
  for (const t of tables.targets) {
    const driver = tables.sensitivity.find((s) => s.output === `target:${t.target}` && s.rank === 1 && Number.isFinite(s.spearman_rho));
    const why = driver && Math.abs(driver.spearman_rho) >= 0.1 ? `; most sensitive to ${driver.input} (ρ ${driver.spearman_rho.toFixed(2)})` : "";
    const range = formatTargetRange(t.p10, t.p90, countsWholeUnits(t.metric, integerPrograms.has(t.program)));
    lines.push(`  P(met) ${t.target}: ${formatProbability(t.p_met, t.p_met_se, info.draws_used)} (planned ${t.met ? "met" : "missed"}; P10–P90 ${range})${why}`);
  }
  // "Are the targets met?" is joint: the share of draws meeting every target, under any single one's.
  const all = tables.allTargetsMet;
  if (all && tables.targets.length > 1) lines.push(allTargetsMetLine([all], info.draws_used));
  const exact = withoutMargin(tables.targets, info.mode, confidencePlan);
  if (exact.length > 0) {
    lines.push(`  ${noMarginNote(exact.map((t) => t.target))}`);
  }
  return lines.join("\n") + "\n";
}
