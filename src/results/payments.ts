/**
 * What each funds column is reported to pay (funding.csv's `amount_yuan`): yuan to the fen, solver
 * noise under a yuan written as 0 (REPORT_TOLERANCE) and added to the largest payment of its row (a
 * whole town paid 9,999,999.76 by the county and 0.24 of noise by another source reads its cost,
 * 10,000,000), rounded together (fenRounding.ts, year by year) so that the sums the tables take of
 * them are their exact sums rounded: a year's payments for a leaf and programme (plan.csv's cost due:
 * a whole town reads its cost), and the payments out of each budget, in its year and, for money
 * carried over, from the first year of the carry on (budgets.csv's used and carried money: a budget
 * spent to the yuan reads spent, never a fen over, and what it carries is never less than 0). A sum
 * the rounding could not hold is returned as a note for diagnostics.csv.
 */
import { type ModelContext, MONEY_UNIT } from "../model/context.js";
import { carryRecorded } from "./carry.js";
import { roundedToFen, type UnheldSum } from "./fenRounding.js";
import { type RoundingNote, roundingNote } from "./roundingNotes.js";
import { REPORT_TOLERANCE } from "./tolerance.js";

export interface ReportedPayments {
  /** Reported yuan per model column: the payment of each funds column, 0 for every other column. */
  paid: Float64Array;
  /** Sums the rounding could not hold within a fen (none in any table the engine is known to make). */
  notes: RoundingNote[];
}

export function reportedPayments(ctx: ModelContext, primal: Float64Array): ReportedPayments {
  const columns: number[] = [];
  const rows: number[][] = [];
  const rowKeys: { lp: number; year: number }[] = [];
  const stages: number[] = []; // each payment's year: rounded year by year, a carry's money closing in its last
  const cellOf = new Map<number, number>();
  for (const lp of ctx.leafPrograms) {
    ctx.paymentYears.forEach((year, y) => {
      const row: number[] = [];
      ctx.scenario.sources.forEach((_, s) => {
        const v = ctx.index.fundsCol(lp.index, y, s);
        if (v < 0) return;
        cellOf.set(v, columns.length);
        row.push(columns.length);
        columns.push(v);
        stages.push(y);
      });
      rows.push(row);
      rowKeys.push({ lp: lp.index, year });
    });
  }
  const yuan = columns.map((v) => primal[v] * MONEY_UNIT);
  for (const row of rows) noiseToLargest(yuan, row);
  const groups = budgetGroups(ctx, cellOf);
  const rounded = roundedToFen(yuan, rows, groups.map((g) => g.members), stages);
  const paid = new Float64Array(primal.length);
  columns.forEach((v, i) => (paid[v] = rounded.yuan[i]));
  const notes = rounded.unheld.map((u: UnheldSum) => {
    if (u.kind === "group") return roundingNote(ctx, { budget: groups[u.index].budget, firstYear: groups[u.index].firstYear }, u);
    return roundingNote(ctx, { lp: rowKeys[u.index].lp, year: rowKeys[u.index].year }, u);
  });
  return { paid, notes };
}

/**
 * Zeroes the row's payments under the reporting tolerance and adds what they were to its largest
 * payment (the first on ties), so the row's total — a whole unit's cost — stays what the plan pays;
 * a row of noise only reads 0.
 */
function noiseToLargest(yuan: number[], row: readonly number[]): void {
  let noise = 0;
  let largest = -1;
  for (const i of row) {
    if (Math.abs(yuan[i]) < REPORT_TOLERANCE.yuan) {
      noise += yuan[i];
      yuan[i] = 0;
    } else if (largest < 0 || Math.abs(yuan[i]) > Math.abs(yuan[largest])) largest = i;
  }
  if (largest >= 0) yuan[largest] += noise;
}

/**
 * The payments out of each budget entry in its year and, where money is carried into it, together with
 * those of the years it came from (back to the first year or a carry the scenario records): the
 * money carried is what those years left, so their sum is what must stay within their budgets.
 */
function budgetGroups(ctx: ModelContext, cellOf: ReadonlyMap<number, number>): { members: number[]; budget: number; firstYear: number }[] {
  const { budgetRows } = ctx.index;
  const groups: { members: number[]; budget: number; firstYear: number }[] = [];
  const sinceCarry = new Map<number, { members: number[]; firstYear: number }>(); // carry column → the payments of the years it carries
  budgetRows.forEach((b, k) => {
    const row = ctx.model.rows[b.row];
    const year = row.terms.flatMap((t) => (cellOf.has(t.v) ? [cellOf.get(t.v)!] : []));
    groups.push({ members: year, budget: k, firstYear: b.year });
    const before = b.carryIn >= 0 ? sinceCarry.get(b.carryIn) : undefined;
    const since = before ? { members: [...before.members, ...year], firstYear: before.firstYear } : { members: year, firstYear: b.year };
    if (before) groups.push({ ...since, budget: k });
    if (b.carryOut >= 0 && !carryRecorded(ctx, b.carryOut)) sinceCarry.set(b.carryOut, since);
  });
  return groups;
}
