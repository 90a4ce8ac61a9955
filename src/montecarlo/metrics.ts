/**
 * What a draw records: each target's realised value, cumulative progress series for the summary
 * (per metric, region, programme and year), money paid and funding gaps per source and year, and
 * every uncertain input's drawn value (the regressors of the sensitivity analysis).
 *
 * Metric names are structured strings so shards stay self-describing:
 *   target|<id>                        realised target metric
 *   progress|<metric>|<region>|<program>|<year>
 *   paid|<source>|<year>    gap|<source>|<year>    gap_total
 *   input|<id>
 */
import { lastStartCompletedBy } from "../model/expressions.js";
import { metricCorrection } from "../model/recorded.js";
import type { ModelContext } from "../model/context.js";
import { householdPrograms } from "../scenario/householdPrograms.js";
import type { Target, TargetMetric } from "../scenario/types.js";

export interface MetricPart {
  lp: number;
  /** Starts of the first `upto` horizon years count (a cumulative metric always counts from the start). */
  upto: number;
  perUnit: number;
  /**
   * Constant from pre-horizon starts that complete inside the window, plus what recorded
   * households and completions add to the derived counts (certain in every draw).
   */
  constant: number;
}

export interface MetricDef {
  name: string;
  parts: MetricPart[];
}

export interface MetricLayout {
  targets: { id: string; atLeast: number; def: MetricDef }[];
  progress: MetricDef[];
  sources: string[];
  paymentYears: number[];
  inputs: string[];
  /** The inputs sensitivity.csv ranks: those the mode's draws act on (inputsActedOn.ts). */
  rankedInputs: string[];
  names: string[];
}

const METRICS: TargetMetric[] = ["started", "completed", "households_started", "households_completed"];

/** Defines how a cumulative metric over a region and programme is read off realised starts. */
export function metricDef(ctx: ModelContext, name: string, region: string, program: string, metric: TargetMetric, by: number): MetricDef {
  const { start } = ctx.scenario.horizon;
  const index = new Map(ctx.leafPrograms.map((lp, i) => [lp, i]));
  const parts: MetricPart[] = [];
  for (const lp of ctx.leafProgramsIn(region, [program])) {
    const perUnit = metric.startsWith("households") ? lp.leaf.householdsPerUnit : 1;
    const completes = metric.endsWith("completed");
    const last = completes ? lastStartCompletedBy(lp, by) : by;
    const upto = Math.max(0, Math.min(last, ctx.scenario.horizon.end) - start + 1);
    let constant = 0;
    if (completes) {
      for (const [year, units] of lp.preHorizonStarts) {
        const done = year + lp.program.spendProfile.length - 1;
        if (done >= start && done <= by) constant += units * perUnit;
      }
    }
    constant += metricCorrection(lp, metric, start, by);
    parts.push({ lp: index.get(lp)!, upto, perUnit, constant });
  }
  return { name, parts };
}

export function buildMetricLayout(ctx: ModelContext, inputIds: string[], rankedInputs: string[] = inputIds): MetricLayout {
  const scenario = ctx.scenario;
  const targets = scenario.targets.map((t: Target) => ({
    id: t.id,
    atLeast: t.atLeast,
    def: metricDef(ctx, `target|${t.id}`, t.region, t.program, t.metric, t.by),
  }));
  // Progress series for every (region, programme) a target names, and each root per programme;
  // households only of the programmes whose units hold them (householdPrograms.ts): a town's
  // households would be its towns again, read as households.
  const pairs = new Set<string>();
  for (const t of scenario.targets) pairs.add(`${t.region}|${t.program}`);
  for (const root of scenario.rootRegions) for (const p of scenario.programs) pairs.add(`${root}|${p.id}`);
  const households = householdPrograms(scenario);
  const progress: MetricDef[] = [];
  for (const pair of pairs) {
    const [region, program] = pair.split("|");
    for (const metric of METRICS) {
      if (metric.startsWith("households") && !households.has(program)) continue;
      for (const year of ctx.years) {
        progress.push(metricDef(ctx, `progress|${metric}|${region}|${program}|${year}`, region, program, metric, year));
      }
    }
  }
  const sources = scenario.sources.map((s) => s.id);
  const names = [
    ...targets.map((t) => t.def.name),
    ...progress.map((p) => p.name),
    ...sources.flatMap((s) => ctx.paymentYears.map((y) => `paid|${s}|${y}`)),
    ...sources.flatMap((s) => ctx.paymentYears.map((y) => `gap|${s}|${y}`)),
    "gap_total",
    ...inputIds.map((id) => `input|${id}`),
  ];
  return { targets, progress, sources, paymentYears: ctx.paymentYears, inputs: inputIds, rankedInputs, names };
}

/** Cumulative starts per leaf-programme: cum[lp · (H + 1) + k] = starts of its first k horizon years. */
export function cumulativeStarts(starts: Float64Array, horizonYears: number, cum: Float64Array): Float64Array {
  const H = horizonYears;
  for (let lp = 0, n = starts.length / H; lp < n; lp++) {
    let acc = 0;
    cum[lp * (H + 1)] = 0;
    for (let y = 0; y < H; y++) cum[lp * (H + 1) + y + 1] = acc += starts[lp * H + y];
  }
  return cum;
}

/** A metric's value from cumulative starts (see `cumulativeStarts`): one lookup per part. */
export function evaluateMetric(def: MetricDef, cum: Float64Array, horizonYears: number): number {
  let v = 0;
  for (const part of def.parts) v += cum[part.lp * (horizonYears + 1) + part.upto] * part.perUnit + part.constant;
  return v;
}
