/**
 * stress --draws: a target whose P(met) at a cut level is above the 0 % level's though the level
 * does not plan it higher (no `gained_vs_base`). Every level is evaluated on the same draws (common
 * random numbers), so the rise is not sampling luck: the level's re-planned schedule — other
 * years, regions or sources (stress_starts.csv, stress_funding.csv) — meets the target in more of the
 * same sampled worlds. Each level's plan is the cheapest that meets the targets in the planned
 * world, not the surest, so less money can land on a surer plan; `--confidence` plans every level
 * to a level instead. A finance officer saw 4.0 % → 7.0 % under a cut with nothing to explain it.
 * The one rule for every reader: the printout's and the report's ↑, stress.csv's `surer_after_cut`
 * (stressTables.ts; 是/否 in the workbook) and the key figure of report.html and 概要 (surerFigure.ts).
 */
import type { Label } from "../format/labels.js";

/** What the check reads of a stress.csv row (typed rows and the report's records alike). */
export type TargetAtLevel = Partial<Record<"target" | "cut" | "p_met" | "p_met_se" | "gained_vs_base", unknown>>;

/**
 * A rise is marked from twice the larger standard error of the two: the draws are common, but which
 * draws were sampled still decides a rise of a fraction of a point (Guangdong's county towns read a
 * 20 % cut surer than 0 % under one seed and less sure under another: docs/finance.md).
 */
const RISE_IN_STANDARD_ERRORS = 2;

/** The mark beside such a P(met), in the printout and the report. */
export const SURER_MARK = "↑";

/**
 * True where `row`'s P(met) is above its target's at 0 % (in `rows`) by more than twice the larger
 * standard error, and the level does not plan the target higher.
 */
export function surerAfterCut(row: TargetAtLevel, rows: readonly TargetAtLevel[]): boolean {
  if (row.cut === 0 || row.gained_vs_base === true || typeof row.p_met !== "number") return false;
  const base = rows.find((r) => r.target === row.target && r.cut === 0);
  if (typeof base?.p_met !== "number") return false;
  const [se, baseSe] = [row.p_met_se, base.p_met_se];
  // Without both standard errors there is no telling a rise from the draws' luck.
  if (typeof se !== "number" || typeof baseSe !== "number" || !Number.isFinite(se) || !Number.isFinite(baseSe)) return false;
  return row.p_met - base.p_met > Math.max(RISE_IN_STANDARD_ERRORS * Math.max(se, baseSe), 0.0005);
}

/** The mark after a P(met) cell: `*` planned above the 0 % plan, else `↑` surer after the cut, else none. */
export function pMetMark(row: TargetAtLevel, rows: readonly TargetAtLevel[]): string {
  if (row.gained_vs_base === true) return " *";
  return surerAfterCut(row, rows) ? ` ${SURER_MARK}` : "";
}

/** The line under a grid with a ↑; `confidence`: every level was planned to a confidence level (stress --confidence). */
export function surerLegend(confidence: boolean): Label {
  return confidence ? SURER_LEGEND_CONFIDENCE : SURER_LEGEND;
}

const SURER_LEGEND: Label = {
  zh: `${SURER_MARK} 完成概率高于0%档位（超过两者中较大标准误的两倍）而计划值并不更高：各档位使用相同的抽样，差别来自该档位重新优化的方案（开工年份、地区或资金来源不同，见stress_starts.csv、stress_funding.csv）在更多抽样中完成该目标；各档位的方案是计划情形下最省钱的方案，而非最有把握的方案，故资金减少也可能落在更有把握的方案上（按把握度规划各档位：--confidence）`,
  en: `${SURER_MARK} P(met) above the 0% level's (by more than twice the larger standard error) though not planned higher: every level uses the same draws, so the rise comes from the level's re-planned schedule (other years, regions or sources: stress_starts.csv, stress_funding.csv) meeting the target in more of them; each level's plan is the cheapest in the planned world, not the surest, so less money can land on a surer plan (to plan every level to a confidence level: --confidence)`,
};

const SURER_LEGEND_CONFIDENCE: Label = {
  zh: `${SURER_MARK} 完成概率高于0%档位（超过两者中较大标准误的两倍）而计划值并不更高：各档位使用相同的抽样，各档位的方案按把握度重新校准，该档位的方案（开工年份、地区、资金来源或余量不同，见stress_starts.csv、stress_funding.csv）在更多抽样中完成该目标；校准只要求达到把握度，不求最有把握，故资金减少也可能落在更有把握的方案上`,
  en: `${SURER_MARK} P(met) above the 0% level's (by more than twice the larger standard error) though not planned higher: every level uses the same draws and is calibrated anew to its confidence level, and this level's plan (other years, regions, sources or margins: stress_starts.csv, stress_funding.csv) meets the target in more of them; calibration asks only for the level, not the surest plan, so less money can land on a surer plan`,
};
