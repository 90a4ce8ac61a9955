/**
 * Every budget amount of a merged scenario with its YAML path, in yuan: what the unit-slip checks
 * (plausibility.ts, unitSlips.ts) judge.
 */
import type { PathKey } from "./positions.js";
import { parseAmount } from "./units.js";

export interface BudgetAmount {
  path: PathKey[];
  yuan: number;
  government: boolean;
  /** The budget record (one source and region) it belongs to: `sources[i].budgets[j]`. */
  record: string;
  /** The record's region as written, and the year (undefined for `per_year`): what a note quotes. */
  region: string;
  year?: string;
  /** Written without a unit (`46240`, not `46240万`): read as yuan unless a header gave the unit. */
  bare: boolean;
}

export function budgetAmounts(merged: unknown): BudgetAmount[] {
  const out: BudgetAmount[] = [];
  const sources = (merged as { sources?: unknown })?.sources;
  if (!Array.isArray(sources)) return out;
  sources.forEach((s, i) => {
    const government = (s as { kind?: unknown })?.kind === "government";
    const budgets = (s as { budgets?: unknown })?.budgets;
    if (!Array.isArray(budgets)) return;
    budgets.forEach((b, j) => {
      const record = b as { per_year?: unknown; by_year?: unknown; region?: unknown };
      const region = String(record?.region ?? "");
      const add = (path: PathKey[], value: unknown, year?: string) => {
        const yuan = parseAmount(value);
        const bare = typeof value === "number" || (typeof value === "string" && !/[万亿]/.test(value));
        if (yuan !== null) out.push({ path, yuan, government, record: `${i}|${j}`, region, bare, ...(year === undefined ? {} : { year }) });
      };
      if (record?.per_year !== undefined) add(["sources", i, "budgets", j, "per_year"], record.per_year);
      if (record?.by_year && typeof record.by_year === "object") {
        for (const [year, value] of Object.entries(record.by_year)) add(["sources", i, "budgets", j, "by_year", year], value, year);
      }
    });
  });
  return out;
}

/** The middle value of `values` (the upper one of an even count), or NaN for none. */
export function medianOf(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.floor(sorted.length / 2)];
}
