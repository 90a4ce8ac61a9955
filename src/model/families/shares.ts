/**
 * shares: min_s · cost ≤ funds[s] ≤ max_s · cost for every source that funds a programme.
 * resident_cap: residents pay at most cap_per_household × the households in the units being paid
 * for, spread over the years by the spend profile (so a unit's total stays within the cap).
 */
import type { ModelContext } from "../context.js";
import { MONEY_UNIT, NEGLIGIBLE } from "../context.js";
import { householdsPaidFor } from "../expressions.js";
import { costName, fundsName, nameOf } from "../names.js";

export function addShareConstraints(ctx: ModelContext): void {
  for (const lp of ctx.leafPrograms) {
    for (const year of ctx.paymentYears) {
      const cost = ctx.lookup(costName(lp.leaf.region, lp.program.id, year))!;
      for (const [sourceId, share] of Object.entries(lp.program.shares)) {
        const funds = ctx.lookup(fundsName(lp.leaf.region, lp.program.id, year, sourceId))!;
        const key = { region: lp.leaf.region, program: lp.program.id, year, source: sourceId };
        if (share.min >= NEGLIGIBLE) {
          ctx.addRow(
            "shares",
            nameOf("share_min", lp.leaf.region, lp.program.id, year, sourceId),
            { terms: [{ v: funds, c: 1 }, { v: cost, c: -share.min }], constant: 0 },
            { lb: 0 },
            { ...key, bound: "min", share: share.min },
          );
        }
        if (share.max <= 1 - NEGLIGIBLE) {
          ctx.addRow(
            "shares",
            nameOf("share_max", lp.leaf.region, lp.program.id, year, sourceId),
            { terms: [{ v: funds, c: 1 }, { v: cost, c: -share.max }], constant: 0 },
            { ub: 0 },
            { ...key, bound: "max", share: share.max },
          );
        }
      }
    }
  }
}

export function addResidentCapConstraints(ctx: ModelContext): void {
  for (const lp of ctx.leafPrograms) {
    for (const [sourceId, share] of Object.entries(lp.program.shares)) {
      if (share.capPerHousehold === null) continue;
      const cap = share.capPerHousehold / MONEY_UNIT;
      for (const year of ctx.paymentYears) {
        const funds = ctx.lookup(fundsName(lp.leaf.region, lp.program.id, year, sourceId))!;
        const hh = householdsPaidFor(ctx, lp, year);
        ctx.addRow(
          "resident_cap",
          nameOf("resident_cap", lp.leaf.region, lp.program.id, year, sourceId),
          { terms: [{ v: funds, c: 1 }, ...hh.terms.map((t) => ({ v: t.v, c: -t.c * cap }))], constant: -hh.constant * cap },
          { ub: 0 },
          { region: lp.leaf.region, program: lp.program.id, year, source: sourceId, cap: share.capPerHousehold },
        );
      }
    }
  }
}
