/**
 * stress_funding.csv: per cut level and source, the money the source pays in the level's plan and
 * its change against the 0 % plan. A cut of one source can be taken up by others — a provincial cut
 * paid by city and county money leaves `government_used_yuan` unchanged — and only a table by
 * source says who paid instead. Tidy (one row per level and source), so its header is the same for
 * every scenario and a finance office filters or pivots it by source.
 */
import { formatMoney, formatMoneyChange } from "../format/numbers.js";
import { round } from "../results/numbers.js";
import { REPORT_TOLERANCE } from "../results/tolerance.js";
import { usedBySource } from "../results/usedBySource.js";
import { sourceChange } from "./sourceChange.js";
import { basePlan, levelStatus, type StressLevel } from "./stress.js";

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
  const sources = basePlan(levels).scenario.sources;
  const base = levelUsedBySource(levels[0]);
  return levels.flatMap((level) => {
    const used = levelUsedBySource(level);
    return sources.map((s) => {
      const { before_yuan: _, ...money } = sourceChange(s, used, base);
      return { cut: level.cut, cut_label: level.label, status: levelStatus(level), ...money, cut_source: cutSources.includes(s.id) };
    });
  });
}

function levelUsedBySource(level: StressLevel): Map<string, number> | null {
  return level.planned?.solution.status === "optimal" ? usedBySource(level.planned.tables) : null;
}

/**
 * A change is material from 0.1 % of the money the level cuts (and never under a yuan, solver
 * noise): smaller ones (+28.92元 of central money beside a 9,000万 cut) are left out of the
 * printed line, their total said where it shows, so the line adds up to its precision.
 */
const MATERIAL_SHARE_OF_CUT = 1e-3;

/**
 * Per cut level with a plan, every source whose money moved by a material amount: those paying less
 * first, then after "→" those paying more, each cut source marked where it is named; then the total
 * of the changes left out and the net change of all money ("10%: 省级 (cut) −6,000万元, 中央 −500万元
 * → 市级 +6,200万元 (net −300万元)"), or that no source's money moved. Every level, not only where
 * another source pays more: a district cut that also loses 3,200万 of enterprise, bond and residents'
 * money showed no line at all. `cutYuan` gives the money each level (by label) cuts.
 */
export function sourceChangeLines(rows: StressFundingRow[], cutYuan: ReadonlyMap<string, number>): string[] {
  const levels = [...new Set(rows.filter((r) => r.cut !== 0 && r.change_yuan !== null).map((r) => r.cut_label))];
  return levels.map((label) => {
    const level = rows.filter((r) => r.cut_label === label && r.change_yuan !== null);
    const material = Math.max(REPORT_TOLERANCE.yuan, MATERIAL_SHARE_OF_CUT * (cutYuan.get(label) ?? 0));
    const moved = level.filter((r) => Math.abs(r.change_yuan!) >= material);
    const part = (r: StressFundingRow) => `${r.source_name}${r.cut_source ? " (cut)" : ""} ${formatMoneyChange(r.change_yuan!)}`;
    const less = moved.filter((r) => r.change_yuan! < 0).sort((a, b) => a.change_yuan! - b.change_yuan!).map(part);
    const more = moved.filter((r) => r.change_yuan! > 0).sort((a, b) => b.change_yuan! - a.change_yuan!).map(part);
    const sum = (list: StressFundingRow[]) => round(list.reduce((t, r) => t + r.change_yuan!, 0), 2);
    const small = level.filter((r) => !moved.includes(r) && Math.abs(r.change_yuan!) >= REPORT_TOLERANCE.yuan);
    // Their total is said where it shows at the line's precision (a tenth of the material change, at
    // least 1万元): "−32.92元 in all" beside a 3,533万 cut is noise to a reader.
    const smallTotal = sum(small);
    const leftOut = small.length > 0 && Math.abs(smallTotal) >= Math.max(1e4, material / 10) ? `changes under ${formatMoney(material)} left out: ${formatMoneyChange(smallTotal)} in all; ` : "";
    // "→" before those paying more, even with none paying less: the heading's "less → more".
    const changes = moved.length === 0
      ? `no source's money changed by ${formatMoney(material)} or more`
      : `${less.join(", ")}${more.length > 0 ? `${less.length > 0 ? " " : ""}→ ${more.join(", ")}` : ""}`;
    // Changes under a yuan are no change: the net is of what is listed and what is left out.
    const net = sum([...moved, ...small]);
    return `${label}: ${changes} (${leftOut}net ${Math.abs(net) < REPORT_TOLERANCE.yuan ? "0元" : formatMoneyChange(net)})`;
  });
}
