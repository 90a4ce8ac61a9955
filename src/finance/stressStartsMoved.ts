/**
 * Whether a stress run's starts move between regions at some cut level, as the tables show them
 * (to one decimal): the printout and report.html say then, where the levels were not held near the
 * 0 % plan, that the moves may be the solver's choice. One rule for stress_starts.csv's rows as the
 * engine makes them and as the report reads them back.
 */
import { formatCount } from "../format/numbers.js";

export function startsMoved(rows: readonly { cut?: unknown; units_started_change?: unknown }[]): boolean {
  return rows.some((r) => r.cut !== 0 && typeof r.units_started_change === "number" && formatCount(Math.abs(r.units_started_change), false) !== formatCount(0, false));
}
