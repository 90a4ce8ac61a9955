/**
 * Whether stress's starts by region (stress_starts.csv) — and so money by source, which follows
 * them — were held near the 0 % plan, apart from households: a scenario of whole towns counts none,
 * yet a 1 % cut of enterprise money showed two central-town pilots swapping towns with no word that
 * the swap may be the solver's choice (stress_summary.csv's `starts_held_near`, stressRegionsHeld.ts).
 */
import { startsMoved } from "../finance/stressStartsMoved.js";
import { type Label, sentence } from "../format/labels.js";
import { MOVED_STARTS, type RegionsHold, regionsChosen } from "../format/regionMovesLegend.js";
import { records } from "../output/resultTables.js";
import { type KeyFigure, keyFigure } from "./keyFigure.js";
import { regionsHoldOf } from "./regionMoves.js";
import type { RunContext } from "./runContext.js";

/** The folder's hold over every programme's starts; a folder written before `starts_held_near` reads its `regions_held_near`. */
function startsHold(ctx: RunContext): RegionsHold {
  const rows = records(ctx.tables.get("stress_summary.csv")).filter((r) => r.cut !== 0);
  return regionsHoldOf(ctx, rows, rows.some((r) => "starts_held_near" in r) ? "starts_held_near" : "regions_held_near");
}

/** Where the starts were not all held: why a region's change may be the solver's pick (regionMovesLegend.ts's words); null where held. */
export function startsNotHeldNote(ctx: RunContext): Label | null {
  const hold = startsHold(ctx);
  return hold.near && hold.allHeld ? null : regionsChosen(hold, MOVED_STARTS);
}

/**
 * A key figure (report.html and the workbook's 概要, where the 压力测试-各地区开工 sheet has no note
 * of its own) where regions' starts change at a cut level that was not held near the 0 % plan.
 */
export function startsHoldFigure(ctx: RunContext): KeyFigure[] {
  const note = startsMoved(records(ctx.tables.get("stress_starts.csv"))) ? startsNotHeldNote(ctx) : null;
  return note ? [keyFigure("说明：各地区开工的变化", "Note: starts by region", sentence(note), "text")] : [];
}
