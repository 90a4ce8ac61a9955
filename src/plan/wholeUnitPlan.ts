/**
 * A whole-unit plan as whole units cost it. HiGHS holds an integer column whole only to its
 * integrality tolerance, and the money follows the column: a town of 3000万 started 0.9999999167
 * times paid 8,999,999.25 yuan of its 900万 first-year share, and its 8e-8 of a start in the next
 * year 0.75 yuan that funding.csv wrote as 0 and budgets.csv counted. Every start of an integer
 * programme within WHOLE_TOLERANCE of a whole number is set to it, each year's cost due is taken of
 * the whole starts (spend profile × unit cost, as the commitments rows say), and the year's payments
 * are scaled by one factor to pay it: every source keeps its share of the cost, and nothing else of
 * the plan moves. Years whose money actuals record are paid as recorded and keep it.
 */
import type { ModelContext } from "../model/context.js";
import { costDue } from "../model/expressions.js";
import { fixedMoney } from "../model/recorded.js";
import { valueOf } from "../results/numbers.js";
import { WHOLE_TOLERANCE } from "../results/tolerance.js";

/** `primal` with whole units snapped and their money following them; `primal` itself when no start moves. */
export function snapWholeUnits(ctx: ModelContext, primal: Float64Array): Float64Array {
  const snapped = Float64Array.from(primal);
  const moved = ctx.leafPrograms.filter((lp) => {
    if (!lp.program.integer) return false;
    let any = false;
    ctx.years.forEach((_, h) => {
      const v = ctx.index.startsCol(lp.index, h);
      const whole = v < 0 ? 0 : Math.round(primal[v]);
      if (v < 0 || whole === primal[v] || Math.abs(primal[v] - whole) > WHOLE_TOLERANCE) return;
      snapped[v] = whole;
      any = true;
    });
    return any;
  });
  if (moved.length === 0) return primal;
  for (const lp of moved) {
    ctx.paymentYears.forEach((year, y) => {
      if (fixedMoney(lp, year)) return;
      const funds = ctx.scenario.sources.map((_, s) => ctx.index.fundsCol(lp.index, y, s)).filter((v) => v >= 0);
      const paid = funds.reduce((sum, v) => sum + snapped[v], 0);
      const due = valueOf(costDue(ctx, lp, year), snapped);
      if (paid <= 0 || due === paid) return; // nothing paid that a factor could carry to the cost
      for (const v of funds) snapped[v] *= due / paid;
      snapped[ctx.index.costCol(lp.index, y)] = due;
    });
  }
  return snapped;
}
