/**
 * Which compared values `compare` shows as changes, in its printout and in its report alike: not
 * the ranges where a price holds (`*_valid_from`, `*_valid_to`: where a price holds, not a quantity
 * of the plan), not shadow_prices.csv's price per a budget's own step, and not a value under a thousandth of its column's largest — a near-zero base,
 * whose relative change says nothing (0.0004 households → 0 is −100 %, bonds' 2026 utilisation
 * +187,432 %) and would lead the list.
 */

/** A value below this share of its column's largest (in any folder compared) is a near-zero base. */
export const MATERIAL = 1e-3;

/** Ranges of a price (where it holds), not quantities: their relative change is not a change of the plan. */
const RANGE_COLUMN = /_valid_(from|to)/;

/**
 * shadow_prices.csv's price per step and the step: a budget's step is its own (10万元 in one folder,
 * 1亿元 in the other), so 6,532 → 0.6532 can be the same price. budgets.csv's
 * shadow_price_units_per_100m_yuan compares a budget's price at one rate.
 */
const PER_OWN_STEP = new Set(["units_per_step", "step_amount"]);
const perOwnStep = (v: ChangeSize) => v.file === "shadow_prices.csv" && PER_OWN_STEP.has(v.column);

export interface ChangeSize {
  file: string;
  column: string;
  /** |value| in each folder compared (NaN or 0 where missing or not a number). */
  sizes: number[];
}

/**
 * The rows worth showing as changes. Pass every row of the tables, changed or not: a column's
 * largest value is taken over all of them.
 */
export function shownChanges<T>(rows: readonly T[], view: (row: T) => ChangeSize): T[] {
  const material = materialIn(rows, view);
  return rows.filter((row) => {
    const v = view(row);
    return !RANGE_COLUMN.test(v.column) && !perOwnStep(v) && material(v, size(v));
  });
}

/**
 * The rows whose relative change means something: their base (the first folder's value) is not
 * near zero by the same rule. A row can change by a material amount from a near-zero base
 * (households lost −0.0001 → 6,159): that is a change, but "+6159005100.0%" of nothing is not.
 */
export function withRelativeChange<T>(rows: readonly T[], view: (row: T) => ChangeSize): Set<T> {
  const material = materialIn(rows, view);
  return new Set(rows.filter((row) => {
    const v = view(row);
    const base = v.sizes[0];
    return Number.isFinite(base) && base > 0 && material(v, base);
  }));
}

function size(v: ChangeSize): number {
  return Math.max(0, ...v.sizes.filter(Number.isFinite));
}

/** Whether an amount is at least MATERIAL of its column's largest, over every row given. */
function materialIn<T>(rows: readonly T[], view: (row: T) => ChangeSize): (v: ChangeSize, amount: number) => boolean {
  const largest = new Map<string, number>();
  for (const row of rows) {
    const v = view(row);
    largest.set(`${v.file}|${v.column}`, Math.max(largest.get(`${v.file}|${v.column}`) ?? 0, size(v)));
  }
  return (v, amount) => amount >= MATERIAL * (largest.get(`${v.file}|${v.column}`) ?? 0);
}
