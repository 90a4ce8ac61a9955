/**
 * Amounts to the fen so that the sums a reader takes of them are the sums of the amounts, rounded:
 * every amount is rounded down or up to the fen, never further, and so is every sum the caller names
 * (controlled rounding). Rounding each amount on its own can leave a sum a fen or more off — three
 * payments of 1/3 of a 1000万 village read 9,999,999.99 together, and the payments out of a budget
 * spent to the yuan read a fen more than it.
 *
 * `rows` partition the amounts (a year's payments for one leaf and programme); `groups` are further
 * sums (the payments out of a budget) that nest (any two are disjoint or one holds the other); a group
 * that overlaps another partly is not held. A sum's bounds are the fen below and above its exact
 * total — the exact amounts added, so amounts read as a whole fen count with what they were — and
 * that fen alone within FEN_NOISE of it.
 *
 * Method: the rows and the nesting groups form a network flow (fenStage.ts), each row starting at its
 * nearest fen and the flow settled by a maximum flow (fenFlow.ts), so the work is near-linear in the
 * table's size (`steps`: arcs the searches looked at) and only the fen the groups force move.
 *
 * Guarantees: every amount within its fen below and above; every row and nesting group within its
 * bounds, rows at their nearest fen wherever the groups allow. Every sum left outside its bounds is
 * returned (`unheld`). The same input always rounds alike. A few amounts leave their nearest fen, not
 * provably the fewest.
 */
import { FEN_NOISE, totalBounds } from "./fenBounds.js";
import { roundStage, type StageRow, type StageSum } from "./fenStage.js";

export { FEN_NOISE };

/** Within this of a whole fen an amount is that fen: floating point's rendering of a whole fen. */
const EXACT = 1e-4;

/** A sum not within its bounds: its exact total and the total written, in fen. */
export interface UnheldSum {
  kind: "row" | "group";
  /** Into `rows` (an amount in no row: rows.length + its place among those) or `groups`. */
  index: number;
  exact: number;
  written: number;
}

export interface FenRounded {
  yuan: number[];
  unheld: UnheldSum[];
  /** Arcs the searches looked at: the work done, for tests that bound it without a clock. */
  steps: number;
}

type Sets = readonly (readonly number[])[];

/** `yuan` rounded to the fen (yuan, every amount within a fen of its own). */
export function roundToFen(yuan: readonly number[], rows: Sets, groups: Sets): number[] {
  return roundedToFen(yuan, rows, groups).yuan;
}

/** roundToFen, with the sums it could not hold and the work it took. */
export function roundedToFen(yuan: readonly number[], rows: Sets, groups: Sets): FenRounded {
  const fen = yuan.map((y) => y * 100);
  const base = fen.map((f) => Math.floor(f));
  const free = fen.map((f, i) => {
    const frac = f - base[i];
    if (frac > 1 - EXACT) base[i]++;
    return frac >= EXACT && frac <= 1 - EXACT;
  });
  const off = fen.map((f, i) => f - base[i]); // exact fen above the floor: in a sum's total, moved or not
  const inRows = new Set(rows.flat());
  const allRows = [...rows, ...yuan.flatMap((_, i) => (inRows.has(i) ? [] : [[i]]))]; // an amount in no row is a row of its own
  const up = yuan.map(() => 0);
  const stageRows: StageRow[] = allRows.filter((r) => r.length > 0).map((r) => {
    const { near, loose } = totalBounds(r, off);
    return { members: r.filter((i) => free[i]), near, ...loose };
  });
  const stageGroups: StageSum[] = groups.map((g) => ({ members: g.filter((i) => free[i]), ...totalBounds(g, off).loose }));
  const steps = roundStage(up, off, stageRows, stageGroups);
  const written = base.map((b, i) => b + (free[i] ? up[i] : 0));
  return { yuan: written.map((f) => (f === 0 ? 0 : f / 100)), unheld: unheldSums(allRows, groups, up, off, fen), steps };
}

/** The rows and groups outside their bounds with `up` rounded up. */
function unheldSums(rows: Sets, groups: Sets, up: readonly number[], off: readonly number[], fen: readonly number[]): UnheldSum[] {
  const unheld: UnheldSum[] = [];
  const check = (kind: UnheldSum["kind"], members: readonly number[], index: number) => {
    const { loose } = totalBounds(members, off);
    const moved = members.reduce((s, i) => s + up[i], 0);
    if (moved < loose.lb || moved > loose.ub) {
      const exact = members.reduce((s, i) => s + fen[i], 0);
      unheld.push({ kind, index, exact, written: Math.round(exact - members.reduce((s, i) => s + off[i], 0)) + moved });
    }
  };
  rows.forEach((r, k) => check("row", r, k));
  groups.forEach((g, k) => check("group", g, k));
  return unheld;
}
