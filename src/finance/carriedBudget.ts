/**
 * A budget that is not used up but still limits the plan. A source that carries over moves what a
 * year leaves unspent into the next (results/carry.ts): budgets.csv calls that year not binding —
 * money carried on is not a bound reached — yet more money in it is carried on to the year where
 * the source's money does run out, and spent there, so it has that year's price.
 *
 * A whole-unit plan is priced by its LP relaxation, which may spend the money otherwise: a county's
 * relaxation spent its 2025 money on a fraction of a town in 2025 and priced it at 5.55万 per 10万,
 * where the whole-unit plan carried it on to 2028, whose price is 0.17万 (a county planner's
 * review). Such a budget's relaxation price describes a use the plan does not make; it binds the
 * plan only when the relaxation prices it as the year its money runs out in.
 *
 * One rule for every table that lists what binds a plan: explain (budgets.csv's rows and prices) and
 * min_budget_binding.csv (min_budget.csv's plan, priced by the min-λ stage).
 */
import type { Row } from "../model/types.js";
import type { BudgetRow, PlanTables } from "../results/types.js";

/** What the rule reads of a budget entry of the plan written: its key, whether its year's money is spent, what it carries on. */
export interface CarryingBudget {
  source: string;
  region: string;
  year: number;
  /** The year's money (budget and carried in) spent, as budgets.csv and min_budget.csv say. */
  binding: boolean;
  carried_out_yuan: number;
}

/** The budgets.csv row of a budget's model row (undefined for any other row). */
export function budgetEntry(row: Row, tables: PlanTables): BudgetRow | undefined {
  return entryOfRow(row, tables.budgets);
}

/** The entry of `budgets` a budget's model row is (undefined for any other row). */
export function entryOfRow<B extends CarryingBudget>(row: Row, budgets: readonly B[]): B | undefined {
  const r = row.ref;
  if (r.family !== "budgets") return undefined;
  return budgets.find((b) => b.source === r.source && b.region === r.region && b.year === r.year);
}

/**
 * The budget — same source and place, a later year — in which the money `b` leaves unspent is used
 * up; null when `b` is used up itself, carries nothing on, or its money is never used up.
 */
export function runsOutIn<B extends CarryingBudget>(b: B, budgets: readonly B[]): B | null {
  let at = b;
  while (!at.binding && at.carried_out_yuan > 0) {
    const year = at.year + 1;
    const next = budgets.find((x) => x.source === b.source && x.region === b.region && x.year === year);
    if (!next) return null;
    at = next;
  }
  return at !== b && at.binding ? at : null;
}

/**
 * Whether budget `b` binds the plan written: its year's money used up, or carried on to a year
 * where it runs out and priced alike there (`pricedAlike`, of the two entries). Prices from a
 * plan's own LP always are; a whole-unit plan's relaxation need not be.
 */
export function bindsWithPrices<B extends CarryingBudget>(b: B, budgets: readonly B[], pricedAlike: (b: B, end: B) => boolean): boolean {
  if (b.binding) return true;
  const end = runsOutIn(b, budgets);
  return end !== null && pricedAlike(b, end);
}

/** budgets.csv's rule: every price it lists alike, to a millionth. */
export function bindsThePlan(b: BudgetRow, tables: PlanTables): boolean {
  return bindsWithPrices(b, tables.budgets, samePrices);
}

/** Two prices the same to a millionth (solver noise apart). */
export function alikePrice(x: number, y: number): boolean {
  return Math.abs(x - y) <= 1e-6 * Math.max(Math.abs(x), Math.abs(y)) + 1e-9;
}

function samePrices(a: BudgetRow, b: BudgetRow): boolean {
  return alikePrice(a.cost_saved_per_yuan, b.cost_saved_per_yuan)
    && alikePrice(a.shadow_price_score_per_100m_yuan, b.shadow_price_score_per_100m_yuan)
    && alikePrice(a.shadow_price_units_per_100m_yuan, b.shadow_price_units_per_100m_yuan);
}
