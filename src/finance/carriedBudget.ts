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
 */
import type { Row } from "../model/types.js";
import type { BudgetRow, PlanTables } from "../results/types.js";

/** The budgets.csv row of a budget's model row (undefined for any other row). */
export function budgetEntry(row: Row, tables: PlanTables): BudgetRow | undefined {
  const r = row.ref;
  if (r.family !== "budgets") return undefined;
  return tables.budgets.find((b) => b.source === r.source && b.region === r.region && b.year === r.year);
}

/**
 * The budget — same source and place, a later year — in which the money `b` leaves unspent is used
 * up; null when `b` is used up itself, carries nothing on, or its money is never used up.
 */
export function runsOutIn(b: BudgetRow, tables: PlanTables): BudgetRow | null {
  let at = b;
  while (!at.binding && at.carried_out_yuan > 0) {
    const year = at.year + 1;
    const next = tables.budgets.find((x) => x.source === b.source && x.region === b.region && x.year === year);
    if (!next) return null;
    at = next;
  }
  return at !== b && at.binding ? at : null;
}

/**
 * Whether budget `b` binds the plan written: its year's money used up (budgets.csv's `binding`), or
 * carried on to a year where it runs out and priced alike there (every price budgets.csv lists, to a
 * millionth). Prices from a plan's own LP always are; a whole-unit plan's relaxation need not be.
 */
export function bindsThePlan(b: BudgetRow, tables: PlanTables): boolean {
  if (b.binding) return true;
  const end = runsOutIn(b, tables);
  return end !== null && samePrices(b, end);
}

function samePrices(a: BudgetRow, b: BudgetRow): boolean {
  const alike = (x: number, y: number) => Math.abs(x - y) <= 1e-6 * Math.max(Math.abs(x), Math.abs(y)) + 1e-9;
  return alike(a.cost_saved_per_yuan, b.cost_saved_per_yuan)
    && alike(a.shadow_price_score_per_100m_yuan, b.shadow_price_score_per_100m_yuan)
    && alike(a.shadow_price_units_per_100m_yuan, b.shadow_price_units_per_100m_yuan);
}
