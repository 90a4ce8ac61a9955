/**
 * Decision variables: starts (integer where the programme says so), cost falling due, funds per
 * source, soft-target shortfall and budget carry-over. Actuals fix or floor the starts they cover.
 */
import type { ModelContext } from "./context.js";
import { costName, fundsName, shortfallName, startsName } from "./names.js";

export function addStartsVariables(ctx: ModelContext): void {
  for (const { program, leaf, actuals } of ctx.leafPrograms) {
    for (const year of ctx.years) {
      const started = actuals.get(year)?.started ?? 0;
      const fixed = actuals.get(year)?.fixed ?? false;
      ctx.addVariable({
        name: startsName(leaf.region, program.id, year),
        role: "starts",
        lb: started,
        ub: fixed ? started : Infinity,
        integer: program.integer,
        key: { region: leaf.region, program: program.id, year },
      });
    }
  }
}

/** cost[l,p,y]: money falling due in a payment year (万元), defined by the commitments rows. */
export function addCostVariables(ctx: ModelContext): void {
  for (const { program, leaf } of ctx.leafPrograms) {
    for (const year of ctx.paymentYears) {
      ctx.addVariable({
        name: costName(leaf.region, program.id, year),
        role: "cost",
        lb: 0,
        ub: Infinity,
        integer: false,
        key: { region: leaf.region, program: program.id, year },
      });
    }
  }
}

export function addFundsVariables(ctx: ModelContext): void {
  for (const { program, leaf } of ctx.leafPrograms) {
    for (const year of ctx.paymentYears) {
      for (const source of ctx.scenario.sources) {
        if (!program.shares[source.id]) continue;
        ctx.addVariable({
          name: fundsName(leaf.region, program.id, year, source.id),
          role: "funds",
          lb: 0,
          ub: Infinity,
          integer: false,
          key: { region: leaf.region, program: program.id, year, source: source.id },
        });
      }
    }
  }
}

/** shortfall[t] ≤ target: how far a soft target falls short (in the target's own units). */
export function addShortfallVariables(ctx: ModelContext): void {
  for (const t of ctx.scenario.targets) {
    if (t.kind !== "soft") continue;
    ctx.addVariable({
      name: shortfallName(t.id),
      role: "shortfall",
      lb: 0,
      ub: t.atLeast,
      integer: false,
      key: { target: t.id },
    });
  }
}
