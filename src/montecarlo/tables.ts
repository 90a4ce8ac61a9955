/**
 * Statistics of a complete set of draws, as result tables: P(met) and quantiles per target,
 * mc_summary (per metric, year, region, programme, source) and sensitivity (Spearman ρ of every
 * input with each target's attainment and the total funding gap, in tornado order).
 * Everything is computed from the draws in draw order, so merged shards give identical tables.
 */
import { MET_TOLERANCE } from "../results/targets.js";
import { round } from "../results/extract.js";
import type { TargetRow } from "../results/types.js";
import { type OutcomeShard, series } from "../stats/outcomes.js";
import { precisionReached, proportion, spearman, summarise } from "../stats/summary.js";
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
  rank: number;
}

export function metCount(values: Float64Array, atLeast: number): number {
  let met = 0;
  for (const v of values) if (atLeast - v <= MET_TOLERANCE * Math.max(1, atLeast)) met++;
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

export function withMonteCarlo(rows: TargetRow[], stats: Map<string, McTargetColumns>): (TargetRow & McTargetColumns)[] {
  return rows.map((r) => ({ ...r, ...stats.get(r.target)! }));
}

/** True when every target's P(met) is known within `precision` (Agresti–Coull standard error). */
export function precisionMet(layout: MetricLayout, shard: OutcomeShard, precision: number): boolean {
  return layout.targets.every((t) => {
    const values = series(shard, t.def.name);
    // 1.96 · se ≤ 1.96 · precision  ⇔  se ≤ precision
    return precisionReached(metCount(values, t.atLeast), values.length, 1.96 * precision);
  });
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

export function sensitivityRows(layout: MetricLayout, shard: OutcomeShard): SensitivityRow[] {
  const outputs = [
    ...layout.targets.map((t) => ({ output: `target:${t.id}`, values: series(shard, t.def.name) })),
    { output: "funding_gap_total", values: series(shard, "gap_total") },
  ];
  const rows: SensitivityRow[] = [];
  for (const o of outputs) {
    const entries = layout.inputs.map((input) => {
      const rho = spearman(series(shard, `input|${input}`), o.values);
      return { input, rho: Number.isFinite(rho) ? round(rho, 6) : 0 };
    });
    entries.sort((a, b) => Math.abs(b.rho) - Math.abs(a.rho) || a.input.localeCompare(b.input));
    entries.forEach((e, i) => rows.push({ input: e.input, output: o.output, spearman_rho: e.rho, rank: i + 1 }));
  }
  return rows;
}
