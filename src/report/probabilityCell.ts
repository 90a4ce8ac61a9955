/** A P(met) as a report table shows it: one cell per probability, the column's heading saying what "±" is. */
import type { Label } from "../format/labels.js";
import { formatProbability, STANDARD_ERROR_NOTE } from "../format/numbers.js";
import { mcDraws, type RunContext } from "./runContext.js";

/**
 * P(met) in the page's language (its 95 % bound reads "95%置信上限" in Chinese), as a table cell: its
 * column heading (P_MET_HEAD) says that "±" is one standard error, so the cell does not repeat it.
 */
export function probability(ctx: RunContext, p: number, se: number): Label {
  return { zh: formatProbability(p, se, mcDraws(ctx), "zh", false), en: formatProbability(p, se, mcDraws(ctx), "en", false) };
}

/** The heading of a column of `probability` cells: what its "±" is, read once for the column. */
export const P_MET_HEAD: Label = { zh: `完成概率 P(met)（± ${STANDARD_ERROR_NOTE.zh}）`, en: `P(met) (± ${STANDARD_ERROR_NOTE.en})` };
