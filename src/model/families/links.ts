/**
 * links: matching ratios between sources, per payment year, over a node or each of its children:
 * funds[source] ≥ min_ratio · funds[of] and ≤ max_ratio · funds[of]. A rule for planned money, like
 * shares: money actuals record (or a frozen past fixes) is left out of both sides, and a year whose
 * money is all recorded has no link rows. (Counting recorded money made a node's planned money
 * make up for a recorded ratio below the rule: one leaf's recorded 2021 payments left the Guangdong
 * 2023 re-plan infeasible.)
 */
import type { ModelContext } from "../context.js";
import type { Term } from "../types.js";
import { fundsTerms } from "./budgets.js";

export function addLinkConstraints(ctx: ModelContext): void {
  ctx.scenario.sources.forEach((source, s) => {
    for (const link of source.links) {
      const of = ctx.sourceIndex(link.of);
      const node = ctx.region(link.region);
      const scopes = link.eachChild && node.children.length > 0 ? node.children : [node.id];
      for (const region of scopes) {
        for (const year of ctx.paymentYears) {
          const allMine = fundsTerms(ctx, s, region, year);
          const allTheirs = fundsTerms(ctx, of, region, year);
          const mine = planned(ctx, allMine);
          const theirs = planned(ctx, allTheirs);
          if (mine.length === 0 && theirs.length === 0) continue; // no money, or all of it already paid
          // One side's money all paid already: nothing of it is left to match, and a rule over the
          // other side alone would forbid its money (central with no city money left to match it).
          if ((mine.length === 0 && allMine.length > 0) || (theirs.length === 0 && allTheirs.length > 0)) continue;
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

/** The terms over money still to be planned (columns not fixed by actuals or a frozen past). */
function planned(ctx: ModelContext, terms: Term[]): Term[] {
  return terms.filter((t) => !ctx.isFixed(t.v));
}
