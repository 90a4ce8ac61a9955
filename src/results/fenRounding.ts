/**
 * Amounts to the fen so that the sums a reader takes of them are the sums of the amounts, rounded:
 * every amount is rounded down or up to the fen, never further, and so is every sum the caller names
 * (controlled rounding). Rounding each amount on its own can leave a sum a fen or more off — three
 * payments of 1/3 of a 1000万 village read 9,999,999.99 together, and the payments out of a budget
 * spent to the yuan read a fen more than it.
 *
 * `rows` partition the amounts (a year's payments for one leaf and programme); `groups` are further
 * sums (the payments out of a budget) that nest (any two are disjoint or one holds the other); a group
 * that overlaps another partly is not held. Such a table can always be rounded this way — the exact
 * amounts are a fractional solution of a network flow, so an integral one exists (Cox 1987). A row
 * is held to its nearest fen where the groups allow (a whole unit's payments add up to its cost).
 * Each amount starts at its nearest fen; a sum that is then off is moved back by shifting single fen
 * along the shortest path of amounts that may still move (breadth-first, in the order given, so the
 * same amounts always round alike), so only as few amounts as needed leave their nearest fen.
 */

/** Within this of a whole fen an amount is that fen (solver noise); so is a sum of the fractions. */
const FEN_NOISE = 0.01;

interface Edge {
  from: number;
  to: number;
  lb: number;
  ub: number;
  flow: number;
  /** A row's nearest fen: its bounds while paths that keep every row there can be found. */
  near?: number;
}

/** `yuan` rounded to the fen (yuan, every amount within a fen of its own). */
export function roundToFen(yuan: readonly number[], rows: readonly (readonly number[])[], groups: readonly (readonly number[])[]): number[] {
  const whole = yuan.map((y) => Math.floor(y * 100));
  const frac = yuan.map((y, i) => y * 100 - whole[i]);
  frac.forEach((f, i) => {
    if (f >= FEN_NOISE && f <= 1 - FEN_NOISE) return;
    if (f > 0.5) whole[i]++;
    frac[i] = 0; // a whole fen: it does not move
  });
  const movable = (members: readonly number[]) => members.filter((i) => frac[i] > 0);
  const fractions = (members: readonly number[]) => members.reduce((s, i) => s + frac[i], 0);
  const net = new Network();
  const { parents, innermost } = nestedGroups(groups.map(movable));
  // Groups outermost first, each flowing into the group holding it or to the sink.
  const groupNode = new Map<number, number>();
  for (const [g, parent] of parents) {
    groupNode.set(g, net.node());
    const members = movable(groups[g]);
    net.sum(groupNode.get(g)!, parent === null ? SINK : groupNode.get(parent)!, fractions(members));
  }
  const cellEdge = new Map<number, number>();
  const inRows = new Set(rows.flat());
  const alone = yuan.flatMap((_, i) => (inRows.has(i) ? [] : [[i]])); // an amount in no row is a row of its own
  for (const row of [...rows, ...alone]) {
    const node = net.node();
    const members = movable(row);
    net.sum(SOURCE, node, fractions(members), true);
    for (const i of members) {
      const g = innermost.get(i);
      cellEdge.set(i, net.cell(node, g === undefined ? SINK : groupNode.get(g)!, frac[i] >= 0.5 ? 1 : 0));
    }
  }
  net.close();
  net.repair();
  return yuan.map((_, i) => {
    const e = cellEdge.get(i);
    const fen = whole[i] + (e === undefined ? 0 : net.flowOf(e));
    return fen === 0 ? 0 : fen / 100;
  });
}

/**
 * The groups held, outermost first, each with its parent (the smallest group holding it; null at the
 * top), and each amount's innermost group. Larger groups are placed first; a group whose amounts lie
 * in different groups placed before (or some in one, some in none) overlaps one of them in part and is
 * not held. Groups of movable amounts only: `groups` lists each group's amounts that can still move.
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

const SOURCE = 0;
const SINK = 1;

/**
 * A circulation whose flows start at the amounts' nearest fen and are moved into their bounds:
 * an edge above its upper bound sends a unit back along another path between its two ends, one below
 * its lower bound draws one; paths use only moves that keep every other edge within its bounds.
 */
class Network {
  private readonly edges: Edge[] = [];
  /** The sums' edges in the order made (a group's before the groups and amounts inside it). */
  private readonly sums: number[] = [];
  private readonly out: number[][] = [[], []];
  private readonly into: number[][] = [[], []];

  node(): number {
    this.out.push([]);
    this.into.push([]);
    return this.out.length - 1;
  }

  /**
   * A sum whose amounts' fractions of a fen add up to `fractions`: it may take the fen below or above,
   * and (`nearest`) is held to its nearest fen where a path keeping it there can be found.
   */
  sum(from: number, to: number, fractions: number, nearest = false): void {
    const near = Math.round(fractions);
    const bounds = Math.abs(fractions - near) < FEN_NOISE ? { lb: near, ub: near } : { lb: Math.floor(fractions), ub: Math.ceil(fractions) };
    this.sums.push(this.add({ from, to, ...bounds, flow: 0, ...(nearest ? { near } : {}) }));
  }

  /** One amount: 0 or 1 fen above its whole fen, starting at `flow`. */
  cell(from: number, to: number, flow: number): number {
    return this.add({ from, to, lb: 0, ub: 1, flow });
  }

  flowOf(e: number): number {
    return this.edges[e].flow;
  }

  /** Gives every sum its amounts' flow, innermost first, and closes the circulation sink → source. */
  close(): void {
    let total = 0;
    for (const k of [...this.sums].reverse()) {
      const e = this.edges[k];
      e.flow = e.from === SOURCE ? this.level(this.out[e.to]) : this.level(this.into[e.from]);
      if (e.from === SOURCE) total += e.flow;
    }
    this.add({ from: SINK, to: SOURCE, lb: -Infinity, ub: Infinity, flow: total });
  }

  /**
   * Moves every flow within its bounds, one unit at a time; a flow no path can move stays (never for
   * nested sums). Each unit first along a path that keeps every row at its nearest fen (`strict`),
   * and only where there is none along one that lets a row go to the fen below or above.
   */
  repair(): void {
    this.edges.forEach((e, k) => {
      for (const strict of [true, false]) {
        const { lb, ub } = this.bounds(e, strict);
        while (e.flow > ub && this.push(e.from, e.to, k, strict)) e.flow--;
        while (e.flow < lb && this.push(e.to, e.from, k, strict)) e.flow++;
      }
    });
  }

  private bounds(e: Edge, strict: boolean): { lb: number; ub: number } {
    return strict && e.near !== undefined ? { lb: e.near, ub: e.near } : e;
  }

  private level(edges: readonly number[]): number {
    return edges.reduce((s, k) => s + this.edges[k].flow, 0);
  }

  private add(e: Edge): number {
    this.edges.push(e);
    const k = this.edges.length - 1;
    this.out[e.from].push(k);
    this.into[e.to].push(k);
    return k;
  }

  /** Sends one unit from `start` to `end` along the shortest path of movable edges (not `skip`); false if none. */
  private push(start: number, end: number, skip: number, strict: boolean): boolean {
    const via = new Map<number, { edge: number; forward: boolean }>([[start, { edge: -1, forward: true }]]);
    const queue = [start];
    for (let q = 0; q < queue.length && !via.has(end); q++) {
      const x = queue[q];
      const visit = (edge: number, next: number, forward: boolean) => {
        if (edge === skip || via.has(next)) return;
        via.set(next, { edge, forward });
        queue.push(next);
      };
      for (const k of this.out[x]) if (this.edges[k].flow < this.bounds(this.edges[k], strict).ub) visit(k, this.edges[k].to, true);
      for (const k of this.into[x]) if (this.edges[k].flow > this.bounds(this.edges[k], strict).lb) visit(k, this.edges[k].from, false);
    }
    if (!via.has(end)) return false;
    for (let x = end; x !== start;) {
      const { edge, forward } = via.get(x)!;
      const e = this.edges[edge];
      e.flow += forward ? 1 : -1;
      x = forward ? e.from : e.to;
    }
    return true;
  }
}
