/**
 * Decision variables: starts (integer where the programme says so), cost falling due, funds per
 * source and soft-target shortfall, each recorded in the model index. Actuals fix (whole years) or
 * floor (partial years) the starts and the money by source they record; in a whole year with
 * recorded money the cost is what was paid. (Carry-over columns belong to the budgets family,
 * deviation columns to the smoothing objective.)
 */
import { MONEY_UNIT, type ModelContext } from "./context.js";
import { fixedMoney } from "./recorded.js";

export function addStartsVariables(ctx: ModelContext): void {
  const { index } = ctx;
  for (const { index: i, program, leaf, actuals } of ctx.leafPrograms) {
    ctx.years.forEach((year, h) => {
      const started = actuals.get(year)?.started ?? 0;
      const fixed = actuals.get(year)?.fixed ?? false;
      index.starts[i * index.H + h] = ctx.addVariable({
        lb: started,
        ub: fixed ? started : Infinity,
        integer: program.integer,
        ref: { role: "starts", region: leaf.region, program: program.id, year },
      });
    });
  }
}

/** cost[l,p,y]: money falling due in a payment year (万元), defined by the commitments rows. */
export function addCostVariables(ctx: ModelContext): void {
  const { index } = ctx;
  for (const lp of ctx.leafPrograms) {
    const { index: i, program, leaf } = lp;
    ctx.paymentYears.forEach((year, y) => {
      const paid = fixedMoney(lp, year);
      const cost = paid ? paid.reduce((a, yuan) => a + yuan / MONEY_UNIT, 0) : null;
      index.cost[i * index.Y + y] = ctx.addVariable({
        lb: cost ?? 0,
        ub: cost ?? Infinity,
        integer: false,
        ref: { role: "cost", region: leaf.region, program: program.id, year },
      });
    });
  }
}

export function addFundsVariables(ctx: ModelContext): void {
  const { index } = ctx;
  for (const { index: i, program, leaf, actuals } of ctx.leafPrograms) {
    ctx.paymentYears.forEach((year, y) => {
      const recorded = actuals.get(year);
      ctx.scenario.sources.forEach((source, s) => {
        if (!program.shares[source.id]) return;
        const paid = recorded?.paid ? recorded.paid[s] / MONEY_UNIT : null;
        index.funds[(i * index.Y + y) * index.S + s] = ctx.addVariable({
          lb: paid ?? 0,
          ub: paid !== null && recorded!.fixed ? paid : Infinity,
          integer: false,
          ref: { role: "funds", region: leaf.region, program: program.id, year, source: source.id },
        });
      });
    });
  }
}

/** shortfall[t] ≤ target: how far a soft target falls short (in the target's own units). */
export function addShortfallVariables(ctx: ModelContext): void {
  ctx.scenario.targets.forEach((t, ti) => {
    if (t.kind !== "soft") return;
    ctx.index.shortfall[ti] = ctx.addVariable({ lb: 0, ub: t.atLeast, integer: false, ref: { role: "shortfall", target: t.id } });
  });
}
