/**
 * A row's value at a point, and whether the row holds the point. Used where prices come from a
 * different point than the plan written (a whole-unit plan is priced by its LP relaxation): a limit
 * is reported as binding only if it binds the plan itself.
 */
import type { Row } from "./types.js";

function rowActivity(row: Row, x: ArrayLike<number>): number {
  let sum = 0;
  for (const t of row.terms) sum += t.c * x[t.v];
  return sum;
}

/** On a bound to 1e-6 relative (at least 1e-6 absolute): the solver's tolerances are far tighter. */
function isTightAt(row: Row, x: ArrayLike<number>): boolean {
  const value = rowActivity(row, x);
  const near = (bound: number) => Number.isFinite(bound) && Math.abs(value - bound) <= 1e-6 * Math.max(1, Math.abs(bound));
  return near(row.lb) || near(row.ub);
}

/**
 * Tight with something in it: a share or cap of a place and year with nothing paid and nothing
 * due (0 ≤ 0) holds no plan back, however tight it is.
 */
export function bindsAt(row: Row, x: ArrayLike<number>): boolean {
  return isTightAt(row, x) && row.terms.some((t) => Math.abs(t.c * x[t.v]) > 1e-9);
}
