/**
 * stress_funding.csv: per cut level and source, the money the source pays in the level's plan and
 * its change against the 0 % plan. A cut of one source can be taken up by others — a provincial cut
 * paid by city and county money leaves `government_used_yuan` unchanged — and only a table by
 * source says who paid instead. Tidy (one row per level and source), so its header is the same for
 * every scenario and a finance office filters or pivots it by source.
 */
import { round } from "../results/numbers.js";
import { REPORT_TOLERANCE } from "../results/tolerance.js";
import type { StressLevel } from "./stress.js";

export const STRESS_FUNDING_FILE = "stress_funding.csv";

export interface StressFundingRow {
  cut: number;
  cut_label: string;
  status: string;
  source: string;
  source_name: string;
  source_kind: string;
  /** Whether the cut selects this source's budgets (all of them or, with --from/--to/--region, some). */
  cut_source: boolean;
  /** funding.csv's amount_yuan of the source summed over the plan (tail years included); null without a plan. */
  used_yuan: number | null;
  /** used_yuan − used_yuan at 0 %; null without a plan. */
  change_yuan: number | null;
}

/** Every source of the scenario at every level, in the scenario's order; a source that pays nothing has 0. */
export function stressFundingRows(levels: StressLevel[], cutSources: readonly string[]): StressFundingRow[] {
  const sources = levels[0].planned.scenario.sources;
  const base = usedBySource(levels[0]);
  return levels.flatMap((level) => {
    const used = usedBySource(level);
    return sources.map((s) => {
      const now = used === null ? null : used.get(s.id) ?? 0;
      const before = base?.get(s.id) ?? 0;
      return {
        cut: level.cut,
        cut_label: level.label,
        status: level.planned.solution.status,
        source: s.id,
        source_name: s.name,
        source_kind: s.kind,
        cut_source: cutSources.includes(s.id),
        used_yuan: now,
        change_yuan: now === null || base === null ? null : round(now - before, 2),
      };
    });
  });
}

function usedBySource(level: StressLevel): Map<string, number> | null {
  if (level.planned.solution.status !== "optimal") return null;
  const out = new Map<string, number>();
  for (const f of level.planned.tables.funding) out.set(f.source, (out.get(f.source) ?? 0) + f.amount_yuan);
  for (const [id, yuan] of out) out.set(id, round(yuan, 2));
  return out;
}

/** A change of money under a yuan is solver noise (REPORT_TOLERANCE), not a source paying more or less. */
const MOVED_YUAN = REPORT_TOLERANCE.yuan;

/**
 * Per level where sources the cut does not select pay more: what the cut sources pay less and who
 * pays instead, for the printed table ("10%: 省级财政 −6,000万元 (cut) → 市级财政 +4,600万元").
 * Empty when no other source takes anything up.
 */
export function takenUpBy(rows: StressFundingRow[], money: (yuan: number) => string): string[] {
  const levels = [...new Set(rows.map((r) => r.cut_label))];
  return levels.flatMap((label) => {
    const level = rows.filter((r) => r.cut_label === label && r.change_yuan !== null);
    const others = level.filter((r) => !r.cut_source && r.change_yuan! >= MOVED_YUAN);
    if (others.length === 0) return [];
    const cut = level.filter((r) => r.cut_source && Math.abs(r.change_yuan!) >= MOVED_YUAN);
    const part = (r: StressFundingRow) => `${r.source_name} ${money(r.change_yuan!)}`;
    const paidLess = cut.length > 0 ? `${cut.map(part).join(", ")} (cut) → ` : "";
    return [`${label}: ${paidLess}${others.sort((a, b) => b.change_yuan! - a.change_yuan!).map(part).join(", ")}`];
  });
}
