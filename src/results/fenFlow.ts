/**
 * The circulation fenRounding.ts rounds in: a flow per edge (a sum's or an amount's fen above its
 * floor) between bounds that widen phase by phase, moved into its bounds by a maximum flow.
 *
 * Method: every edge out of its first phase's bounds is set to the nearest bound; what that leaves
 * each node short or over is carried from a super source to a super sink by Dinic's algorithm
 * (breadth-first levels, then blocking paths along them), phase by phase, each phase continuing
 * with the next phase's wider bounds only for what the narrower ones could not carry. A last phase
 * lets each edge set back return to where it started (a parallel edge of that capacity), so the
 * maximum flow always carries everything: the result is a circulation again, and an edge keeps a
 * part of its start only where no bounds of an earlier phase had a path for it.
 *
 * Guarantees: the flows stay integral; a phase moves no edge outside that phase's bounds, and only
 * the last takes an edge back toward where it started; the work is a few breadth-first passes over
 * the network, not one per unit moved (`steps` counts the arcs the searches look at); the same
 * network always settles alike (arcs are tried in the order the edges were made).
 */

export interface Bounds {
  lb: number;
  ub: number;
}

interface Edge {
  from: number;
  to: number;
  /** Bounds from phase k on (the last for every later phase); each holds the one before. */
  tiers: readonly Bounds[];
  flow: number;
}

export class FenNetwork {
  private readonly edges: Edge[] = [];
  /** Each node's arcs: 2k leaves along edge k (its `from`), 2k + 1 goes back along it (its `to`). */
  private readonly arcs: number[][] = [];
  /** Arcs looked at by every search so far (breadth-first, blocking paths, repairs). */
  steps = 0;

  node(): number {
    this.arcs.push([]);
    return this.arcs.length - 1;
  }

  edge(from: number, to: number, tiers: readonly Bounds[], flow: number): number {
    this.edges.push({ from, to, tiers, flow });
    const k = this.edges.length - 1;
    this.arcs[from].push(2 * k);
    this.arcs[to].push(2 * k + 1);
    return k;
  }

  flowOf(k: number): number {
    return this.edges[k].flow;
  }

  ends(k: number): { from: number; to: number } {
    return this.edges[k];
  }

  bounds(k: number, phase: number): Bounds {
    const { tiers } = this.edges[k];
    return tiers[Math.min(phase, tiers.length - 1)];
  }

  /** The edges out of (`out`) or into a node. */
  edgesAt(node: number, out: boolean): number[] {
    return this.arcs[node].filter((a) => (a & 1) === (out ? 0 : 1)).map((a) => a >> 1);
  }

  /** Moves `arcs` (a path or a cycle) by `by` units: forward arcs up, backward arcs down. */
  shift(arcs: readonly number[], by = 1): void {
    for (const a of arcs) this.edges[a >> 1].flow += a & 1 ? -by : by;
  }

  /**
   * Settles every edge within its bounds as far as phases 0…`last` − 1 allow (see the module's
   * method); phase `last` sets back what none could.
   */
  settle(last: number): void {
    const made = this.edges.length;
    const source = this.node();
    const sink = this.node();
    const excess = new Map<number, number>(); // node → what flows in beyond what flows out
    const setBack: { edge: number; back: number; sign: number }[] = [];
    for (let k = 0; k < made; k++) {
      const e = this.edges[k];
      const { lb, ub } = e.tiers[0];
      const d = e.flow > ub ? e.flow - ub : e.flow < lb ? e.flow - lb : 0;
      if (d === 0) continue;
      e.flow -= d;
      excess.set(e.from, (excess.get(e.from) ?? 0) + d);
      excess.set(e.to, (excess.get(e.to) ?? 0) - d);
      // The way back to the start: a parallel edge in the direction of the flow taken off, shut until `last`.
      const shut = Array.from({ length: last }, () => ({ lb: 0, ub: 0 }));
      const back = d > 0 ? this.edge(e.from, e.to, [...shut, { lb: 0, ub: d }], 0) : this.edge(e.to, e.from, [...shut, { lb: 0, ub: -d }], 0);
      setBack.push({ edge: k, back, sign: Math.sign(d) });
    }
    let need = 0;
    for (const [node, x] of excess) {
      if (x > 0) this.edge(source, node, [{ lb: 0, ub: x }], 0);
      if (x < 0) this.edge(node, sink, [{ lb: 0, ub: -x }], 0);
      need += Math.max(0, x);
    }
    for (let phase = 0; phase <= last && need > 0; phase++) need -= this.maxFlow(source, sink, phase);
    for (const { edge, back, sign } of setBack) this.edges[edge].flow += sign * this.edges[back].flow;
    this.drop(made, source);
  }

  /**
   * The shortest path of arcs from `start` to `end` along which one unit can move within phase
   * `phase`'s bounds, using only arcs `usable` allows (edge, forward or back); null if none.
   */
  path(start: number, end: number, phase: number, usable: (edge: number, forward: boolean) => boolean): number[] | null {
    const via = new Map<number, number>([[start, -1]]);
    const queue = [start];
    for (let q = 0; q < queue.length && !via.has(end); q++) {
      for (const a of this.arcs[queue[q]]) {
        this.steps++;
        const next = this.head(a);
        if (via.has(next) || this.room(a, phase) < 1 || !usable(a >> 1, (a & 1) === 0)) continue;
        via.set(next, a);
        queue.push(next);
      }
    }
    if (!via.has(end)) return null;
    const arcs: number[] = [];
    for (let x = end; x !== start; x = this.tail(via.get(x)!)) arcs.push(via.get(x)!);
    return arcs.reverse();
  }

  /** The arc moving edge `k` forward (up) or back (down). */
  static arc(k: number, forward: boolean): number {
    return forward ? 2 * k : 2 * k + 1;
  }

  /** Dinic's maximum flow from `source` to `sink` within phase `phase`'s bounds; the units carried. */
  private maxFlow(source: number, sink: number, phase: number): number {
    let carried = 0;
    for (;;) {
      const level = this.levels(source, sink, phase);
      if (level[sink] < 0) return carried;
      const next = new Array<number>(this.arcs.length).fill(0); // each node's first arc not yet tried
      for (let d = this.blockingPath(source, sink, phase, level, next); d > 0; d = this.blockingPath(source, sink, phase, level, next)) carried += d;
    }
  }

  /** Breadth-first distances from `source` over arcs with room (−1: not reached). */
  private levels(source: number, sink: number, phase: number): number[] {
    const level = new Array<number>(this.arcs.length).fill(-1);
    level[source] = 0;
    const queue = [source];
    for (let q = 0; q < queue.length && level[sink] < 0; q++) {
      const x = queue[q];
      for (const a of this.arcs[x]) {
        this.steps++;
        const y = this.head(a);
        if (level[y] >= 0 || this.room(a, phase) < 1) continue;
        level[y] = level[x] + 1;
        queue.push(y);
      }
    }
    return level;
  }

  /** One path one level up at a time, from each node's first untried arc; moves its bottleneck (0: none left). */
  private blockingPath(source: number, sink: number, phase: number, level: number[], next: number[]): number {
    const path: number[] = [];
    let x = source;
    while (x !== sink) {
      const arcs = this.arcs[x];
      while (next[x] < arcs.length) {
        this.steps++;
        const a = arcs[next[x]];
        if (level[this.head(a)] === level[x] + 1 && this.room(a, phase) >= 1) break;
        next[x]++;
      }
      if (next[x] < arcs.length) {
        const a = arcs[next[x]];
        path.push(a);
        x = this.head(a);
        continue;
      }
      if (x === source) return 0;
      level[x] = -1; // a dead end for the rest of this phase's levels
      const back = path.pop()!;
      x = this.tail(back);
      next[x]++;
    }
    const d = Math.min(...path.map((a) => this.room(a, phase)));
    this.shift(path, d);
    return d;
  }

  /** What arc `a` can still move within phase `phase`'s bounds. */
  private room(a: number, phase: number): number {
    const k = a >> 1;
    const { lb, ub } = this.bounds(k, phase);
    return a & 1 ? this.edges[k].flow - lb : ub - this.edges[k].flow;
  }

  private head(a: number): number {
    const e = this.edges[a >> 1];
    return a & 1 ? e.from : e.to;
  }

  private tail(a: number): number {
    const e = this.edges[a >> 1];
    return a & 1 ? e.to : e.from;
  }

  /** Removes the edges from `edge` on and the nodes from `node` on (settle's scaffolding, made last). */
  private drop(edge: number, node: number): void {
    for (let k = this.edges.length - 1; k >= edge; k--) {
      const e = this.edges[k];
      this.arcs[e.from].pop();
      this.arcs[e.to].pop();
    }
    this.edges.length = edge;
    this.arcs.length = node;
  }
}
