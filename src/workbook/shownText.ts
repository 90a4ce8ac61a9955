/**
 * What a sheet's text cell shows: a coded word in planning words (status `optimal` → 最优,
 * src/format/codeLabels.ts) and stress's region lists by name with whole households
 * ("东莞市 7,535户"), true / false as 是 / 否. Numbers, names and ids stay as the CSV has them; the CSVs keep the codes.
 */
import { codeLabel } from "../format/codeLabels.js";
import type { Cell } from "../output/resultTables.js";
import { regionMoves, regionMovesText } from "../report/regionMoves.js";
import type { RunContext } from "../report/runContext.js";

const REGION_LISTS = new Set(["regions_losing_most", "regions_gaining_most"]);

export function shownText(ctx: RunContext): (column: string, value: Cell) => Cell {
  return (column, value) => {
    // true / false read as 是 / 否 (Excel and WPS would show TRUE / FALSE to a Chinese reader).
    if (typeof value === "boolean") return value ? "是" : "否";
    if (typeof value !== "string") return value;
    if (REGION_LISTS.has(column)) {
      const moves = regionMoves(ctx, value);
      return moves.length > 0 ? regionMovesText(moves).zh : value;
    }
    return codeLabel(column, value)?.zh ?? value;
  };
}
