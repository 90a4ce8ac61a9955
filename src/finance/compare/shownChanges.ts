/**
 * Which compared values `compare` shows as changes, in its printout and in its report alike: not
 * the ranges where a price holds (`*_valid_from`, `*_valid_to`: where a price holds, not a quantity
 * of the plan), and not a value under a thousandth of its column's largest — a near-zero base,
 * whose relative change says nothing (0.0004 households → 0 is −100 %, bonds' 2026 utilisation
 * +187,432 %) and would lead the list.
 */

/** A value below this share of its column's largest (in any folder compared) is a near-zero base. */
export const MATERIAL = 1e-3;

/** Ranges of a price (where it holds), not quantities: their relative change is not a change of the plan. */
const RANGE_COLUMN = /_valid_(from|to)/;

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
  const views = rows.map(view);
  const size = (v: ChangeSize) => Math.max(0, ...v.sizes.filter(Number.isFinite));
  const largest = new Map<string, number>();
  for (const v of views) largest.set(`${v.file}|${v.column}`, Math.max(largest.get(`${v.file}|${v.column}`) ?? 0, size(v)));
  return rows.filter((_, i) => {
    const v = views[i];
    return !RANGE_COLUMN.test(v.column) && size(v) >= MATERIAL * (largest.get(`${v.file}|${v.column}`) ?? 0);
  });
}
