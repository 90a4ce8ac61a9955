/**
 * Amounts to the fen so that the sums a reader takes of them are the sums of the amounts, rounded:
 * every amount is rounded down or up to the fen, never further, and so is every sum the caller names
 * (controlled rounding). Rounding each amount on its own can leave a sum a fen or more off — three
 * payments of 1/3 of a 1000万 village read 9,999,999.99 together, and the payments out of a budget
 * spent to the yuan read a fen more than it.
 *
 * `rows` partition the amounts (a year's payments for one leaf and programme); `groups` are further
 * sums (the payments out of a budget, in a year or since a carry began). A sum's bounds are the fen
 * below and above its exact total — the exact amounts added, so amounts read as a whole fen count
 * with what they were — and that fen alone within FEN_NOISE of it.
 *
 * Method. The amounts are rounded stage by stage (`stages`: a payment year each; rows lie within
 * one), each stage's rows together with the groups it has amounts of (fenStage.ts): a group spanning
 * stages is held at each as far as it has come — what its part there may add to what the stages
 * before wrote, so that they and it stay within the bounds of their exact total — and so at its
 * last. A budget's money since its carry began is then, in each year, the budget's payments of that
 * year with bounds of their own, which nest in the province's year as the city's year does: carry-
 * over at two levels of one source needs nothing more. Within a stage the groups that nest form a
 * network flow with the rows, each row starting at its nearest fen; those that overlap one in part
 * (a region group across cities beside the cities' budgets) are brought in afterwards by single fen
 * moved around cycles, or by a small exact search where a fix needs several at once
 * (fenOverlaps.ts). Where a stage's choices leave a later one no way to hold a group, the whole
 * table settles once more from where the stages left it.
 *
 * Guarantees: every amount within its fen below and above; every row and group within its bounds,
 * rows at their nearest fen wherever the groups allow, in every table the engine's budgets are known
 * to make. Where a table admits none that way (three groups overlapping pairwise over two sources,
 * every payment half a fen), no group is left above its bound — amounts of a group over it are
 * rounded down, so a budget never reads more used than the plan pays — and every sum left outside
 * its bounds is returned (`unheld`) for the caller to report. The same input always rounds alike;
 * the work is near-linear in the table's size (`steps`: arcs the searches looked at). A few amounts
 * leave their nearest fen, not provably the fewest.
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
export function roundToFen(yuan: readonly number[], rows: Sets, groups: Sets, stages?: readonly number[]): number[] {
  return roundedToFen(yuan, rows, groups, stages).yuan;
}

/**
 * roundToFen, with the sums it could not hold and the work it took. `stages` (a number per amount,
 * rounded in increasing order) defaults to one stage; rows spanning stages make it one stage too.
 */
export function roundedToFen(yuan: readonly number[], rows: Sets, groups: Sets, stages?: readonly number[]): FenRounded {
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
  const within = stages && allRows.every((r) => r.every((i) => stages[i] === stages[r[0]]));
  const stage = within ? stages : yuan.map(() => 0);

  const up = yuan.map(() => 0);
  let steps = 0;
  for (const t of [...new Set(stage)].sort((a, b) => a - b)) {
    const stageRows: StageRow[] = allRows.filter((r) => r.length > 0 && stage[r[0]] === t).map((r) => {
      const { near, loose } = totalBounds(r, off);
      return { members: r.filter((i) => free[i]), near, ...loose };
    });
    // A group with amounts here: they and the stages before it within the bounds of their exact
    // total, so it can still be held (and is) at its last stage.
    const open = groups.flatMap((g, k) => (g.some((i) => stage[i] === t) ? [k] : []));
    const stageGroups: StageSum[] = open.map((k) => {
      const sofar = groups[k].filter((i) => stage[i] <= t);
      const before = sofar.reduce((s, i) => s + (stage[i] < t ? up[i] : 0), 0);
      const { loose } = totalBounds(sofar, off);
      return { members: sofar.filter((i) => free[i] && stage[i] === t), lb: loose.lb - before, ub: loose.ub - before };
    });
    steps += roundStage(up, off, stageRows, stageGroups);
  }

  // A stage's choices can leave a later one no way to hold a group (1 in 700 of the generated budget
  // tables): the whole table then settles once more from where the stages left it, rows where they are.
  if (unheldSums(allRows, groups, up, off, fen).length > 0) {
    const rowsNow: StageRow[] = allRows.map((r) => {
      const members = r.filter((i) => free[i]);
      return { members, near: members.reduce((s, i) => s + up[i], 0), ...totalBounds(r, off).loose };
    });
    steps += roundStage(up, off, rowsNow, groups.map((g) => ({ members: g.filter((i) => free[i]), ...totalBounds(g, off).loose })), false);
  }
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
