/**
 * stress_starts.csv: per cut level, leaf region and programme, the units (and households) started
 * over the horizon in the level's plan beside the 0 % plan's — the whole answer to "which 街道 lose
 * which projects", where stress_summary.csv names only the few regions losing or gaining most
 * households. Tidy, as stress_funding.csv: one row per level, region and programme, the same header
 * for every scenario.
 */
import { round } from "../results/numbers.js";
import type { PlanTables } from "../results/types.js";
import { levelStatus, type StressLevel } from "./stress.js";

export const STRESS_STARTS_FILE = "stress_starts.csv";

export interface StressStartsRow {
  cut: number;
  cut_label: string;
  status: string;
  region: string;
  region_name: string;
  program: string;
  program_name: string;
  /** plan.csv's units_started summed over the horizon (actual starts included); null without a plan. */
  units_started: number | null;
  /** The same in the 0 % plan; null where the 0 % level has no plan. */
  units_started_base: number | null;
  /** units_started − units_started_base (negative = started less); null where either is. */
  units_started_change: number | null;
  /** plan.csv's households_started summed likewise; null without a plan and for a programme whose units hold no households. */
  households_started: number | null;
  households_started_base: number | null;
  households_started_change: number | null;
}

/** The row's key with the names beside it, as plan.csv writes them. */
type StartsKey = Pick<StressStartsRow, "region" | "region_name" | "program" | "program_name">;

interface Starts {
  key: StartsKey;
  units: number;
  /** null where plan.csv leaves the programme's households empty (its units hold none). */
  households: number | null;
}

/**
 * Every (leaf region, programme) of plan.csv at every level, in plan.csv's order; a level without a
 * plan keeps its rows, with its own figures and the changes empty and the 0 % plan's beside them,
 * so every level has the same rows and a filter by region shows all of them.
 */
export function stressStartsRows(levels: StressLevel[]): StressStartsRow[] {
  const starts = levels.map((l) => (levelStatus(l) === "optimal" ? startsOver(l.planned!.tables) : null));
  const keys = new Map<string, Starts>();
  for (const s of starts) for (const [key, row] of s ?? []) if (!keys.has(key)) keys.set(key, row);
  const base = starts[0];
  // A planned level without a row of the key starts nothing there.
  const none = (first: Starts): Starts => ({ ...first, units: 0, households: first.households === null ? null : 0 });
  const change = (a: number | null | undefined, b: number | null | undefined, digits: number) => (a == null || b == null ? null : round(a - b, digits));
  return levels.flatMap((level, i) => [...keys].map(([key, first]) => {
    const now = starts[i] ? starts[i]!.get(key) ?? none(first) : null;
    const before = base ? base.get(key) ?? none(first) : null;
    return {
      cut: level.cut,
      cut_label: level.label,
      status: levelStatus(level),
      ...first.key,
      units_started: now?.units ?? null,
      units_started_base: before?.units ?? null,
      units_started_change: change(now?.units, before?.units, UNIT_DIGITS),
      households_started: now?.households ?? null,
      households_started_base: before?.households ?? null,
      households_started_change: change(now?.households, before?.households, HOUSEHOLD_DIGITS),
    };
  }));
}

/** plan.csv's precision: units to a millionth, households to 4 decimals. */
const UNIT_DIGITS = 6;
const HOUSEHOLD_DIGITS = 4;

/** plan.csv's starts per (region, programme), summed over its years (the tail years start nothing). */
function startsOver(tables: PlanTables): Map<string, Starts> {
  const out = new Map<string, Starts>();
  for (const r of tables.plan) {
    const key = `${r.region}\u0000${r.program}`;
    let s = out.get(key);
    if (!s) out.set(key, (s = { key: { region: r.region, region_name: r.region_name, program: r.program, program_name: r.program_name }, units: 0, households: null }));
    s.units = round(s.units + r.units_started, UNIT_DIGITS);
    if (r.households_started !== null) s.households = round((s.households ?? 0) + r.households_started, HOUSEHOLD_DIGITS);
  }
  return out;
}
