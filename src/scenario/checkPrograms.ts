/** Programme checks: leaf rows, unit costs, shares, spend profile and start limits. */
import { fmt, id, num, rec, records, share, type CheckContext, type Doc } from "./checkContext.js";
import type { PathKey } from "./positions.js";

const EPS = 1e-9;

export function checkPrograms(ctx: CheckContext): void {
  const entries = records(ctx.doc.programs);
  ctx.uniqueIds(["programs"], entries, "programme");
  for (const [p, i] of entries) {
    const at = (...rest: PathKey[]) => ["programs", i, ...rest];
    checkLeafRows(ctx, p, at);
    checkUnitCost(ctx, p, at);
    checkShares(ctx, p, at);
    checkSpendProfile(ctx, p, at);
    checkStartLimits(ctx, p, at);
  }
}

type At = (...rest: PathKey[]) => PathKey[];

function checkLeafRows(ctx: CheckContext, p: Doc, at: At): void {
  if (Array.isArray(p.by_region) && p.by_region.length === 0) {
    ctx.report(at("by_region"), "the programme has no by_region rows, so nothing can be started");
  }
  const seen = new Map<string, number>();
  for (const [row, j] of records(p.by_region)) {
    const leaf = ctx.leaf(at("by_region", j, "region"), row.region, "a by_region region");
    if (leaf === undefined) continue;
    const first = seen.get(leaf);
    if (first !== undefined) ctx.report(at("by_region", j, "region"), `leaf "${leaf}" is listed twice (also by_region[${first}])`);
    else seen.set(leaf, j);
  }
}

/** A cost per household needs the households in a unit for every leaf without its own unit_cost. */
function checkUnitCost(ctx: CheckContext, p: Doc, at: At): void {
  const cost = rec(p.unit_cost);
  if (!cost || !("per_household" in cost) || num(p.households_per_unit) !== undefined) return;
  const missing = records(p.by_region)
    .filter(([row]) => row.unit_cost === undefined && num(row.households_per_unit) === undefined)
    .map(([row]) => id(row.region) ?? "?");
  if (missing.length > 0) {
    ctx.report(
      at("unit_cost", "per_household"),
      `a cost per household needs households_per_unit on the programme or on every by_region row (missing for ${missing.join(", ")})`,
    );
  }
}

function checkShares(ctx: CheckContext, p: Doc, at: At): void {
  const shares = rec(p.shares);
  if (!shares) return;
  const keys = Object.keys(shares);
  if (keys.length === 0) {
    ctx.report(at("shares"), "no source pays for this programme: name at least one source under shares");
    return;
  }
  let minSum = 0;
  let maxSum = 0;
  let bounded = true;
  for (const key of keys) {
    const bound = rec(shares[key]) ?? {};
    const source = ctx.source(at("shares", key), key);
    const min = bound.min === undefined ? 0 : share(bound.min);
    const max = bound.max === undefined ? 1 : share(bound.max);
    if (min === undefined || max === undefined) bounded = false;
    else {
      minSum += min;
      maxSum += max;
      if (min > max + EPS) ctx.report(at("shares", key, "min"), `min share ${fmt(min)} is above max share ${fmt(max)}`);
    }
    const kind = source === undefined ? undefined : ctx.sourceKinds.get(source);
    if ("cap_per_household" in bound && kind && kind !== "resident") {
      ctx.report(at("shares", key, "cap_per_household"), `cap_per_household applies to resident sources only; "${key}" is ${kind}`);
    }
  }
  if (!bounded) return; // the schema reports the unreadable share
  if (minSum > 1 + EPS) ctx.report(at("shares"), `minimum shares add up to ${fmt(minSum)}, more than 1: no split of the cost meets them`);
  if (maxSum < 1 - EPS) ctx.report(at("shares"), `maximum shares add up to ${fmt(maxSum)}, less than 1: the cost can never be fully paid`);
}

function checkSpendProfile(ctx: CheckContext, p: Doc, at: At): void {
  if (!Array.isArray(p.spend_profile) || p.spend_profile.length === 0) return;
  const parts = p.spend_profile.map(share);
  if (parts.some((x) => x === undefined)) return;
  const sum = (parts as number[]).reduce((a, b) => a + b, 0);
  if (Math.abs(sum - 1) > EPS) ctx.report(at("spend_profile"), `spend_profile adds up to ${fmt(sum)}, not 1`);
}

function checkStartLimits(ctx: CheckContext, p: Doc, at: At): void {
  for (const [limit, j] of records(p.start_limits)) {
    if ("region" in limit) ctx.region(at("start_limits", j, "region"), limit.region);
    else ctx.defaultRegion(at("start_limits", j), "a start limit");
    if ("year" in limit) ctx.yearInHorizon(at("start_limits", j, "year"), limit.year, "start limit year");
    const min = num(limit.min);
    const max = num(limit.max);
    if (!("min" in limit) && !("max" in limit)) ctx.report(at("start_limits", j), "a start limit needs min or max");
    if (min !== undefined && max !== undefined && min > max) {
      ctx.report(at("start_limits", j, "min"), `min starts ${fmt(min)} is above max starts ${fmt(max)}`);
    }
  }
}
