/**
 * Solver noise among the payments (under REPORT_TOLERANCE, a yuan) is written as 0, and what it was
 * goes to the largest payment of its row, so the row's total — a whole unit's cost — stays what the
 * plan pays: a town of 1000万 paid 9,999,999.76 by the county and 0.24 of noise by the province read a
 * cost of 9,999,999.76. Only where that payment's budgets have room for it, though: the noise of a
 * plan whose county budget is spent to the fen must not make the county's budget read over (a budget
 * of a few thousand yuan, the province's sub-yuan share moved onto it, read 0.68 over). Then the next
 * largest payment with room takes it; with none, the noise goes, and the row reads short by it. Noise
 * below 0 lowers the largest payment and always moves.
 */
import { REPORT_TOLERANCE } from "./tolerance.js";

/** The payments out of a budget (`members`: indices into the payments) and its money in yuan; null: not held to it here. */
export interface NoiseBudget {
  members: readonly number[];
  amount: number | null;
}

/** Moves each row's noise in `yuan` (yuan per payment) as the module says. */
export function moveNoise(yuan: number[], rows: readonly (readonly number[])[], budgets: readonly NoiseBudget[]): void {
  const noise = rows.map((row) => {
    let n = 0;
    for (const i of row) {
      if (Math.abs(yuan[i]) >= REPORT_TOLERANCE.yuan) continue;
      n += yuan[i];
      yuan[i] = 0;
    }
    return n;
  });
  const used = budgets.map((b) => b.members.reduce((s, i) => s + yuan[i], 0));
  const budgetsOf = new Map<number, number[]>();
  budgets.forEach((b, k) => {
    if (b.amount !== null) for (const i of b.members) budgetsOf.set(i, [...(budgetsOf.get(i) ?? []), k]);
  });
  rows.forEach((row, r) => {
    const n = noise[r];
    if (n === 0) return;
    const byAmount = row.filter((i) => yuan[i] !== 0).sort((a, b) => Math.abs(yuan[b]) - Math.abs(yuan[a]) || a - b);
    const room = (i: number) => n < 0 || (budgetsOf.get(i) ?? []).every((k) => used[k] + n <= budgets[k].amount! + 1e-6);
    const to = byAmount.find(room);
    if (to === undefined) return;
    yuan[to] += n;
    for (const k of budgetsOf.get(to) ?? []) used[k] += n;
  });
}
