/**
 * The key figures of a plan to a confidence level (`--confidence`): per target the level required
 * and whether it was reached — with the calibration P(met) and its lower bound where a P(met) at or
 * above the level sits beside "not reached" (how a level is judged: methodsBlock.ts).
 */
import { lowerBound } from "../confidence/criterion.js";
import { belowBoundLabel, NO_PRICED_LIMIT, SHORT_OF_LEVEL } from "../format/confidenceLabels.js";
import type { Label } from "../format/labels.js";
import { formatPercent, formatPercentBelow } from "../format/numbers.js";
import { type Cell, records, text } from "../output/resultTables.js";
import { type KeyFigure, keyFigure as f } from "./keyFigure.js";
import type { RunContext } from "./runContext.js";

type TargetRow = ReturnType<typeof records>[number];

/** A plan to a confidence level: the level a target was planned to, and whether it got there (and if not, why). */
export function confidenceFigure(ctx: RunContext, t: TargetRow): KeyFigure | null {
  const status = text(t.confidence_status);
  const required = t.confidence_required;
  if (typeof required !== "number" || (status !== "reached" && !SHORT_OF_LEVEL[status])) return null;
  const level = formatPercent(required);
  const value: Label = status === "reached"
    ? { zh: `${level}，已达到`, en: `${level}, reached` }
    : {
      zh: `${level}，未达到：${calibration(ctx, t, required).zh}${SHORT_OF_LEVEL[status].zh}；${heldBy(ctx, text(t.target)).zh}`,
      en: `${level}, not reached: ${calibration(ctx, t, required).en}${SHORT_OF_LEVEL[status].en}; ${heldBy(ctx, text(t.target)).en}`,
    };
  return f(`要求把握度：${text(t.name)}`, `Confidence required: ${text(t.name)}`, value, "text");
}

/** Limits a key figure names; the rest are counted, diagnostics.csv has them all. */
const NAMED_LIMITS = 3;

/**
 * What holds a target below its level, as the printout names it: diagnostics.csv's
 * `confidence_limit` rows of the target (a review's village target read only "see diagnostics.csv"
 * where the printout named the 14 construction sites of 2027). A folder without those rows points there.
 */
function heldBy(ctx: RunContext, target: string): Label {
  const rows = records(ctx.tables.get("diagnostics.csv"));
  const notReached = rows.some((r) => text(r.kind) === "confidence_not_reached" && text(r.where) === `target[${target}]`);
  const limits = rows.filter((r) => text(r.kind) === "confidence_limit" && text(r.where).startsWith(`target[${target}] `));
  if (!notReached) return { zh: "详见 diagnostics.csv", en: "see diagnostics.csv" };
  if (limits.length === 0) return { zh: `受制于：${NO_PRICED_LIMIT.zh}`, en: `held by ${NO_PRICED_LIMIT.en}` };
  const named = limits.slice(0, NAMED_LIMITS);
  const more = limits.length - named.length;
  return {
    zh: `受制于：${named.map((r) => text(r.message_zh) || text(r.message)).join("；")}${more > 0 ? `；另有${more}组限制见 diagnostics.csv` : ""}`,
    en: `held by ${named.map((r) => text(r.message)).join("; ")}${more > 0 ? `; ${more} more groups in diagnostics.csv` : ""}`,
  };
}


/** Whether a target's calibration or validation P(met) reads at or above the level. */
function atOrAbove(t: TargetRow, level: number): boolean {
  return [t.p_met_calibration, t.p_met].some((p) => typeof p === "number" && p >= level);
}

/**
 * Where a target not reached reads at or above its level: its calibration P(met), on which the
 * verdict is made, and — when that too is at or above the level — its lower bound, as printed.
 */
function calibration(ctx: RunContext, t: TargetRow, level: number): Label {
  const p = t.p_met_calibration;
  if (typeof p !== "number" || !atOrAbove(t, level)) return { zh: "", en: "" };
  const draws = calibrationDraws(ctx);
  const bound = draws !== null && p >= level ? belowBoundLabel(lowerBound(Math.round(p * draws), draws), level, draws) : { zh: "", en: "" };
  const shown = formatPercentBelow(p, level); // 0.89975 of a 90 % level must not read 90.0%
  return { zh: `校准样本上完成概率${shown}${bound.zh}；`, en: `P(met) ${shown} on the calibration sample${bound.en}; ` };
}

/** run.json's calibration sample size (`confidence.calibration.draws`), or null when not recorded. */
function calibrationDraws(ctx: RunContext): number | null {
  const draws = (ctx.runJson.confidence as { calibration?: { draws?: Cell } } | undefined)?.calibration?.draws;
  return typeof draws === "number" && draws > 0 ? draws : null;
}
