/**
 * One source's money in a plan beside a plan it is compared with: the row both stress_funding.csv
 * (a cut level against 0 %) and min_budget_funding.csv (the plan at λ against today's budgets, per
 * year) are made of, so the two tables name sources and take differences alike.
 */
import { round } from "../results/numbers.js";
import type { Source } from "../scenario/types.js";

export interface SourceChange {
  source: string;
  source_name: string;
  source_kind: string;
  /** What the source pays in the plan; null without one. A source that pays nothing has 0. */
  used_yuan: number | null;
  /** What it pays in the plan compared with; null without one. */
  before_yuan: number | null;
  /** used_yuan − before_yuan to the fen; null when either plan is missing. */
  change_yuan: number | null;
}

/** `used` and `before`: money by source id (usedBySource), null for a missing plan. */
export function sourceChange(source: Source, used: ReadonlyMap<string, number> | null, before: ReadonlyMap<string, number> | null): SourceChange {
  const now = used === null ? null : used.get(source.id) ?? 0;
  const then = before === null ? null : before.get(source.id) ?? 0;
  return {
    source: source.id,
    source_name: source.name,
    source_kind: source.kind,
    used_yuan: now,
    before_yuan: then,
    change_yuan: now === null || then === null ? null : round(now - then, 2),
  };
}
