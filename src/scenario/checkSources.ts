/** Funding source checks: budgets (regions and years) and matching links. */
import { flag, fmt, id, num, rec, records, type CheckContext, type Doc } from "./checkContext.js";
import type { PathKey } from "./positions.js";

export function checkSources(ctx: CheckContext): void {
  const entries = records(ctx.doc.sources);
  ctx.uniqueIds(["sources"], entries, "source");
  const linkIds = new Map<string, string>();
  for (const [s, i] of entries) {
    const at = (...rest: PathKey[]) => ["sources", i, ...rest];
    checkBudgets(ctx, s, at);
    ctx.uniqueIds(at("links"), records(s.links), "link", linkIds); // link ids name model rows: unique overall
    for (const [link, k] of records(s.links)) checkLink(ctx, id(s.id), link, (...rest) => at("links", k, ...rest));
  }
}

type At = (...rest: PathKey[]) => PathKey[];

function checkBudgets(ctx: CheckContext, s: Doc, at: At): void {
  const seen = new Map<string, number>();
  for (const [b, j] of records(s.budgets)) {
    const region = ctx.region(at("budgets", j, "region"), b.region);
    if (region !== undefined) {
      const first = seen.get(region);
      if (first === undefined) seen.set(region, j);
      else {
        ctx.report(
          at("budgets", j, "region"),
          `the budget for region "${region}" is given twice (also budgets[${first}]); put per_year and by_year in one record`,
        );
      }
    }
    if (!("per_year" in b) && !("by_year" in b)) ctx.report(at("budgets", j), "a budget needs per_year or by_year");
    // Units started in the last horizon year are still paid for in the spend profile's tail years;
    // with a programme key unknown (its own error) the tail is not known, so no year is called too late.
    const tail = ctx.profileUnknown ? Infinity : ctx.longestProfile - 1;
    for (const key of Object.keys(rec(b.by_year) ?? {})) {
      ctx.yearInHorizon(at("budgets", j, "by_year", key), key, "budget year", tail);
    }
  }
}

function checkLink(ctx: CheckContext, source: string | undefined, link: Doc, at: At): void {
  const of = ctx.source(at("of"), link.of);
  if (of !== undefined && of === source) ctx.report(at("of"), `a link cannot match source "${of}" against itself`);
  const min = num(link.min_ratio);
  const max = num(link.max_ratio);
  if (!("min_ratio" in link) && !("max_ratio" in link)) ctx.report(at(), "a link needs min_ratio or max_ratio");
  if (min !== undefined && max !== undefined && min > max) {
    ctx.report(at("min_ratio"), `min_ratio ${fmt(min)} is above max_ratio ${fmt(max)}`);
  }
  const region = "region" in link ? ctx.region(at("region"), link.region) : ctx.defaultRegion(at(), "a link");
  if (flag(link.each_child) === true && region !== undefined && ctx.whole(["regions"]) && (ctx.regions.children.get(region)?.length ?? 0) === 0) {
    ctx.report(at("each_child"), `each_child needs a region with children; "${region}" has none`);
  }
}
