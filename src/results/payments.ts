/**
 * What each funds column is reported to pay (funding.csv's `amount_yuan`): yuan to the fen, solver
 * noise under a yuan written as 0 (REPORT_TOLERANCE) and added to the largest payment of its row
 * that its budgets have room for (paymentNoise.ts), rounded together (fenRounding.ts, year by year)
 * so that the sums the tables take of them are their exact sums rounded: a year's payments for a
 * leaf and programme (plan.csv's cost due: a whole town reads its cost), and the payments out of each
 * budget, in its year and, for money carried over, from the first year of the carry on (budgets.csv's
 * used and carried money: a budget spent to the yuan reads spent, never a fen over, and what it
 * carries is never less than 0). A sum the rounding could not hold is returned as a note for
 * diagnostics.csv.
 */
import { type ModelContext, MONEY_UNIT } from "../model/context.js";
import { carryRecorded } from "./carry.js";
import { roundedToFen, type UnheldSum } from "./fenRounding.js";
import { moveNoise } from "./paymentNoise.js";
import { type RoundingNote, roundingNote } from "./roundingNotes.js";

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
  const groups = budgetGroups(ctx, cellOf);
  moveNoise(yuan, rows, groups);
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
 * The payments out of each budget entry in its year and, where money is carried into it, together with
 * those of the years it came from (back to the first year or a carry the scenario records): the
 * money carried is what those years left, so their sum is what must stay within their budgets. Each
 * with the money it has in yuan (null for a year whose carried-in money the plan decides: its
 * payments since the carry began are held to their budgets instead).
 */
function budgetGroups(ctx: ModelContext, cellOf: ReadonlyMap<number, number>): BudgetGroup[] {
  const { budgetRows } = ctx.index;
  const groups: BudgetGroup[] = [];
  const sinceCarry = new Map<number, Omit<BudgetGroup, "budget">>(); // carry column → the payments of the years it carries
  budgetRows.forEach((b, k) => {
    const row = ctx.model.rows[b.row];
    const year = row.terms.flatMap((t) => (cellOf.has(t.v) ? [cellOf.get(t.v)!] : []));
    const before = b.carryIn >= 0 ? sinceCarry.get(b.carryIn) : undefined;
    const recorded = b.carryIn >= 0 && carryRecorded(ctx, b.carryIn) ? ctx.model.variables[b.carryIn].lb * MONEY_UNIT : null;
    const budget = row.ub * MONEY_UNIT;
    const own = b.carryIn < 0 ? budget : recorded !== null ? budget + recorded : null;
    groups.push({ members: year, budget: k, firstYear: b.year, amount: own });
    const since = before ? { members: [...before.members, ...year], firstYear: before.firstYear, amount: before.amount === null ? null : before.amount + budget } : { members: year, firstYear: b.year, amount: own };
    if (before) groups.push({ ...since, budget: k });
    if (b.carryOut >= 0 && !carryRecorded(ctx, b.carryOut)) sinceCarry.set(b.carryOut, since);
  });
  return groups;
}

interface BudgetGroup {
  members: number[];
  /** Into ctx.index.budgetRows: the entry whose year the payments end in. */
  budget: number;
  firstYear: number;
  /** Yuan the payments may use; null where the plan decides what was carried in. */
  amount: number | null;
}
