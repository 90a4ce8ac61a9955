/**
 * Leaf regions of a region or region group, read from the results folder's input.yaml, so the
 * report can add plan.csv's leaf rows up to a target's region year by year.
 */

interface RegionRecord {
  id: string;
  parent?: string | null;
}
interface GroupRecord {
  id: string;
  members: string[];
}

export function leavesOf(input: Record<string, unknown> | null, region: string): Set<string> {
  const regions = (Array.isArray(input?.regions) ? input!.regions : []) as RegionRecord[];
  const groups = (Array.isArray(input?.region_groups) ? input!.region_groups : []) as GroupRecord[];
  const children = new Map<string, string[]>();
  for (const r of regions) {
    if (r.parent) children.set(r.parent, [...(children.get(r.parent) ?? []), r.id]);
  }
  const out = new Set<string>();
  const visit = (id: string, seen: Set<string>) => {
    if (seen.has(id)) return;
    seen.add(id);
    const group = groups.find((g) => g.id === id);
    if (group) return group.members.forEach((m) => visit(m, seen));
    const kids = children.get(id) ?? [];
    if (kids.length === 0) out.add(id);
    else kids.forEach((k) => visit(k, seen));
  };
  visit(region, new Set());
  return out;
}
