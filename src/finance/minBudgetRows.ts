/**
 * min_budget.csv's rows and the totals run.json gives of them. Every amount is to the fen and every
 * figure derived from others is taken of them as written: the minimum is today's budget scaled by
 * the one rule for scaled budgets (cuts.ts), the change is minimum − today, used money never reads
 * more than minimum + carried in as written where the plan stays within them, and a scale's (and the
 * run's) totals are the sums of its rows, so the file adds up to run.json to the fen.
 */
import { MONEY_UNIT } from "../model/context.js";
import type { Namer } from "../plan/describe.js";
import { fen, isBinding, reportYuan, round, sumYuan } from "../results/numbers.js";
import type { Source } from "../scenario/types.js";
import { scaledAmount } from "./cuts.js";

export interface MinBudgetRow {
  source: string;
  source_name: string;
  source_kind: string;
  region: string;
  region_name: string;
  year: number;
  budget_yuan: number;
  scale: number;
  min_budget_yuan: number;
  change_yuan: number;
  /** Money of the source and place the year before left for this year (carryover sources), yuan. */
  carried_in_yuan: number;
  used_yuan: number;
  binding: boolean;
}

/**
 * One min_budget.csv row: a selected budget today (`today`, yuan) and at scale λ, what the plan
 * brings in from the year before and uses (万元). Binding as in budgets.csv: the money the year has
 * (the scaled budget and what was carried in) is spent — carrying money on is not reaching a bound,
 * and a year with nothing to spend holds nothing back. Shared with min-budget --confidence, so the
 * columns follow one reporting rule with and without it.
 */
export function minBudgetRow(namer: Namer, source: Source, region: string, year: number, today: number, scale: number, money: { used: number; carriedIn: number }): MinBudgetRow {
  const budget = round(today, 2);
  const min = scaledAmount(today, scale);
  const carriedIn = reportYuan(money.carriedIn);
  return {
    source: source.id,
    source_name: source.name,
    source_kind: source.kind,
    region,
    region_name: namer.name("region", region),
    year,
    budget_yuan: budget,
    scale: round(scale, 9),
    min_budget_yuan: min,
    change_yuan: (fen(min) - fen(budget)) / 100,
    carried_in_yuan: carriedIn,
    used_yuan: usedWithin(money.used, fen(min) + fen(carriedIn), (today * scale) / MONEY_UNIT + money.carriedIn),
    binding: isBinding(min / MONEY_UNIT + money.carriedIn, money.used),
  };
}

/** Today's and the minimum budget of the rows a scale applies to (`year` null: every row), summed as written. */
export function rowTotals(rows: readonly MinBudgetRow[], year: number | null): { budget_yuan: number; min_budget_yuan: number } {
  const of = rows.filter((r) => year === null || r.year === year);
  return { budget_yuan: sumYuan(of.map((r) => r.budget_yuan)), min_budget_yuan: sumYuan(of.map((r) => r.min_budget_yuan)) };
}

export function byYearSourceRegion(a: MinBudgetRow, b: MinBudgetRow): number {
  return a.year - b.year || a.source.localeCompare(b.source) || a.region.localeCompare(b.region);
}

/**
 * Used money (万元) as written, to the fen — but where the plan stays within its money (`exact`,
 * 万元: the scaled budget and what was carried in, unrounded) to half a fen, never more than that
 * money as written (`written`, fen: min_budget_yuan + carried_in_yuan): each rounded on its own, a
 * spent budget read "used 100.01 of 100.00 + 0.00 carried in". A plan over it (whole units at the
 * breaking point, docs/model.md) reads over.
 */
function usedWithin(used: number, written: number, exact: number): number {
  const usedFen = fen(reportYuan(used));
  const over = (used - exact) * MONEY_UNIT * 100;
  return (usedFen > written && over <= 0.5 ? written : usedFen) / 100;
}
