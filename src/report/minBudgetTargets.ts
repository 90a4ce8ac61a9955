/**
 * `simulate min-budget --confidence`: each target's P(met) at the scale found (min_budget_confidence.csv),
 * the number a briefing quotes beside λ, and whether it reaches its level. Reached is judged as the
 * search judged it (criterion.ts): by the lower bound of the calibration P(met), so a P(met) just above
 * the level can be not reached — the table then gives that bound, as the printed summary marks ✗.
 * With --draws the plan at λ is also run on fresh draws, shown as plan's report shows a P(met):
 * ± one standard error, or its one-sided 95 % bound where no draw or every draw met it; with two or
 * more targets a last row gives P(all targets met) on the same draws (run.json validation.all_targets_met).
 * A validation P(met) below the level of a target reached is marked † as the frontier's table marks it.
 */
import { lowerBound, passes } from "../confidence/criterion.js";
import { belowBoundLabel, lowerBoundRule, readsBelow, readsBelowLegend } from "../format/confidenceLabels.js";
import { type Label, sentence } from "../format/labels.js";
import { formatCount, formatPercent, formatPercentBelow } from "../format/numbers.js";
import { type Cell, num, records, text } from "../output/resultTables.js";
import { bi, table } from "./html.js";
import { probability, P_MET_HEAD } from "./probabilityCell.js";
import { mcDraws, type RunContext } from "./runContext.js";
import { count, inputMetric, markedBelow } from "./tables.js";

export function minBudgetTargetsTable(ctx: RunContext): string {
  const rows = records(ctx.tables.get("min_budget_confidence.csv"));
  if (rows.length === 0) return "";
  const validated = rows.some((r) => typeof r.p_met === "number");
  const scale = formatPercent(num(rows[0].scale));
  const optimal = ctx.runJson.status === "optimal";
  // Without a scale reaching every level the file holds the largest scale tried, not λ.
  const title = optimal
    ? { zh: `各目标在最低预算比例 λ = ${scale} 下的完成概率`, en: `Each target's P(met) at the minimum scale λ = ${scale}` }
    : { zh: `各目标在所试最大比例 ${scale} 下的完成概率（未能全部达到要求把握度）`, en: `Each target's P(met) at the largest scale tried, ${scale} (not every level reached)` };
  const head = [
    { zh: "目标", en: "Target" }, { zh: "要求把握度", en: "Confidence required" }, { zh: "目标值", en: "Target value" }, { zh: "计划值", en: "Planned" },
    { zh: "校准样本完成概率", en: "P(met), calibration sample" }, { zh: "是否达到把握度", en: "Level reached" },
    ...(validated ? [{ zh: `验证抽样${P_MET_HEAD.zh}`, en: `${P_MET_HEAD.en}, validation draws` }] : []),
  ];
  const calibrationDraws = drawsOfCalibration(ctx);
  // Reached on the calibration sample while the validation P(met) reads below the level: † (the frontier table's mark).
  const readBelow = rows.filter((r) => readsBelow(r.confidence_reached === true, typeof r.p_met === "number" ? r.p_met : null, num(r.confidence_required)));
  const body = rows.map((r) => {
    const metric = inputMetric(ctx, text(r.target));
    const required = num(r.confidence_required);
    return [
      text(r.name) || text(r.target), formatPercent(required), count(metric, r.target_value), count(metric, r.planned_value),
      // Below its level a P(met) must not round up to it (89.97 % beside 90 %).
      typeof r.p_met_calibration === "number" ? formatPercentBelow(r.p_met_calibration, required) : "—",
      reachedCell(r.p_met_calibration, required, calibrationDraws, optimal),
      ...(validated ? [typeof r.p_met === "number" ? markedBelow(probability(ctx, r.p_met, num(r.p_met_se)), readBelow.includes(r)) : "—"] : []),
    ];
  });
  // Each level is asked of its target alone; "every target met" is read as all together: the share of
  // validation draws meeting every target (run.json validation.all_targets_met, two or more targets).
  const all = validated && optimal ? allTargetsMetAtScale(ctx) : null;
  if (all) body.push([ALL_TARGETS, "", "", "", "", "", probability(ctx, all.p_met, all.p_met_se)]);
  const draws = mcDraws(ctx);
  const rule = lowerBoundRule({ zh: "", en: "" });
  const validation = validated && draws !== undefined
    ? { zh: `验证抽样为另行抽取的 ${formatCount(draws, true)} 次。`, en: ` The validation draws are ${formatCount(draws, true)} fresh draws.` }
    : { zh: "以 --draws 可在另行抽取的样本上验证。", en: " --draws checks it on fresh draws." };
  // 1 % less below λ₀ can have no plan at all: no P(met) there to point to (min_budget_search.csv's status).
  const noPlanBelow = rows.some((r) => typeof r.scale_below === "number" && typeof r.p_met_calibration_below !== "number");
  const below = !rows.some((r) => typeof r.scale_below === "number")
    ? { zh: "", en: "" }
    : noPlanBelow
      ? { zh: "比例低 1% 时预算不足以形成任何可行方案，因此没有目标达到要求把握度（min_budget_search.csv）。", en: " At 1% less the budgets give no plan at all, so no target reaches its level there (min_budget_search.csv)." }
      : { zh: "比例低 1% 时的完成概率见 min_budget_confidence.csv。", en: " P(met) at 1% less is in min_budget_confidence.csv." };
  const note = { zh: `是否达到：${rule.zh}${validation.zh}${below.zh}`, en: `Reached: ${rule.en}${validation.en}${below.en}` };
  const cases = readBelow.map((r) => ({ zh: `${text(r.name) || text(r.target)}为${formatPercent(num(r.p_met_calibration))}`, en: `${text(r.name) || text(r.target)} ${formatPercent(num(r.p_met_calibration))}` }));
  const legend = readBelow.length > 0 ? [`<p>${bi(sentence(readsBelowLegend({ zh: cases.map((c) => c.zh).join("；"), en: cases.map((c) => c.en).join("; ") })))}</p>`] : [];
  return [`<h3>${bi(title)}</h3>`, table({ head, rows: body, numeric: head.map((_, j) => j >= 1 && j !== 5) }), `<p>${bi(note)}</p>`, ...legend].join("\n");
}

/**
 * Whether a target reaches its level at this scale, by the search's criterion on the calibration
 * sample (met draws = P(met) × draws); where P(met) reads at or above the level but its lower bound
 * does not, that bound. "—" where no level is asked, or where run.json does not record the sample's
 * size (a hand-made folder), the run did not reach every level and P(met) is at or above the level.
 */
function reachedCell(p: Cell, required: number, draws: number | null, optimal: boolean): string | Label {
  if (!(required > 0) || typeof p !== "number") return "—";
  if (p < required) return NOT_REACHED; // its lower bound is lower still
  if (draws === null) return optimal ? REACHED : "—"; // at λ every level is reached
  const met = Math.round(p * draws);
  if (passes(met, draws, required)) return REACHED;
  const bound = belowBoundLabel(lowerBound(met, draws), required, draws);
  return { zh: NOT_REACHED.zh + bound.zh, en: NOT_REACHED.en + bound.en };
}

const ALL_TARGETS: Label = { zh: "全部目标同时完成", en: "All targets met" };

/** min-budget's run.json: P(all targets met) at λ on the validation draws, or null when not recorded. */
export function allTargetsMetAtScale(ctx: RunContext): { p_met: number; p_met_se: number } | null {
  const all = (ctx.runJson.validation as { all_targets_met?: { p_met?: Cell; p_met_se?: Cell } } | null | undefined)?.all_targets_met;
  return typeof all?.p_met === "number" ? { p_met: all.p_met, p_met_se: typeof all.p_met_se === "number" ? all.p_met_se : Number.NaN } : null;
}

const REACHED: Label = { zh: "✓ 达到", en: "✓ reached" };
const NOT_REACHED: Label = { zh: "✗ 未达到", en: "✗ not reached" };

/** min-budget's run.json: the calibration sample's size (`calibration.draws`), or null when not recorded. */
function drawsOfCalibration(ctx: RunContext): number | null {
  const draws = (ctx.runJson.calibration as { draws?: Cell } | undefined)?.draws;
  return typeof draws === "number" && draws > 0 ? draws : null;
}
