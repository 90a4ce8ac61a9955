/**
 * The Monte Carlo files of a results folder, rendered from a complete set of draws:
 *
 *   targets.csv     the planned columns unchanged, then p_met, p_met_se, p10, p50, p90
 *   mc_summary.csv  per metric, year, region, programme, source: draws, mean, sd, p5 … p95 (type 7)
 *   sensitivity.csv per input and output: spearman_rho, rank (tornado order)
 *   draws.csv       with --save-draws: one row per draw (targets, gap_total, inputs)
 *
 * Their columns are in output/columns.ts. Used by the pipeline (single run) and by `simulate merge`
 * (merged shards): both render from an OutcomeShard in draw order through these functions, which is
 * what makes them byte-identical.
 */
import { drawColumnsOf, MC_SUMMARY_COLUMNS, mcTargetColumnsOf, SENSITIVITY_COLUMNS } from "../output/columns.js";
import { type CsvOptions, toCsv } from "../output/csv.js";
import type { TargetRow } from "../results/types.js";
import type { OutcomeShard } from "../stats/outcomes.js";
import type { MetricLayout } from "./metrics.js";
import type { McMode } from "./types.js";
import {
  type AllTargetsMet, allTargetsMet, drawRows, type McSummaryRow, type McTargetColumns, type SensitivityRow, sensitivityRows, summaryRows, targetStatistics,
  withMonteCarlo,
} from "./tables.js";

/** The `monte_carlo` record of run.json. */
export interface McRunInfo {
  mode: McMode;
  seed: number;
  /** Where the seed came from: --seed, uncertainty.seed, the scenario's seed, or the default. */
  seed_from: string;
  draws_requested: number | null;
  draws_used: number;
  precision: number | null;
  /**
   * With --precision: false when the --draws cap stopped the run before every P(met) (and P(all
   * targets met)) reached it, with the proportion furthest from it (a target's id, or null for all
   * targets together) and its standard error; absent without --precision.
   */
  precision_reached?: boolean;
  precision_short?: { target: string | null; se: number };
  workers: number | null;
  /** "k/n" for a shard run, with its draws [first, end); null for a whole run. */
  shard: string | null;
  draw_range: [number, number] | null;
  inputs: number;
  quantiles: string;
  /**
   * P(all targets met) of the whole run (tables.ts allTargetsMet); absent from a shard's run.json,
   * whose statistics come from the merge. It lives here, not as a row of targets.csv, whose every
   * row is one target with its planned value and quantiles.
   */
  all_targets_met?: AllTargetsMet | null;
  /** For a merged run: the shard folders it was made from. */
  merged_from?: { folder: string; shard: string; workers: number | null }[];
}

export const QUANTILE_METHOD = "type 7 (R default, Excel PERCENTILE.INC, numpy linear)";

export interface McTables {
  targets: (TargetRow & McTargetColumns)[];
  /** P(all targets met): run.json's monte_carlo.all_targets_met. */
  allTargetsMet: AllTargetsMet | null;
  summary: McSummaryRow[];
  sensitivity: SensitivityRow[];
  /** Only with --save-draws. */
  draws: Record<string, number>[] | null;
  drawColumns: string[];
}

export interface McTableOptions {
  /** Region named on the money rows of mc_summary (sources' payments are province-wide totals). */
  rootRegion: string;
  saveDraws: boolean;
}

export function monteCarloTables(layout: MetricLayout, shard: OutcomeShard, planned: TargetRow[], options: McTableOptions): McTables {
  return {
    targets: withMonteCarlo(planned, targetStatistics(layout, shard)),
    allTargetsMet: allTargetsMet(layout, shard),
    summary: summaryRows(layout, shard, options.rootRegion),
    sensitivity: sensitivityRows(layout, shard),
    draws: options.saveDraws ? drawRows(layout, shard) : null,
    drawColumns: drawColumnsOf(layout),
  };
}

/** The files to add to (targets.csv: replace in) a plan's results folder. */
export function renderMonteCarloFiles(tables: McTables, options: CsvOptions): Record<string, string> {
  const files: Record<string, string> = {
    "targets.csv": toCsv(tables.targets, mcTargetColumnsOf(tables.targets), options),
    "mc_summary.csv": toCsv(tables.summary, MC_SUMMARY_COLUMNS, options),
    "sensitivity.csv": toCsv(tables.sensitivity, SENSITIVITY_COLUMNS, options),
  };
  if (tables.draws) files["draws.csv"] = toCsv(tables.draws, tables.drawColumns, options);
  return files;
}
