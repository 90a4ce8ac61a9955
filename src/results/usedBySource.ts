/**
 * What each source pays over a plan, to the fen: funding.csv's rows summed by source. One sum for
 * stress's money by level and a confidence plan's money by source (run.json), so the two agree.
 */
import { round } from "./numbers.js";
import type { PlanTables } from "./types.js";

export function usedBySource(tables: Pick<PlanTables, "funding">): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of tables.funding) out.set(f.source, (out.get(f.source) ?? 0) + f.amount_yuan);
  for (const [id, yuan] of out) out.set(id, round(yuan, 2));
  return out;
}
