/**
 * Money a carrying-over source moves into the next year, as reported: everything it left unspent.
 * In the LP the carry column only relaxes next year's budget row, so at an optimum it may carry
 * less than is left where no later year needs the money — the rest would vanish from budgets.csv
 * and from a past frozen at this plan (`stress --from`). Making those rows equalities instead
 * doubled the simplex time of the county-scale bench model (1.9 → 7.0 s for its first stage), so the
 * plan keeps the inequality and the carry is read as the leftover, year by year:
 *   carry(y) = budget(y) + carry(y−1) − used(y)   where the row has a carry column, else 0,
 * with a carry the scenario records (a frozen past) taken as recorded. The plan stays within it:
 * each year's funds fit the budget plus the LP's carry-in, which is at most this one.
 */
import { type ModelContext, MONEY_UNIT } from "../model/context.js";
import { fen } from "./numbers.js";

export interface BudgetMoney {
  /** Paid from the budget (its row without the carry columns), carried in, carried out. */
  used: Float64Array;
  carriedIn: Float64Array;
  carriedOut: Float64Array;
}

/**
 * Per entry of ctx.index.budgetRows, in row units (万元). `budgetOf(k)`: the budget of entry k
 * where it is not its row's bound (min-budget scales budgets by a column: λ · today's amount),
 * undefined where it is.
 */
export function budgetMoney(ctx: ModelContext, primal: Float64Array, budgetOf?: (k: number) => number | undefined): BudgetMoney {
  const used = usedBy(ctx, (v) => primal[v]);
  return leftovers(ctx, used, (k) => budgetOf?.(k) ?? ctx.model.rows[ctx.index.budgetRows[k].row].ub, (x) => x, primal);
}

/**
 * budgets.csv's money, in yuan to the fen: used as the reported payments (`paid`, yuan per column:
 * payments.ts) add up, and carried as the reported budget, carry-in and use leave, so that
 * carried out = budget + carried in − used holds in the figures written.
 */
export function reportedBudgetMoney(ctx: ModelContext, primal: Float64Array, paid: Float64Array): BudgetMoney {
  const used = usedBy(ctx, (v) => fen(paid[v]));
  const money = leftovers(ctx, used, (k) => fen(ctx.model.rows[ctx.index.budgetRows[k].row].ub * MONEY_UNIT), (x) => fen(x * MONEY_UNIT), primal);
  for (const a of [money.used, money.carriedIn, money.carriedOut]) a.forEach((x, k) => (a[k] = x / 100));
  return money;
}

/** A carry the scenario records (a frozen past): its column is fixed, and it carries what it records. */
export function carryRecorded(ctx: ModelContext, column: number): boolean {
  const c = ctx.model.variables[column];
  return c.lb === c.ub;
}

/** Σ over each budget row's payment columns (not its carry columns) of `value`. */
function usedBy(ctx: ModelContext, value: (v: number) => number): Float64Array {
  const rows = ctx.index.budgetRows;
  const used = new Float64Array(rows.length);
  rows.forEach((b, k) => {
    for (const t of ctx.model.rows[b.row].terms) if (t.v !== b.carryIn && t.v !== b.carryOut) used[k] += t.c * value(t.v);
  });
  return used;
}

/**
 * The carry, year by year, in the units of `used` and `budget`; `units` converts a model amount
 * (万元: a recorded carry, a carry-in whose year has no entry) into them.
 */
function leftovers(ctx: ModelContext, used: Float64Array, budget: (k: number) => number, units: (x: number) => number, primal: Float64Array): BudgetMoney {
  const rows = ctx.index.budgetRows;
  const carriedIn = new Float64Array(rows.length);
  const carriedOut = new Float64Array(rows.length);
  const outOf = new Map<number, number>(); // carry column → what the year it leaves carried out
  // Budget rows of a source and region come in year order (families/budgets.ts), so a year's
  // carry-in is known when it is reached.
  rows.forEach((b, k) => {
    carriedIn[k] = b.carryIn >= 0 ? (outOf.get(b.carryIn) ?? units(primal[b.carryIn])) : 0;
    if (b.carryOut < 0) return;
    carriedOut[k] = carryRecorded(ctx, b.carryOut) ? units(ctx.model.variables[b.carryOut].lb) : Math.max(0, budget(k) + carriedIn[k] - used[k]);
    outOf.set(b.carryOut, carriedOut[k]);
  });
  return { used, carriedIn, carriedOut };
}
