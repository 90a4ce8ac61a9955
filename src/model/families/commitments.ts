/**
 * commitments: cost[l,p,y] equals the money falling due in year y from units started in y and the
 * years before (spend profile × unit cost × starts, including pre-horizon starts from actuals).
 * funding_balance: every yuan falling due is paid in its year by the sources that fund the programme.
 */
import { costDue } from "../expressions.js";
import type { ModelContext } from "../context.js";
import { costName, fundsName, nameOf } from "../names.js";

export function addCommitmentConstraints(ctx: ModelContext): void {
  for (const lp of ctx.leafPrograms) {
    for (const year of ctx.paymentYears) {
      const cost = ctx.lookup(costName(lp.leaf.region, lp.program.id, year))!;
      const due = costDue(ctx, lp, year);
      ctx.addRow(
        "commitments",
        nameOf("commit", lp.leaf.region, lp.program.id, year),
        { terms: [{ v: cost, c: 1 }, ...due.terms.map((t) => ({ v: t.v, c: -t.c }))], constant: -due.constant },
        { lb: 0, ub: 0 },
        { region: lp.leaf.region, program: lp.program.id, year },
      );
    }
  }
}

export function addFundingBalanceConstraints(ctx: ModelContext): void {
  for (const lp of ctx.leafPrograms) {
    for (const year of ctx.paymentYears) {
      const terms = [{ v: ctx.lookup(costName(lp.leaf.region, lp.program.id, year))!, c: -1 }];
      for (const sourceId of Object.keys(lp.program.shares)) {
        terms.push({ v: ctx.lookup(fundsName(lp.leaf.region, lp.program.id, year, sourceId))!, c: 1 });
      }
      ctx.addRow(
        "funding_balance",
        nameOf("balance", lp.leaf.region, lp.program.id, year),
        { terms, constant: 0 },
        { lb: 0, ub: 0 },
        { region: lp.leaf.region, program: lp.program.id, year },
      );
    }
  }
}
