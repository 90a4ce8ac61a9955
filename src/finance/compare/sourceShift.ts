/**
 * Money by source, compared: each folder's funding.csv summed per source over years, regions and
 * programmes. A cut of one government source that others take up (provincial −0.60亿, city +0.46亿,
 * county +0.13亿) leaves the money by kind as it was, and funding.csv's changes are spread over
 * hundreds of year-region-programme rows, none of them large: only the totals by source show who
 * paid instead.
 */
import { round } from "../../results/numbers.js";
import { type CompareRow, compareTable } from "./alignTables.js";
import type { CsvTable, ResultsFolder } from "./readFolder.js";

/** One row per source (key `source=<id>`, column `amount_yuan`), aligned like any result table. */
export function sourceShift(folders: ResultsFolder[]): CompareRow[] {
  const tables = folders.map((f) => totalsBySource(f.tables.get("funding.csv")));
  if (tables.every((t) => t === undefined)) return [];
  return compareTable("funding.csv", tables, ["source"]);
}

/** A source's name as a folder's funding.csv gives it (the first folder that has it), else its id. */
export function sourceName(folders: ResultsFolder[], id: string): string {
  for (const f of folders) {
    const row = f.tables.get("funding.csv")?.rows.find((r) => r.source === id);
    if (row?.source_name) return row.source_name;
  }
  return id;
}

function totalsBySource(funding: CsvTable | undefined): CsvTable | undefined {
  if (!funding) return undefined;
  const sums = new Map<string, number>();
  for (const r of funding.rows) {
    const amount = Number(r.amount_yuan);
    if (Number.isFinite(amount)) sums.set(r.source, (sums.get(r.source) ?? 0) + amount);
  }
  return { columns: ["source", "amount_yuan"], rows: [...sums].map(([source, yuan]) => ({ source, amount_yuan: String(round(yuan, 2)) })) };
}
