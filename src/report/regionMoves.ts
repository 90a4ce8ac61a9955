/**
 * stress_summary.csv's `regions_losing_most` / `regions_gaining_most` ("shantou-urban:9025.9433;…",
 * ids for programs) read as people read them: each region by its name in the folder's input.yaml,
 * with whole households — "汕头市市辖区 9,026户；中山市（全市，不设县） 8,432户".
 */
import type { Label } from "../format/labels.js";
import { formatCount } from "../format/numbers.js";
import type { Cell } from "../output/resultTables.js";
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
