/**
 * `simulate stress --draws N [--seed S]`: Monte Carlo (evaluate mode) at every cut level with
 * common random numbers — the same seed and draw indices at every level, so a level's P(met)
 * differs from the baseline's because its plan and budgets differ, not because its worlds do. The
 * 0 % level is the base plan, so its figures equal `simulate FILE --draws N --seed S`. Plugs into
 * runStress's `onLevel` seam; the extra columns land in stress.csv (each target's P(met)) and
 * stress_summary.csv (P(all targets met), as plan's run.json monte_carlo.all_targets_met).
 */
import { runMonteCarlo } from "../montecarlo/monteCarlo.js";
import { allTargetsMet, targetStatistics } from "../montecarlo/tables.js";
import type { Uncertainty } from "../montecarlo/types.js";
import type { ExtraColumns, LevelHook } from "./stress.js";

export interface StressDraws {
  draws: number;
  seed: number;
  workers: number;
  onProgress?: (done: number, total: number) => void;
}

/** The hook; `more` adds further per-target columns of a level (e.g. its confidence calibration). */
export function monteCarloAtEveryLevel(uncertainty: Uncertainty, request: StressDraws, more?: LevelHook): LevelHook {
  return async (level) => {
    const extra = (await more?.(level)) || {};
    if (level.planned.solution.status !== "optimal") return extra;
    const run = await runMonteCarlo(level.planned.solution, uncertainty, {
      mode: "evaluate", draws: request.draws, seed: request.seed, workers: request.workers, onProgress: request.onProgress,
    });
    const stats = targetStatistics(run.layout, run.shard);
    const targets: Record<string, ExtraColumns> = {};
    for (const [id, s] of stats) targets[id] = { ...(extra.targets?.[id] ?? {}), p_met: s.p_met, p_met_se: s.p_met_se };
    // "Does this cut still meet the targets?" is joint: counted from the same draws, as plan counts it.
    const all = allTargetsMet(run.layout, run.shard);
    if (!all) return { ...extra, targets };
    return { ...extra, targets, summary: { ...(extra.summary ?? {}), p_all_targets_met: all.p_met, p_all_targets_met_se: all.p_met_se } };
  };
}
