/**
 * Decision variables: starts (integer where the programme says so), cost falling due, funds per
 * source and soft-target shortfall, each recorded in the model index. Actuals fix or floor the
 * starts they cover. (Carry-over columns belong to the budgets family, deviation columns to the
 * smoothing objective.)
 */
import type { ModelContext } from "./context.js";

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
  for (const { index: i, program, leaf } of ctx.leafPrograms) {
    ctx.paymentYears.forEach((year, y) => {
      index.cost[i * index.Y + y] = ctx.addVariable({
        lb: 0,
        ub: Infinity,
        integer: false,
        ref: { role: "cost", region: leaf.region, program: program.id, year },
      });
    });
  }
}

export function addFundsVariables(ctx: ModelContext): void {
  const { index } = ctx;
  for (const { index: i, program, leaf } of ctx.leafPrograms) {
    ctx.paymentYears.forEach((year, y) => {
      ctx.scenario.sources.forEach((source, s) => {
        if (!program.shares[source.id]) return;
        index.funds[(i * index.Y + y) * index.S + s] = ctx.addVariable({
          lb: 0,
          ub: Infinity,
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
