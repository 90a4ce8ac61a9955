/**
 * One stage of fenRounding.ts (the amounts of one payment year, or a whole table settled again): its
 * rows and the groups it has amounts of rounded together, as a circulation (fenFlow.ts) with what
 * that cannot hold brought in afterwards (fenOverlaps.ts).
 *
 * Method: the groups that nest (the largest placed first; a group overlapping a placed one in part is
 * left to fenOverlaps.ts) and the rows form the circulation. Each row starts at its nearest fen, its
 * amounts with the largest fractions of a fen rounded up (largest remainder, the first in the order
 * given on ties), so the flow moves only the fen the groups force. With every group at its exact
 * total's bounds such a table can always be rounded (the exact amounts are a fractional flow, so an
 * integral one exists: Cox 1987); bounds moved by what earlier stages wrote can leave none, which
 * fenRounding.ts then settles as a whole. */
import { type Bounds, FenNetwork } from "./fenFlow.js";
import { amountBounds, PHASES } from "./fenBounds.js";
import { holdGroups } from "./fenOverlaps.js";

/** A sum of the stage: its movable amounts and the bounds on how many of them are rounded up. */
export interface StageSum extends Bounds {
  members: readonly number[];
}

/** A row: a sum that starts at, and is held first at, its nearest fen. */
export interface StageRow extends StageSum {
  near: number;
}

/**
 * Rounds the stage's amounts (the members of `rows`, which partition them) into `up` (1: rounded up,
 * 0: down, by amount); `off` is each amount's exact fen above its floor. `fresh`: each row starts at
 * its nearest fen; else from `up` as it stands. Returns the steps taken.
 */
export function roundStage(up: number[], off: readonly number[], rows: readonly StageRow[], groups: readonly StageSum[], fresh = true): number {
  for (const row of fresh ? rows : []) {
    const members = [...row.members].sort((a, b) => off[b] - off[a] || a - b);
    members.forEach((i, k) => (up[i] = k < Math.max(0, row.near) ? 1 : 0));
  }
  const net = new FenNetwork();
  const source = net.node();
  const sink = net.node();
  const { parents, innermost } = nestedGroups(groups.map((g) => g.members));
  const groupNode = new Map<number, number>();
  for (const [g, parent] of parents) {
    groupNode.set(g, net.node());
    const { members, lb, ub } = groups[g];
    net.edge(groupNode.get(g)!, parent === null ? sink : groupNode.get(parent)!, [{ lb, ub }], members.reduce((s, i) => s + up[i], 0));
  }
  const cellEdge = new Map<number, number>();
  let total = 0;
  for (const { members, near, lb, ub } of rows) {
    const node = net.node();
    const flow = members.reduce((s, i) => s + up[i], 0);
    total += flow;
    net.edge(source, node, [{ lb: near, ub: near }, { lb, ub }], flow);
    for (const i of members) {
      const g = innermost.get(i);
      cellEdge.set(i, net.edge(node, g === undefined ? sink : groupNode.get(g)!, amountBounds(off[i]), up[i]));
    }
  }
  const circulation = net.edge(sink, source, [{ lb: -Infinity, ub: Infinity }], total);
  net.settle(PHASES);
  const nested = groups.map((g, k) => ({ members: g.members, bounds: { lb: g.lb, ub: g.ub }, nested: parents.has(k) }));
  holdGroups(net, { cellEdge, circulation, sink, phases: PHASES }, nested, rows);
  for (const [i, e] of cellEdge) up[i] = net.flowOf(e);
  return net.steps;
}

/**
 * The groups held in the circulation, outermost first, each with its parent (the smallest group
 * holding it; null at the top), and each amount's innermost group. Larger groups are placed first; a
 * group whose amounts lie in different groups placed before (or some in one, some in none) overlaps
 * one of them in part and is held afterwards (fenOverlaps.ts).
 */
function nestedGroups(groups: readonly (readonly number[])[]): { parents: Map<number, number | null>; innermost: Map<number, number> } {
  const parents = new Map<number, number | null>();
  const innermost = new Map<number, number>();
  const order = groups.map((_, k) => k).filter((k) => groups[k].length > 0).sort((a, b) => groups[b].length - groups[a].length || a - b);
  for (const k of order) {
    const inside = new Set(groups[k].map((i) => innermost.get(i) ?? null));
    if (inside.size !== 1) continue;
    parents.set(k, [...inside][0]);
    for (const i of groups[k]) innermost.set(i, k);
  }
  return { parents, innermost };
}
