/**
 * commitments: cost[l,p,y] equals the money falling due in year y from units started in y and the
 * years before (spend profile × unit cost × starts, including pre-horizon starts from actuals) —
 * except in a whole year whose money actuals record: there the cost is what was paid (variables.ts).
 * funding_balance: every yuan falling due is paid in its year by the sources that fund the programme.
 */
import { costDue } from "../expressions.js";
import type { ModelContext } from "../context.js";
import { fixedMoney } from "../recorded.js";

export function addCommitmentConstraints(ctx: ModelContext): void {
  for (const lp of ctx.leafPrograms) {
    ctx.paymentYears.forEach((year, y) => {
      if (fixedMoney(lp, year)) return;
      const cost = ctx.index.costCol(lp.index, y);
      const due = costDue(ctx, lp, year);
      ctx.index.commitRow[lp.index * ctx.index.Y + y] = ctx.addRow(
        { family: "commitments", region: lp.leaf.region, program: lp.program.id, year },
        { terms: [{ v: cost, c: 1 }, ...due.terms.map((t) => ({ v: t.v, c: -t.c }))], constant: -due.constant },
        { lb: 0, ub: 0 },
      );
    });
  }
}

export function addFundingBalanceConstraints(ctx: ModelContext): void {
  for (const lp of ctx.leafPrograms) {
    ctx.paymentYears.forEach((year, y) => {
      const terms = [{ v: ctx.index.costCol(lp.index, y), c: -1 }];
      for (const sourceId of Object.keys(lp.program.shares)) {
        terms.push({ v: ctx.index.fundsCol(lp.index, y, ctx.sourceIndex(sourceId)), c: 1 });
      }
      ctx.addRow({ family: "funding_balance", region: lp.leaf.region, program: lp.program.id, year }, { terms, constant: 0 }, { lb: 0, ub: 0 });
    });
  }
}
