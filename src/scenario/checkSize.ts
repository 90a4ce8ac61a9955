/**
 * Size limits checked once a scenario is normalised, before any model is built: the planning
 * model's column count (LIMITS.modelColumns) estimated the way the model builder lays out its
 * variables — per leaf and programme, starts for every horizon year plus, for every payment year,
 * the cost falling due and one funds column per source that may pay.
 */
import { formatLimit, LIMITS } from "../limits.js";
import { lastPaymentYear } from "./paymentYears.js";
import type { Scenario } from "./types.js";

export function estimatedColumns(s: Scenario): number {
  const years = s.years.length;
  const paymentYears = lastPaymentYear(s) - s.horizon.start + 1;
  let columns = s.targets.filter((t) => t.kind === "soft").length;
  for (const p of s.programs) {
    const payers = s.sources.filter((source) => p.shares[source.id]).length;
    const smoothing = s.objective.smoothing ? 2 * years : 0;
    columns += p.leaves.length * (years + smoothing + paymentYears * (1 + payers));
  }
  return columns;
}

/** A message when the model would exceed the limit, else null. */
export function modelSizeProblem(s: Scenario): string | null {
  const columns = estimatedColumns(s);
  if (columns <= LIMITS.modelColumns) return null;
  const leaves = s.programs.reduce((n, p) => n + p.leaves.length, 0);
  return (
    `the planning model would have about ${columns.toLocaleString("en-US")} columns ` +
    `(${leaves.toLocaleString("en-US")} programme rows in by_region × ${s.years.length} years × the sources that pay); ` +
    `the limit is ${formatLimit("modelColumns")} (see docs/limits.md): plan at a coarser level, e.g. counties instead of ` +
    "communities, or split the run by province or by programme"
  );
}
