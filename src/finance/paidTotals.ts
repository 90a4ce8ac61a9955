/**
 * min_budget_funding.csv summed: government money and all money paid, today's plan → the plan at λ.
 * With --confidence the government part is the price of confidence (PRICE_OF_CONFIDENCE), which the
 * printout and the report headline beside the budgets to add (analyst s38).
 */
import { sumYuan } from "../results/numbers.js";

/** What a group of sources pays over the horizon in today's plan and in the plan at λ. */
export interface PaidTotals {
  today: number;
  atScale: number;
  change: number;
}

/** Null where today's budgets give no plan to compare with. Rows as the CSV or the run holds them. */
export function paidTotals(rows: readonly Partial<Record<"source_kind" | "today_used_yuan" | "used_yuan", unknown>>[]): { government: PaidTotals; all: PaidTotals } | null {
  if (rows.length === 0 || rows.some((r) => typeof r.today_used_yuan !== "number" || typeof r.used_yuan !== "number")) return null;
  const totals = (of: typeof rows): PaidTotals => {
    const today = sumYuan(of.map((r) => r.today_used_yuan as number));
    const atScale = sumYuan(of.map((r) => r.used_yuan as number));
    return { today, atScale, change: sumYuan([atScale, -today]) };
  };
  return { government: totals(rows.filter((r) => r.source_kind === "government")), all: totals(rows) };
}
