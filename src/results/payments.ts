/**
 * What each funds column is reported to pay (funding.csv's `amount_yuan`): yuan to the fen, solver
 * noise under a yuan written as 0 (REPORT_TOLERANCE), rounded together (fenRounding.ts) so that the
 * sums the tables take of them are their exact sums rounded: a year's payments for a leaf and
 * programme (plan.csv's cost due: a whole town reads its cost), and the payments out of each budget,
 * in its year and, for money carried over, from the first year of the carry on (budgets.csv's used
 * and carried money: a budget spent to the yuan reads spent, never a fen over, and what it carries
 * is never less than 0).
 */
import { type ModelContext, MONEY_UNIT } from "../model/context.js";
import { carryRecorded } from "./carry.js";
import { roundToFen } from "./fenRounding.js";
import { REPORT_TOLERANCE } from "./tolerance.js";

/** Reported yuan per model column: the payment of each funds column, 0 for every other column. */
export function reportedPayments(ctx: ModelContext, primal: Float64Array): Float64Array {
  const columns: number[] = [];
  const rows: number[][] = [];
  const cellOf = new Map<number, number>();
  for (const lp of ctx.leafPrograms) {
    ctx.paymentYears.forEach((_, y) => {
      const row: number[] = [];
      ctx.scenario.sources.forEach((_, s) => {
        const v = ctx.index.fundsCol(lp.index, y, s);
        if (v < 0) return;
        cellOf.set(v, columns.length);
        row.push(columns.length);
        columns.push(v);
      });
      rows.push(row);
    });
  }
  const yuan = columns.map((v) => {
    const x = primal[v] * MONEY_UNIT;
    return Math.abs(x) < REPORT_TOLERANCE.yuan ? 0 : x;
  });
  const rounded = roundToFen(yuan, rows, budgetGroups(ctx, cellOf));
  const paid = new Float64Array(primal.length);
  columns.forEach((v, i) => (paid[v] = rounded[i]));
  return paid;
}

/**
 * The payments out of each budget entry in its year and, where money is carried into it, together with
 * those of the years it came from (back to the first year or a carry the scenario records): the
 * money carried is what those years left, so their sum is what must stay within their budgets.
 */
function budgetGroups(ctx: ModelContext, cellOf: ReadonlyMap<number, number>): number[][] {
  const { budgetRows } = ctx.index;
  const groups: number[][] = [];
  const sinceCarry = new Map<number, number[]>(); // carry column → the payments of the years it carries
  for (const b of budgetRows) {
    const row = ctx.model.rows[b.row];
    const year = row.terms.flatMap((t) => (cellOf.has(t.v) ? [cellOf.get(t.v)!] : []));
    groups.push(year);
    const before = b.carryIn >= 0 ? sinceCarry.get(b.carryIn) : undefined;
    const since = before ? [...before, ...year] : year;
    if (before) groups.push(since);
    if (b.carryOut >= 0 && !carryRecorded(ctx, b.carryOut)) sinceCarry.set(b.carryOut, since);
  }
  return groups;
}
