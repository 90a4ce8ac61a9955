/**
 * Years `as_of` closes are whole: every leaf and programme has a record for each closed horizon
 * year (`started: 0` where nothing started), so no re-plan starts anything in the past. A leaf whose
 * stock of the programme is 0 needs none: nothing could start there, and normaliseActuals.ts gives
 * it the `started: 0` record an office would write, so the model is the same either way.
 */
import { id, records, year, type CheckContext, type Doc } from "./checkContext.js";
import { closedYears } from "./normaliseActuals.js";
import type { PathKey } from "./positions.js";

/** What a record whose region, programme or year did not resolve may stand for (undefined: any). */
export interface Unresolved {
  /** The leaves it may be for: its region, or every region its name is the name of. */
  leaves?: readonly string[];
  program?: string;
  year?: number;
}

/**
 * One problem per closed year and programme, naming every leaf that lacks its record (by id and
 * name, all of them: the planner adds them from this list), at the data table that holds that
 * year's actuals when they come from one — where the rows are to be added. A leaf that an
 * unresolved record may stand for waits until that record is fixed. `seen`: the records by
 * [region, program, year]; `entries`: every record with its index.
 */
export function checkClosedYearsCovered(
  ctx: CheckContext,
  firstOpenYear: number,
  seen: ReadonlyMap<string, number>,
  unresolved: readonly Unresolved[],
  entries: readonly [Doc, number][],
): void {
  if (!ctx.horizon || !ctx.whole(["actuals"]) || !ctx.whole(["regions"])) return;
  const regionNames = new Map(records(ctx.doc.regions).map(([r]) => [id(r.id), r.name]));
  for (const y of closedYears(ctx.horizon, firstOpenYear)) {
    for (const program of ctx.programs.keys()) {
      if (!ctx.leafRowsWhole(program)) continue;
      const standsFor = (leaf: string) => unresolved.some((u) => (u.leaves?.includes(leaf) ?? true) && (u.program ?? program) === program && (u.year ?? y) === y);
      const missing = [...ctx.leafRows(program)]
        .filter(([leaf, row]) => row.stock !== 0 && !seen.has(JSON.stringify([leaf, program, y])) && !standsFor(leaf))
        .map(([leaf]) => withName(leaf, regionNames.get(leaf)));
      if (missing.length === 0) continue;
      const leaves = missing.length === 1 ? missing[0] : `${missing.length} leaves: ${missing.join(", ")}`;
      const programName = withName(program, ctx.programs.get(program)?.name, true);
      ctx.report(["as_of"], `as_of ${String(ctx.doc.as_of)} closes ${y}, but actuals have no ${y} record of ${programName} for ${leaves} (add ${missing.length === 1 ? "it" : "them"}; started: 0 where nothing started)`, tableRecord(entries, program, y));
    }
  }
}

/** `conghua-wenquan (温泉镇)`; the id alone where the entry has no name of its own. */
function withName(entry: string, name: unknown, quoted = false): string {
  const shown = quoted ? `"${entry}"` : entry;
  return typeof name === "string" && name !== "" && name !== entry ? `${shown} (${name})` : shown;
}

/** A record of the programme's closed year, else of that year, else any: its table is where the missing rows go. */
function tableRecord(entries: readonly [Doc, number][], program: string, y: number): PathKey[] | undefined {
  const found = entries.find(([a]) => id(a.program) === program && year(a.year) === y) ?? entries.find(([a]) => year(a.year) === y) ?? entries[0];
  return found && ["actuals", found[1]];
}
