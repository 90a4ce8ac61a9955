/**
 * The stress tables, tidy (their columns in output/columns.ts):
 *   stress.csv          one row per (cut level, target): planned, attainment, shortfall, met and
 *                       the change against the 0 % baseline (`gained_vs_base` when it went up);
 *                       with --draws, beside P(met), `surer_after_cut` (the ↑ mark);
 *   stress_summary.csv  one row per cut level: stage-1 objective, government money used,
 *                       households lost and per 亿元 cut, regions losing and gaining most.
 * Lost quantities are "baseline minus this level", so positive numbers are losses.
 */
import { HALF_HOUSEHOLD, householdsLeftOutNote, isHouseholdGain } from "../format/householdsLost.js";
import type { Label } from "../format/labels.js";
import { round } from "../results/numbers.js";
import type { PlanTables, TargetRow } from "../results/types.js";
import { householdPrograms } from "../scenario/householdPrograms.js";
import type { Scenario, Target } from "../scenario/types.js";
import { shortfallObjective } from "../plan/planScenario.js";
import { basePlan, levelStatus, type StressLevel } from "./stress.js";
import { regionsHeldNear, startsHeldNear } from "./stressRegionsHeld.js";
import { surerAfterCut } from "./surerAfterCut.js";

/** The target's identity columns, exactly as in targets.csv. */
type TargetIdentity = Pick<
  TargetRow,
  "target" | "name" | "program" | "region" | "region_name" | "metric" | "by" | "kind" | "weight" | "target_value"
>;

export interface StressTargetRow extends TargetIdentity {
  cut: number;
  cut_label: string;
  status: string;
  planned: number | null;
  attainment: number | null;
  shortfall: number | null;
  met: boolean | null;
  planned_change_vs_base: number | null;
  gained_vs_base: boolean | null;
  [extra: string]: number | string | boolean | null;
}

export interface StressSummaryRow {
  cut: number;
  cut_label: string;
  status: string;
  targets_met: number | null;
  targets: number;
  shortfall_objective: number | null;
  budget_cut_yuan: number;
  government_used_yuan: number | null;
  government_change_yuan: number | null;
  households_lost: number | null;
  households_lost_per_100m_yuan: number | null;
  households_started_lost: number | null;
  regions_losing_most: string;
  regions_gaining_most: string;
  /** Whether the near stage held those regions near the 0 % plan (stressRegionsHeld.ts); null at 0 %, without a plan or households. */
  regions_held_near: boolean | null;
  /** Whether it held every programme's starts (stress_starts.csv), households or not; null at 0 % and without a plan. */
  starts_held_near: boolean | null;
  [extra: string]: number | string | boolean | null;
}

/** How many regions `regions_losing_most` and `regions_gaining_most` name. */
export const TOP_MOVING_REGIONS = 3;

export function stressTargetRows(levels: StressLevel[]): StressTargetRow[] {
  const { tables: baseTables, scenario } = basePlan(levels);
  const base = new Map(baseTables.targets.map((t) => [t.target, t]));
  const rows: StressTargetRow[] = [];
  for (const level of levels) {
    const status = levelStatus(level);
    const byId = new Map((level.planned?.tables.targets ?? []).map((t) => [t.target, t]));
    for (const t of scenario.targets) {
      const row = byId.get(t.id);
      const b = base.get(t.id);
      const change = row && b ? round(row.planned - b.planned, 4) : null;
      rows.push({
        cut: level.cut,
        cut_label: level.label,
        status,
        target: t.id,
        name: t.name,
        program: t.program,
        region: t.region,
        region_name: row?.region_name ?? b?.region_name ?? t.region,
        metric: t.metric,
        by: t.by,
        kind: t.kind,
        weight: t.weight,
        target_value: t.atLeast,
        planned: row?.planned ?? null,
        attainment: row?.attainment ?? null,
        shortfall: row?.shortfall ?? null,
        met: row?.met ?? null,
        planned_change_vs_base: change,
        // Re-balancing: a target can gain when a deeper cut shifts the optimum (docs/finance.md).
        gained_vs_base: change === null ? null : change > 1e-6 * Math.max(1, t.atLeast),
        ...(level.extras.targets?.[t.id] ?? {}),
      });
    }
  }
  // The ↑ of the printout and the report, for the CSV's and the workbook's readers: a rise with
  // nothing beside it to say why read as a benefit of the cut.
  for (const r of rows) if (typeof r.p_met === "number") r.surer_after_cut = surerAfterCut(r, rows);
  return rows;
}

export function stressSummaryRows(levels: StressLevel[]): StressSummaryRow[] {
  const base = basePlan(levels);
  const baseGov = governmentUsed(base.tables);
  // Only programmes whose units hold households count (householdPrograms.ts; plan.csv leaves the
  // others' households empty). A scenario with none counts none: empty figures, not 0.
  const households = householdPrograms(base.scenario);
  return levels.map((level) => {
    const status = levelStatus(level);
    const planned = status === "optimal" ? level.planned : null;
    const counted = planned !== null && households.size > 0;
    const gov = planned ? governmentUsed(planned.tables) : null;
    const lost = counted ? householdTargetsLost(base.scenario, base.tables.targets, planned.tables.targets) : null;
    const moved = counted ? regionsMovingMost(base.tables, planned.tables, TOP_MOVING_REGIONS) : null;
    // A level that starts more households than the 0 % plan has no loss to rate.
    const perHundredMillion = lost !== null && !isHouseholdGain(lost) && level.moneyCutYuan > 0 ? round(lost / (level.moneyCutYuan / 1e8), 4) : null;
    return {
      cut: level.cut,
      cut_label: level.label,
      status,
      targets_met: planned ? planned.tables.targets.filter((t) => t.met).length : null,
      targets: base.scenario.targets.length,
      shortfall_objective: planned ? round(shortfallObjective(planned), 9) : null,
      budget_cut_yuan: round(level.moneyCutYuan, 2),
      government_used_yuan: gov,
      government_change_yuan: gov === null ? null : round(gov - baseGov, 2),
      households_lost: lost,
      households_lost_per_100m_yuan: perHundredMillion,
      households_started_lost: counted ? round(total(householdsStartedByRegion(base.tables)) - total(householdsStartedByRegion(planned.tables)), 4) : null,
      regions_losing_most: moved ? formatMoves(moved.losing) : "",
      // Beside the losers, so that a cut which moves households between regions (households_lost
      // 0, one town −1,657户) reads as a move, not as a loss the total hides.
      regions_gaining_most: moved ? formatMoves(moved.gaining) : "",
      // Without the near stage (whole units, --confidence) the regions are one of many equally good plans'.
      regions_held_near: moved ? regionsHeldNear(level) : null,
      // Apart from households: a scenario of whole towns counts none, yet its towns swap between regions.
      starts_held_near: startsHeldNear(level),
      ...(level.extras.summary ?? {}),
    };
  });
}

/**
 * The note a stress run carries (printed, run.json's warnings, the report and the workbook) where
 * some programmes count households and others do not: which the households figures count. None
 * where every programme counts them, or none does (the tables then say no households are counted).
 */
export function householdsCountedNotes(scenario: Scenario): Label[] {
  const counted = householdPrograms(scenario);
  const left = scenario.programs.filter((p) => !counted.has(p.id));
  if (counted.size === 0 || left.length === 0) return [];
  return [householdsLeftOutNote(scenario.programs.filter((p) => counted.has(p.id)), left)];
}

export function governmentUsed(tables: PlanTables): number {
  return round(tables.funding.filter((f) => f.source_kind === "government").reduce((s, f) => s + f.amount_yuan, 0), 2);
}

/**
 * Σ over the outermost households targets (households_started / households_completed) of baseline
 * minus level planned. A households target whose leaves lie inside another one's (same programme
 * and metric: the county towns inside the province) is left out, so shared households count once.
 */
export function householdTargetsLost(scenario: Scenario, base: TargetRow[], level: TargetRow[]): number {
  const now = new Map(level.map((t) => [t.target, t.planned]));
  const counted = new Set(outermostHouseholdTargets(scenario).map((t) => t.id));
  let lost = 0;
  for (const t of base) if (counted.has(t.target)) lost += t.planned - (now.get(t.target) ?? 0);
  return round(lost, 4);
}

export function outermostHouseholdTargets(scenario: Scenario): Target[] {
  const leaves = (t: Target) => new Set(scenario.regions.find((r) => r.id === t.region)?.leaves ?? []);
  const hh = scenario.targets.filter((t) => t.metric.startsWith("households"));
  const inside = (a: Target, b: Target) => {
    if (a.program !== b.program || a.metric !== b.metric) return false;
    const la = leaves(a);
    const lb = leaves(b);
    const subset = [...la].every((l) => lb.has(l));
    if (!subset) return false;
    // Same leaves: keep the one with the latest `by` (it counts the most), then the first listed.
    return la.size < lb.size || b.by > a.by || (b.by === a.by && hh.indexOf(b) < hh.indexOf(a));
  };
  return hh.filter((a) => !hh.some((b) => b !== a && inside(a, b)));
}

/**
 * households_started over the horizon by leaf region (plan.csv), of the programmes that count
 * households: the rows whose households are not empty (householdPrograms.ts decides which, once,
 * where the plan is read off: a town's row has none).
 */
export function householdsStartedByRegion(tables: PlanTables): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of tables.plan) if (r.households_started !== null) out.set(r.region, (out.get(r.region) ?? 0) + r.households_started);
  return out;
}

export interface RegionMove {
  region: string;
  region_name: string;
  /** Households started over the horizon lost (losing) or gained (gaining) against the 0 % plan; > 0. */
  households: number;
}

/**
 * The `top` leaf regions with the largest loss, and those with the largest gain, of households
 * started against the 0 % plan, in the programmes that count households (householdsStartedByRegion):
 * a region that loses only a town loses no household. A change under half a household is the LP
 * re-balancing, not a move ("−0户").
 */
export function regionsMovingMost(base: PlanTables, level: PlanTables, top: number): { losing: RegionMove[]; gaining: RegionMove[] } {
  const before = householdsStartedByRegion(base);
  const after = householdsStartedByRegion(level);
  const names = new Map(base.plan.map((r) => [r.region, r.region_name]));
  const changes = [...before.keys()].map((region) => ({ region, lost: (before.get(region) ?? 0) - (after.get(region) ?? 0) }));
  const most = (sign: 1 | -1) => changes
    .map(({ region, lost }) => ({ region, region_name: names.get(region) ?? region, households: round(sign * lost, 4) }))
    .filter((r) => r.households >= HALF_HOUSEHOLD)
    .sort((a, b) => b.households - a.households || a.region.localeCompare(b.region))
    .slice(0, top);
  return { losing: most(1), gaining: most(-1) };
}

/** "guangzhou-urban:1234.5;shenzhen-urban:987" (ids, machine-readable). */
export function formatMoves(moves: RegionMove[]): string {
  return moves.map((m) => `${m.region}:${m.households}`).join(";");
}

function total(m: Map<string, number>): number {
  let s = 0;
  for (const v of m.values()) s += v;
  return s;
}
