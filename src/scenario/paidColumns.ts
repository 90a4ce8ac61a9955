/**
 * Money paid by source in an actuals table: one `paid.<source>` column per source (`paid.central`,
 * `paid.city` …) becomes the record's `paid: {central: …, city: …}` mapping, each amount keeping
 * its row (and cell) position. An empty cell leaves that source out, like any empty cell.
 */
import { setOwn, type PositionTable } from "./positions.js";

export const PAID_PREFIX = "paid.";

export function foldPaidColumns(record: Record<string, unknown>, positions: PositionTable): Record<string, unknown> {
  const columns = Object.keys(record).filter((k) => k.startsWith(PAID_PREFIX) && k.length > PAID_PREFIX.length);
  if (columns.length === 0) return record;
  const out: Record<string, unknown> = {};
  const paid: Record<string, unknown> = {};
  for (const key of Object.keys(record)) {
    if (!columns.includes(key)) {
      setOwn(out, key, record[key]);
      positions.copy(record, key, out, key);
      continue;
    }
    const source = key.slice(PAID_PREFIX.length);
    setOwn(paid, source, record[key]);
    positions.copy(record, key, paid, source);
    if (!("paid" in out)) {
      setOwn(out, "paid", paid);
      positions.copy(record, key, out, "paid");
    }
  }
  return out;
}
