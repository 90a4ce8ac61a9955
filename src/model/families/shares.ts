/**
 * shares: min_s · cost ≤ funds[s] ≤ max_s · cost for every source that funds a programme.
 * resident_cap: residents pay at most cap_per_household × the households in the units being paid
 * for, spread over the years by the spend profile (so a unit's total stays within the cap).
 * Both are rules for planned money: a whole year whose money actuals record has neither (what was
 * paid was paid, whatever its shares).
 */
import type { ModelContext } from "../context.js";
import { MONEY_UNIT, NEGLIGIBLE } from "../context.js";
import { householdsPaidFor } from "../expressions.js";
import { fixedMoney } from "../recorded.js";

export function addShareConstraints(ctx: ModelContext): void {
  for (const lp of ctx.leafPrograms) {
    ctx.paymentYears.forEach((year, y) => {
      if (fixedMoney(lp, year)) return;
      const cost = ctx.index.costCol(lp.index, y);
      for (const [sourceId, share] of Object.entries(lp.program.shares)) {
        const s = ctx.sourceIndex(sourceId);
        const funds = ctx.index.fundsCol(lp.index, y, s);
        const key = { region: lp.leaf.region, program: lp.program.id, year, source: sourceId };
        if (share.min >= NEGLIGIBLE) {
          ctx.addRow(
            { family: "shares", ...key, bound: "min", share: share.min },
            { terms: [{ v: funds, c: 1 }, { v: cost, c: -share.min }], constant: 0 },
            { lb: 0 },
          );
        }
        if (share.max <= 1 - NEGLIGIBLE) {
          ctx.index.shareMaxRow[(lp.index * ctx.index.Y + y) * ctx.index.S + s] = ctx.addRow(
            { family: "shares", ...key, bound: "max", share: share.max },
            { terms: [{ v: funds, c: 1 }, { v: cost, c: -share.max }], constant: 0 },
            { ub: 0 },
          );
        }
      }
    });
  }
}

export function addResidentCapConstraints(ctx: ModelContext): void {
  for (const lp of ctx.leafPrograms) {
    for (const [sourceId, share] of Object.entries(lp.program.shares)) {
      if (share.capPerHousehold === null) continue;
      const cap = share.capPerHousehold / MONEY_UNIT;
      const s = ctx.sourceIndex(sourceId);
      ctx.paymentYears.forEach((year, y) => {
        if (fixedMoney(lp, year)) return;
        const funds = ctx.index.fundsCol(lp.index, y, s);
        const hh = householdsPaidFor(ctx, lp, year);
        ctx.addRow(
          { family: "resident_cap", region: lp.leaf.region, program: lp.program.id, year, source: sourceId, cap: share.capPerHousehold! },
          { terms: [{ v: funds, c: 1 }, ...hh.terms.map((t) => ({ v: t.v, c: -t.c * cap }))], constant: -hh.constant * cap },
          { ub: 0 },
        );
      });
    }
  }
}
