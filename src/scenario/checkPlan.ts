/** Checks of capacity and targets against regions, programmes and the horizon (actuals: checkActuals.ts). */
import { num, rec, records, type CheckContext } from "./checkContext.js";

export function checkCapacity(ctx: CheckContext): void {
  const entries = records(ctx.doc.capacity);
  ctx.uniqueIds(["capacity"], entries, "capacity");
  for (const [c, i] of entries) {
    ctx.region(["capacity", i, "region"], c.region);
    (Array.isArray(c.programs) ? c.programs : []).forEach((p, j) => ctx.program(["capacity", i, "programs", j], p));
    if (!("slots" in c) && !("by_year" in c)) ctx.report(["capacity", i], "capacity needs slots or by_year");
    for (const key of Object.keys(rec(c.by_year) ?? {})) {
      ctx.yearInHorizon(["capacity", i, "by_year", key], key, "capacity year");
    }
  }
}

export function checkTargets(ctx: CheckContext): void {
  const entries = records(ctx.doc.targets);
  ctx.uniqueIds(["targets"], entries, "target");
  for (const [t, i] of entries) {
    const program = ctx.program(["targets", i, "program"], t.program);
    const region = ctx.region(["targets", i, "region"], t.region);
    ctx.yearInHorizon(["targets", i, "by"], t.by, "target year");
    if (num(t.at_least) === 0) ctx.report(["targets", i, "at_least"], "at_least must be above 0 (a target of 0 is always met)");
    if (program === undefined || region === undefined) continue;
    const under = ctx.leavesUnder(region);
    const covered = [...ctx.leafRows(program).keys()].some((leaf) => under.has(leaf));
    if (!covered) {
      ctx.report(["targets", i], `programme "${program}" has no by_region row under region "${region}", so the target can never be met`);
    }
  }
}
