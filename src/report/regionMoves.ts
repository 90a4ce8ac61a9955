/**
 * stress_summary.csv's `regions_losing_most` / `regions_gaining_most` ("shantou-urban:9025.9433;…",
 * ids for programs) read as people read them: each region by its name in the folder's input.yaml,
 * with whole households — "汕头市市辖区 9,026户；中山市（全市，不设县） 8,432户".
 */
import type { Label } from "../format/labels.js";
import { type RegionsHold, reportRegionsNote } from "../format/regionMovesLegend.js";
import { formatCount } from "../format/numbers.js";
import { type Cell, records } from "../output/resultTables.js";
import { type KeyFigure, keyFigure } from "./keyFigure.js";
import { inputRecord, type RunContext } from "./runContext.js";

export interface RegionMove {
  region: string;
  /** The region's name from input.yaml, or its id where the folder has none. */
  name: string;
  households: number;
}

export function regionMoves(ctx: RunContext, cell: Cell): RegionMove[] {
  if (typeof cell !== "string" || cell === "") return [];
  return cell.split(";").flatMap((entry) => {
    const at = entry.lastIndexOf(":");
    const households = Number(entry.slice(at + 1));
    if (at <= 0 || !Number.isFinite(households)) return [];
    const region = entry.slice(0, at);
    const name = inputRecord(ctx, "regions", region)?.name;
    return [{ region, name: typeof name === "string" && name !== "" ? name : region, households }];
  });
}

/** "汕头市市辖区 9,026户；中山市 8,432户" / "汕头市市辖区 9,026 households; …"; "" for none. */
export function regionMovesText(moves: RegionMove[]): Label {
  return {
    zh: moves.map((m) => `${m.name} ${formatCount(m.households, true)}户`).join("；"),
    en: moves.map((m) => `${m.name} ${formatCount(m.households, true)} households`).join("; "),
  };
}

interface LevelRecord {
  cut?: unknown;
  status?: unknown;
  stages?: { stage?: unknown; proof?: unknown }[];
}

/**
 * How the folder's cut levels were kept near the 0 % plan (regionMovesLegend.ts), from run.json's
 * `levels` (which stages each ran) and stress_summary.csv's `regions_held_near` (or `column`:
 * `starts_held_near`, every programme's starts); a folder written before that column counts a level
 * with a near stage as held, one without run.json's levels as held where the column does not say otherwise.
 */
export function regionsHoldOf(ctx: RunContext, rows: Record<string, Cell>[], column = "regions_held_near"): RegionsHold {
  const levels = (Array.isArray(ctx.runJson.levels) ? ctx.runJson.levels : []) as LevelRecord[];
  // The planned cut levels, as the printed legend counts them (stressRegionsHold): a level without a
  // plan ran no near stage and holds no regions either way.
  const cut = levels.filter((l) => l.cut !== 0 && (l.status === undefined || l.status === "optimal") && Array.isArray(l.stages) && l.stages.length > 0);
  const ran = (l: LevelRecord) => l.stages!.some((s) => s.stage === "near");
  const held = rows.every((r) => r[column] !== false);
  // Without run.json's levels the column alone says it.
  const near = cut.length > 0 ? cut.every(ran) : held;
  return {
    near,
    allHeld: near && held,
    confidence: typeof ctx.runJson.confidence === "number",
    mip: cut.some((l) => l.stages!.some((s) => s.proof !== undefined)),
  };
}

/**
 * A key figure (report.html and the workbook's 概要, which has no other note on them) where a cut
 * level names regions that no near stage held: they may be the solver's choice, not the cut's.
 */
export function regionsHoldFigure(ctx: RunContext): KeyFigure[] {
  const rows = records(ctx.tables.get("stress_summary.csv")).filter((r) => r.cut !== 0);
  const named = rows.some((r) => regionMoves(ctx, r.regions_losing_most).length > 0 || regionMoves(ctx, r.regions_gaining_most).length > 0);
  const hold = regionsHoldOf(ctx, rows);
  if (!named || (hold.near && hold.allHeld)) return [];
  return [keyFigure("说明：开工户数变化最多的地区", "Note: regions losing and gaining most", reportRegionsNote(hold), "text")];
}
