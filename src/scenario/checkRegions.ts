/**
 * Horizon and region checks. They also build the region index (tree, leaves, roots, groups) that
 * every other check resolves references against, so they run first.
 */
import { formatLimit, LIMITS } from "../limits.js";
import { id, records, year, type CheckContext, type RegionIndex } from "./checkContext.js";

export function checkHorizon(ctx: CheckContext): void {
  const h = ctx.doc.horizon;
  if (h === null || typeof h !== "object") return;
  const start = year((h as Record<string, unknown>).start);
  const end = year((h as Record<string, unknown>).end);
  if (start === undefined || end === undefined) return;
  if (start > end) ctx.report(["horizon", "start"], `the horizon starts in ${start}, after it ends (${end})`);
  else ctx.horizon = { start, end };
}

export function checkRegions(ctx: CheckContext): void {
  const index: RegionIndex = ctx.regions;
  const entries = records(ctx.doc.regions);
  ctx.uniqueIds(["regions"], entries, "region");
  for (const [r] of entries) {
    const rid = id(r.id);
    if (rid === undefined || index.parent.has(rid)) continue;
    index.tree.push(rid);
    index.parent.set(rid, id(r.parent) ?? null);
    index.children.set(rid, []);
  }
  checkGroups(ctx);
  for (const [r, i] of entries) {
    const rid = id(r.id);
    const parent = id(r.parent);
    if (rid === undefined || parent === undefined || index.parent.get(rid) !== parent) continue;
    const path = ["regions", i, "parent"];
    if (parent === rid) ctx.report(path, `region "${rid}" cannot be its own parent`);
    else if (index.groups.has(parent)) ctx.report(path, `a parent must be a region of the tree; "${parent}" is a region group`);
    else if (!index.children.has(parent)) {
      if (ctx.whole(["regions"])) ctx.report(path, `unknown parent region "${parent}"${ctx.hints.didYouMean(parent, () => index.tree)}`);
    }
    else {
      index.children.get(parent)!.push(rid);
      continue;
    }
    index.parent.set(rid, null); // treated as a root from here on, so later checks do not cascade
  }
  reportCycles(ctx);
  for (const rid of index.tree) {
    if (index.children.get(rid)!.length === 0) index.leaves.add(rid);
    if (index.parent.get(rid) === null) index.roots.push(rid);
  }
  checkDepth(ctx, entries);
}

/**
 * Reports the first region deeper than LIMITS.regionDepth and cuts the tree there, so the checks
 * and the model, which walk the tree, never recurse without bound.
 */
function checkDepth(ctx: CheckContext, entries: [Record<string, unknown>, number][]): void {
  const { parent, children, tree } = ctx.regions;
  const depth = new Map<string, number>();
  for (const rid of tree) {
    const chain: string[] = [];
    let r: string | null | undefined = rid;
    while (r != null && !depth.has(r)) {
      chain.push(r);
      r = parent.get(r);
    }
    let d = r == null ? 0 : depth.get(r)!;
    for (let k = chain.length - 1; k >= 0; k--) depth.set(chain[k], ++d);
  }
  const deep = tree.find((rid) => depth.get(rid)! > LIMITS.regionDepth);
  if (deep === undefined) return;
  const i = entries.find(([e]) => id(e.id) === deep)![1];
  ctx.report(["regions", i, "parent"], `the region tree is more than ${formatLimit("regionDepth")} levels deep here (see docs/limits.md)`);
  for (const rid of tree) {
    if (depth.get(rid)! > LIMITS.regionDepth) children.set(rid, []);
  }
}

function checkGroups(ctx: CheckContext): void {
  const index = ctx.regions;
  const entries = records(ctx.doc.region_groups);
  const seen = new Map<string, string>(index.tree.map((r) => [r, "a region of the tree"]));
  ctx.uniqueIds(["region_groups"], entries, "region or group", seen);
  for (const [g, i] of entries) {
    const gid = id(g.id);
    if (gid === undefined || index.groups.has(gid) || index.parent.has(gid)) continue;
    const members: string[] = [];
    (Array.isArray(g.members) ? g.members : []).forEach((m, j) => {
      const path = ["region_groups", i, "members", j];
      const mid = id(m);
      if (mid === undefined) return;
      if (members.includes(mid)) ctx.report(path, `region "${mid}" is listed twice in this group`);
      else if (index.groups.has(mid) || mid === gid) ctx.report(path, `groups list regions of the tree, not groups ("${mid}")`);
      else if (!index.parent.has(mid)) {
        if (ctx.whole(["regions"])) ctx.report(path, `unknown region "${mid}"${ctx.hints.didYouMean(mid, () => index.tree)}`);
      }
      else members.push(mid);
    });
    index.groups.set(gid, members);
  }
}

/** Each cycle in the parent links is reported once, at the first region of it in scenario order. */
function reportCycles(ctx: CheckContext): void {
  const { parent, children, tree } = ctx.regions;
  const done = new Set<string>();
  const entries = records(ctx.doc.regions);
  for (const start of tree) {
    const chain: string[] = [];
    const inChain = new Set<string>();
    let r: string | null | undefined = start;
    while (r != null && !done.has(r) && !inChain.has(r)) {
      chain.push(r);
      inChain.add(r);
      r = parent.get(r);
    }
    if (r != null && inChain.has(r)) {
      const cycle = chain.slice(chain.indexOf(r));
      const first = tree.find((t) => cycle.includes(t))!;
      const i = entries.find(([e]) => id(e.id) === first)![1];
      const from = cycle.indexOf(first);
      const ordered = [...cycle.slice(from), ...cycle.slice(0, from), first];
      ctx.report(["regions", i, "parent"], `parent links form a cycle: ${ordered.join(" → ")}`);
      // Break the cycle so the rest of the checks see a tree.
      const p = parent.get(first)!;
      children.set(p, children.get(p)!.filter((c) => c !== first));
      parent.set(first, null);
    }
    chain.forEach((c) => done.add(c));
  }
}
