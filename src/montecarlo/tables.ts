/**
 * Statistics of a complete set of draws, as result tables: P(met) and quantiles per target,
 * mc_summary (per metric, year, region, programme, source) and sensitivity (Spearman ρ of every
 * input with each target's attainment and the total funding gap, in tornado order).
 * Everything is computed from the draws in draw order, so merged shards give identical tables.
 */
import { isMet, round } from "../results/numbers.js";
import type { TargetRow } from "../results/types.js";
import { averageRanks } from "../stats/averageRanks.js";
import { type OutcomeShard, series } from "../stats/outcomes.js";
import { pearson } from "../stats/pearson.js";
import { agrestiCoull } from "../stats/agrestiCoull.js";
import { precisionReached } from "../stats/precisionReached.js";
import { proportion } from "../stats/proportion.js";
import { summarise } from "../stats/summarise.js";
import { tornado } from "../stats/tornado.js";
import type { MetricLayout } from "./metrics.js";

export interface McTargetColumns {
  p_met: number;
  p_met_se: number;
  p10: number;
  p50: number;
  p90: number;
}

export interface McSummaryRow {
  metric: string;
  year: number;
  region: string;
  program: string;
  source: string;
  draws: number;
  mean: number;
  sd: number;
  p5: number;
  p10: number;
  p50: number;
  p90: number;
  p95: number;
}

export interface SensitivityRow {
  input: string;
  output: string;
  spearman_rho: number;
  /** Empty when ρ is undefined (an output or input that never varies). */
  rank: number | null;
}

export function metCount(values: Float64Array, atLeast: number): number {
  let met = 0;
  for (const v of values) if (isMet(atLeast - v, atLeast)) met++;
  return met;
}

export function targetStatistics(layout: MetricLayout, shard: OutcomeShard): Map<string, McTargetColumns> {
  const out = new Map<string, McTargetColumns>();
  for (const t of layout.targets) {
    const values = series(shard, t.def.name);
    const p = proportion(metCount(values, t.atLeast), values.length);
    const s = summarise(values, [0.1, 0.5, 0.9]);
    out.set(t.id, {
      p_met: round(p.p, 6),
      p_met_se: round(p.se, 6),
      p10: round(s.quantiles.p10, 4),
      p50: round(s.quantiles.p50, 4),
      p90: round(s.quantiles.p90, 4),
    });
  }
  return out;
}

/**
 * P(all targets met): the share of draws in which every target is met, each by the same rule as its
 * own P(met) (isMet within the plan's tolerance). "Are the targets met?" is a joint question, and the
 * targets' P(met) do not answer it: on Guangdong all four are met together in far fewer draws than
 * any one alone. Counted draw by draw from the complete shard (merged shards are in draw order), so
 * it is the same for any --workers or --shard split. null without targets.
 */
export interface AllTargetsMet {
  p_met: number;
  /** √(p(1 − p)/n), as p_met_se; 0 at p = 0 or 1, where the reports show the one-sided 95 % bound. */
  p_met_se: number;
  met_draws: number;
  draws: number;
}

export function allTargetsMet(layout: MetricLayout, shard: OutcomeShard): AllTargetsMet | null {
  if (layout.targets.length === 0) return null;
  const columns = layout.targets.map((t) => ({ values: series(shard, t.def.name), atLeast: t.atLeast }));
  const n = shard.draws.length;
  let met = 0;
  for (let k = 0; k < n; k++) if (columns.every((c) => isMet(c.atLeast - c.values[k], c.atLeast))) met++;
  const p = proportion(met, n);
  return { p_met: round(p.p, 6), p_met_se: round(p.se, 6), met_draws: met, draws: n };
}

export function withMonteCarlo(rows: TargetRow[], stats: Map<string, McTargetColumns>): (TargetRow & McTargetColumns)[] {
  return rows.map((r) => ({ ...r, ...stats.get(r.target)! }));
}

/** Draws in which each target was met, in layout order (additive over disjoint shards). */
function metCounts(layout: MetricLayout, shard: OutcomeShard): number[] {
  return layout.targets.map((t) => metCount(series(shard, t.def.name), t.atLeast));
}

/**
 * The counts `--precision` stops on (additive over disjoint shards): each target's met draws, then,
 * with more than one target, the draws meeting all of them (allTargetsMet). The run reports
 * P(all targets met) too, and its standard error is often the largest: two independent targets each
 * 85 % sure are met together in 72 % of draws, p(1 − p) 0.20 against 0.13.
 */
export function precisionCounts(layout: MetricLayout, shard: OutcomeShard): number[] {
  const met = metCounts(layout, shard);
  return layout.targets.length > 1 ? [...met, allTargetsMet(layout, shard)!.met_draws] : met;
}

/**
 * True when every proportion counted (precisionCounts) has an Agresti–Coull standard error ≤
 * `precision`: with p̃ = (met + 2)/(n + 4), √(p̃(1 − p̃)/(n + 4)) ≤ precision (so 0 or n met out of
 * a few draws is not taken as certain).
 */
export function precisionReachedFor(met: number[], draws: number, precision: number): boolean {
  // 1.96 · se ≤ 1.96 · precision  ⇔  se ≤ precision
  return met.every((m) => precisionReached(m, draws, 1.96 * precision));
}

/** The proportion furthest from `--precision` when a run stopped at its --draws cap short of it. */
export interface PrecisionShortfall {
  /** A target's id, or null for P(all targets met). */
  target: string | null;
  /** Its Agresti–Coull standard error, the one `--precision` compares. */
  se: number;
}

/**
 * Of the proportions precisionCounts counts (met, in its order), the one with the largest
 * Agresti–Coull standard error, or null when every one is within `precision`.
 */
export function precisionShortfall(layout: MetricLayout, met: number[], draws: number, precision: number): PrecisionShortfall | null {
  if (precisionReachedFor(met, draws, precision)) return null;
  let worst: PrecisionShortfall | null = null;
  met.forEach((m, i) => {
    const se = agrestiCoull(m, draws).se;
    if (!worst || se > worst.se) worst = { target: i < layout.targets.length ? layout.targets[i].id : null, se };
  });
  return worst;
}

export function summaryRows(layout: MetricLayout, shard: OutcomeShard, rootRegion: string): McSummaryRow[] {
  const rows: McSummaryRow[] = [];
  const add = (name: string, key: Omit<McSummaryRow, "draws" | "mean" | "sd" | "p5" | "p10" | "p50" | "p90" | "p95">, digits: number) => {
    const s = summarise(series(shard, name));
    rows.push({
      ...key,
      draws: s.draws,
      mean: round(s.mean, digits),
      sd: round(s.sd, digits),
      p5: round(s.quantiles.p5, digits),
      p10: round(s.quantiles.p10, digits),
      p50: round(s.quantiles.p50, digits),
      p90: round(s.quantiles.p90, digits),
      p95: round(s.quantiles.p95, digits),
    });
  };
  for (const p of layout.progress) {
    const [, metric, region, program, year] = p.name.split("|");
    add(p.name, { metric, year: Number(year), region, program, source: "" }, 4);
  }
  for (const kind of ["paid", "gap"] as const) {
    for (const source of layout.sources) {
      for (const year of layout.paymentYears) {
        add(`${kind}|${source}|${year}`, { metric: kind === "paid" ? "paid_yuan" : "funding_gap_yuan", year, region: rootRegion, program: "", source }, 2);
      }
    }
  }
  return rows;
}

/**
 * Spearman ρ of every input the draws act on (layout.rankedInputs) with each target's realised
 * value and with the total funding gap, in tornado order (|ρ| descending, ties by input id,
 * undefined ρ — a constant input or output — last, written as an empty cell). Each series is
 * ranked once, not once per pair.
 */
export function sensitivityRows(layout: MetricLayout, shard: OutcomeShard): SensitivityRow[] {
  const outputs = [
    ...layout.targets.map((t) => ({ output: `target:${t.id}`, values: series(shard, t.def.name) })),
    { output: "funding_gap_total", values: series(shard, "gap_total") },
  ];
  const inputRanks = layout.rankedInputs.map((input) => averageRanks(series(shard, `input|${input}`)));
  const rows: SensitivityRow[] = [];
  for (const o of outputs) {
    const outputRanks = averageRanks(o.values);
    const entries = layout.rankedInputs.map((input, i) => ({ input, rho: round(pearson(inputRanks[i], outputRanks), 6) }));
    for (const e of tornado(entries)) rows.push({ input: e.input, output: o.output, spearman_rho: e.rho, rank: e.rank });
  }
  return rows;
}

/** draws.csv: one row per draw — each target's realised value, the total funding gap, each input (columns: drawColumnsOf). */
export function drawRows(layout: MetricLayout, shard: OutcomeShard): Record<string, number>[] {
  const columns: { name: string; values: Float64Array; digits: number }[] = [
    ...layout.targets.map((t) => ({ name: `target:${t.id}`, values: series(shard, t.def.name), digits: 4 })),
    { name: "gap_total", values: series(shard, "gap_total"), digits: 2 },
    ...layout.inputs.map((i) => ({ name: `input:${i}`, values: series(shard, `input|${i}`), digits: 6 })),
  ];
  return Array.from(shard.draws, (draw, k) => {
    const row: Record<string, number> = { draw };
    for (const c of columns) row[c.name] = round(c.values[k], c.digits);
    return row;
  });
}
