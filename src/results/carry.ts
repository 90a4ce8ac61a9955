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
import type { ModelContext } from "../model/context.js";

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
  const rows = ctx.index.budgetRows;
  const used = new Float64Array(rows.length);
  const carriedIn = new Float64Array(rows.length);
  const carriedOut = new Float64Array(rows.length);
  const outOf = new Map<number, number>(); // carry column → what the year it leaves carried out
  // Budget rows of a source and region come in year order (families/budgets.ts), so a year's
  // carry-in is known when it is reached.
  rows.forEach((b, k) => {
    const row = ctx.model.rows[b.row];
    for (const t of row.terms) if (t.v !== b.carryIn && t.v !== b.carryOut) used[k] += t.c * primal[t.v];
    carriedIn[k] = b.carryIn >= 0 ? (outOf.get(b.carryIn) ?? primal[b.carryIn]) : 0;
    if (b.carryOut < 0) return;
    const column = ctx.model.variables[b.carryOut];
    const budget = budgetOf?.(k) ?? row.ub;
    carriedOut[k] = column.lb === column.ub ? column.lb : Math.max(0, budget + carriedIn[k] - used[k]);
    outOf.set(b.carryOut, carriedOut[k]);
  });
  return { used, carriedIn, carriedOut };
}
