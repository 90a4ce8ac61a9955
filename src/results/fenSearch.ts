/**
 * A small exact search for the tables fenOverlaps.ts's cycles leave with a sum outside its bounds:
 * which few amounts to round the other way so that every sum — rows and groups, held or not — is
 * within its bounds.
 *
 * Method: depth-first, iteratively deepened on the number of amounts turned (up to MAX_TURNS). At
 * each step the sum outside its bounds with the fewest amounts that could bring it in is taken (the
 * first on ties), and each of those amounts is tried in turn, those putting the fewest other sums out
 * first (then in the order given); an amount is turned at most once. Where the tables come from, a
 * few turns suffice (two to five in the generated budget tables whose cycles failed).
 *
 * Guarantees: if some set of at most MAX_TURNS amounts turned brings every sum within its bounds and
 * the search is not cut short by its budget of `nodes` (amounts tried), such a set is found; the same
 * table always gives the same set; null otherwise, and the caller falls back (fenOverlaps.ts).
 */
import type { Bounds } from "./fenFlow.js";

/** Amounts turned at most: the deepest search, whose cost grows as the number of candidates to this power. */
const MAX_TURNS = 6;

export interface Sum extends Bounds {
  members: readonly number[];
}

/**
 * The amounts (indices into `up`: 1 rounded up, 0 down) to turn so every sum is within its bounds;
 * only amounts `movable` allows turn. null if none was found within `budget` amounts tried. `tried`
 * reports how many were.
 */
export function turnsToHold(up: readonly number[], movable: (i: number) => boolean, sums: readonly Sum[], budget: number): { turns: number[] | null; tried: number } {
  const x = [...up];
  const count = sums.map((s) => s.members.reduce((a, i) => a + x[i], 0));
  const sumsOf: number[][] = x.map(() => []);
  sums.forEach((s, k) => s.members.forEach((i) => sumsOf[i].push(k)));
  const outside = (k: number, c = count[k]) => (c > sums[k].ub ? c - sums[k].ub : c < sums[k].lb ? c - sums[k].lb : 0);
  const out = new Set(sums.flatMap((_, k) => (outside(k) !== 0 ? [k] : [])));
  const turned = new Set<number>();
  const turns: number[] = [];
  let tried = 0;

  const turn = (i: number) => {
    const d = x[i] === 1 ? -1 : 1;
    x[i] += d;
    for (const k of sumsOf[i]) {
      count[k] += d;
      if (outside(k) === 0) out.delete(k);
      else out.add(k);
    }
  };
  /** How many sums turning amount i would put outside their bounds. */
  const harm = (i: number) => {
    const d = x[i] === 1 ? -1 : 1;
    return sumsOf[i].filter((k) => outside(k) === 0 && outside(k, count[k] + d) !== 0).length;
  };
  const candidates = (k: number) => {
    const want = outside(k) > 0 ? 1 : 0; // the amounts rounded up bring a sum above its bounds down
    return sums[k].members.filter((i) => x[i] === want && !turned.has(i) && movable(i));
  };
  const search = (depth: number): boolean => {
    if (out.size === 0) return true;
    if (depth === 0 || tried >= budget) return false;
    let pick: number[] | null = null;
    let pickK = -1;
    for (const k of out) {
      if (Math.abs(outside(k)) > depth) return false; // each turn moves a sum one fen
      const c = candidates(k);
      if (pick === null || c.length < pick.length || (c.length === pick.length && k < pickK)) [pick, pickK] = [c, k];
    }
    const order = pick!.map((i) => ({ i, harm: harm(i) })).sort((a, b) => a.harm - b.harm || a.i - b.i);
    for (const { i } of order) {
      if (tried++ >= budget) return false;
      turn(i);
      turned.add(i);
      turns.push(i);
      if (search(depth - 1)) return true;
      turns.pop();
      turned.delete(i);
      turn(i);
    }
    return false;
  };

  for (let depth = 1; depth <= MAX_TURNS; depth++) if (search(depth)) return { turns, tried };
  return { turns: null, tried };
}
