/**
 * links: matching ratios between sources, per payment year, over a node or each of its children:
 * funds[source] ≥ min_ratio · funds[of] and ≤ max_ratio · funds[of]. A rule for planned money: a
 * year whose money is all recorded (or frozen) has no link rows, like it has no share rows.
 */
import type { ModelContext } from "../context.js";
import { fundsTerms } from "./budgets.js";

export function addLinkConstraints(ctx: ModelContext): void {
  ctx.scenario.sources.forEach((source, s) => {
    for (const link of source.links) {
      const of = ctx.sourceIndex(link.of);
      const node = ctx.region(link.region);
      const scopes = link.eachChild && node.children.length > 0 ? node.children : [node.id];
      for (const region of scopes) {
        for (const year of ctx.paymentYears) {
          const mine = fundsTerms(ctx, s, region, year);
          const theirs = fundsTerms(ctx, of, region, year);
          if (mine.length === 0 && theirs.length === 0) continue;
          if (ctx.allFixed(mine) && ctx.allFixed(theirs)) continue; // money already paid: a ratio rule cannot bind it
          for (const [bound, ratio] of [["min", link.minRatio], ["max", link.maxRatio]] as const) {
            if (ratio === null) continue;
            ctx.addRow(
              { family: "links", link: link.id, source: source.id, of: link.of, region, year, bound, ratio },
              { terms: [...mine, ...theirs.map((t) => ({ v: t.v, c: -ratio }))], constant: 0 },
              bound === "min" ? { lb: 0 } : { ub: 0 },
            );
          }
        }
      }
    }
  });
}
