/**
 * The groups fenStage.ts's circulation cannot hold — those overlapping a held group in part: a
 * region group's budget (county towns across cities) beside the cities' budgets of its source, or,
 * in a table settled as a whole, a city's payments since its carry began beside the province's
 * payments of one year — brought within their bounds after the flow has settled, and what cannot be,
 * made safe.
 *
 * Method. A group over its bound gives up one fen around a cycle of the settled circulation: one of
 * its amounts rounded down, and a path back from that amount's row to where the amount went, along
 * edges with room in the phase tried (rows at their nearest fen first) — another amount of the row
 * rounded up instead (the same payment's fen moved to another source), or the row going to its fen
 * below, and the held groups on the way taking it. The path uses no amount of the group itself and no
 * amount of another overlapping group already at its bound in that direction, and the cycle is kept
 * only if no other overlapping group ends further outside its bounds; a group under its bound is
 * raised alike. Breadth-first from the group's amounts in order: the same table always rounds alike.
 *
 * Where cycles leave a sum out (a fix needing several groups to move at once: about 1 in 1,000 of the
 * generated budget tables of test/helpers/fenTables.ts), a small exact search (fenSearch.ts) finds
 * the few amounts to round the other way so that every sum, rows and held groups included, is within
 * its bounds.
 *
 * Last resort, where the search finds none within its budget (no table the engine's budgets make is
 * known to need it; three groups overlapping pairwise over two sources, every payment half a fen, do):
 * every group still above its bound, held or not, has amounts rounded down until it is not — which
 * raises no other sum — so a budget never reads more used than the plan pays, rounded up; the row of
 * such an amount may read below its fen, and fenRounding.ts returns every sum left outside its
 * bounds for the caller to report (diagnostics.csv, kind `rounding`).
 */
import { type Bounds, FenNetwork } from "./fenFlow.js";
import { type Sum, turnsToHold } from "./fenSearch.js";

/** A group: its movable amounts, the bounds on how many of them are rounded up, and whether the circulation holds it. */
export interface GroupSum {
  members: readonly number[];
  bounds: Bounds;
  nested: boolean;
}

/** Amounts the exact search may try (fenSearch.ts) before the last resort. */
const SEARCH_BUDGET = 20_000;

export interface Circulation {
  /** Each movable amount's edge. */
  cellEdge: ReadonlyMap<number, number>;
  /** The edge closing the circulation, sink → source. */
  circulation: number;
  sink: number;
  /** Settling phases: the repairs try each, narrowest first. */
  phases: number;
}

/**
 * Brings every group the circulation does not hold within its bounds where it can: by cycles, then
 * (where a sum is still out) by the small exact search over every sum, `rows` included; then caps
 * every group still above its bound.
 */
export function holdGroups(net: FenNetwork, c: Circulation, groups: readonly GroupSum[], rows: readonly Sum[]): void {
  const overlaps = new Overlaps(net, c, groups);
  for (let moved = true; moved;) {
    moved = false;
    groups.forEach((g, k) => {
      if (g.nested) return;
      while (overlaps.outside(k) !== 0 && overlaps.repair(k)) moved = true;
    });
  }
  // The search numbers the amounts 0, 1, … in the order of their edges.
  const edges = [...c.cellEdge.values()];
  const local = new Map([...c.cellEdge.keys()].map((i, j) => [i, j]));
  const sums: Sum[] = [...rows, ...groups.map((g) => ({ members: g.members, ...g.bounds }))].map((s) => ({ ...s, members: s.members.map((i) => local.get(i)!) }));
  const up = edges.map((e) => net.flowOf(e));
  const outside = (s: Sum) => {
    const n = s.members.reduce((a, j) => a + up[j], 0);
    return n < s.lb || n > s.ub;
  };
  if (sums.some(outside)) {
    const { turns, tried } = turnsToHold(up, () => true, sums, SEARCH_BUDGET);
    net.steps += tried;
    for (const j of turns ?? []) overlaps.turn(edges[j]);
  }
  groups.forEach((_, k) => overlaps.capAbove(k));
}

class Overlaps {
  /** Each moving edge's overlapping groups. */
  private readonly of = new Map<number, number[]>();
  /** How many of each group's amounts are rounded up. */
  private readonly up: number[];

  constructor(private readonly net: FenNetwork, private readonly c: Circulation, private readonly groups: readonly GroupSum[]) {
    groups.forEach((g, k) => {
      if (g.nested) return;
      for (const i of g.members) {
        const e = c.cellEdge.get(i)!;
        this.of.set(e, [...(this.of.get(e) ?? []), k]);
      }
    });
    this.up = groups.map((g) => g.members.reduce((s, i) => s + net.flowOf(c.cellEdge.get(i)!), 0));
  }

  /** How far group k is above (> 0) or below (< 0) its bounds, as it stands or with `up` rounded up. */
  outside(k: number, up = this.up[k]): number {
    const { lb, ub } = this.groups[k].bounds;
    return up > ub ? up - ub : up < lb ? up - lb : 0;
  }

  /** One fen moved into group k's bounds around a cycle that moves no other group further out; false if none was found. */
  repair(k: number): boolean {
    const down = this.outside(k) > 0;
    const own = new Set(this.groups[k].members.map((i) => this.c.cellEdge.get(i)!));
    // Another overlapping group's amount may move only where that group has room.
    const usable = (edge: number, forward: boolean) =>
      !own.has(edge) && (this.of.get(edge) ?? []).every((h) => (forward ? this.up[h] < this.groups[h].bounds.ub : this.up[h] > this.groups[h].bounds.lb));
    for (let phase = 0; phase < this.c.phases; phase++) {
      for (const i of this.groups[k].members) {
        const cycle = this.cycle(this.c.cellEdge.get(i)!, down, phase, usable);
        if (!cycle) continue;
        const change = [...this.change(cycle)];
        if (change.some(([h, d]) => h !== k && Math.abs(this.outside(h, this.up[h] + d)) > Math.abs(this.outside(h)))) continue;
        this.move(cycle, 1);
        return true;
      }
    }
    return false;
  }

  /** A cycle moving edge e's amount down (or up) one fen within phase `phase`'s bounds, along `usable` arcs; null if none. */
  private cycle(e: number, down: boolean, phase: number, usable: (edge: number, forward: boolean) => boolean): number[] | null {
    const { lb, ub } = this.net.bounds(e, phase);
    if (down ? this.net.flowOf(e) - 1 < lb : this.net.flowOf(e) + 1 > ub) return null;
    const { from, to } = this.net.ends(e);
    // The path is looked for as the amount's move leaves the other groups holding it.
    const first = FenNetwork.arc(e, !down);
    this.count([first], 1);
    const back = down ? this.net.path(from, to, phase, usable) : this.net.path(to, from, phase, usable);
    this.count([first], -1);
    return back && [first, ...back];
  }

  /** Moves `cycle` one fen (`sign` 1) or back (−1), with the overlapping groups' counts. */
  private move(cycle: readonly number[], sign: number): void {
    this.net.shift(cycle, sign);
    this.count(cycle, sign);
  }

  /** Counts `arcs`' moves (`sign` 1) or takes them back (−1) in the overlapping groups' counts. */
  private count(arcs: readonly number[], sign: number): void {
    for (const [h, d] of this.change(arcs)) this.up[h] += sign * d;
  }

  private change(arcs: readonly number[]): Map<number, number> {
    const change = new Map<number, number>();
    for (const a of arcs) for (const h of this.of.get(a >> 1) ?? []) change.set(h, (change.get(h) ?? 0) + (a & 1 ? -1 : 1));
    return change;
  }

  /**
   * The last resort: group k's amounts rounded down, in order, while it is above its bound — first
   * those whose row and groups stay within their bounds, then any. Each goes down with its row, the
   * held groups holding it and the circulation, so no sum rises.
   */
  capAbove(k: number): void {
    const g = this.groups[k];
    const above = () => g.members.reduce((s, i) => s + this.net.flowOf(this.c.cellEdge.get(i)!), 0) > g.bounds.ub;
    for (const strict of [true, false]) {
      for (const i of g.members) {
        if (!above()) return;
        const e = this.c.cellEdge.get(i)!;
        if (this.net.flowOf(e) - 1 < this.net.bounds(e, this.c.phases - 1).lb) continue;
        const cycle = this.through(e, false);
        const stays = cycle.every((a) => this.net.flowOf(a >> 1) - 1 >= this.net.bounds(a >> 1, this.c.phases - 1).lb);
        if (strict && (!stays || [...this.change(cycle)].some(([h, d]) => this.outside(h, this.up[h] + d) < 0))) continue;
        this.move(cycle, 1);
      }
    }
  }

  /** Rounds edge e's amount the other way, with its row, the held groups holding it and the circulation. */
  turn(e: number): void {
    this.move(this.through(e, this.net.flowOf(e) === 0), 1);
  }

  /** The cycle rounding edge e's amount up (or down): with its row, the held groups above it and the circulation. */
  private through(e: number, up: boolean): number[] {
    const { from: row, to } = this.net.ends(e);
    const edges = [e, this.net.edgesAt(row, false)[0], this.c.circulation];
    for (let x = to; x !== this.c.sink;) {
      const parent = this.net.edgesAt(x, true)[0];
      edges.push(parent);
      x = this.net.ends(parent).to;
    }
    return edges.map((k) => FenNetwork.arc(k, up));
  }
}
