/**
 * `simulate min-budget --confidence`: each target's P(met) at the scale found (min_budget_confidence.csv),
 * the number a briefing quotes beside λ. The calibration P(met) decides whether a target reaches its
 * level (and so λ); with --draws the plan at λ is also run on fresh draws, shown as plan's report
 * shows a P(met): ± one standard error, or its one-sided 95 % bound where no draw or every draw met it.
 */
import { formatPercent, formatPercentBelow } from "../format/numbers.js";
import { num, records, text } from "../output/resultTables.js";
import { bi, table } from "./html.js";
import { probability, P_MET_HEAD } from "./probabilityCell.js";
import { mcDraws, type RunContext } from "./runContext.js";
import { count, inputMetric } from "./tables.js";

export function minBudgetTargetsTable(ctx: RunContext): string {
  const rows = records(ctx.tables.get("min_budget_confidence.csv"));
  if (rows.length === 0) return "";
  const validated = rows.some((r) => typeof r.p_met === "number");
  const scale = formatPercent(num(rows[0].scale));
  // Without a scale reaching every level the file holds the largest scale tried, not λ.
  const title = ctx.runJson.status === "optimal"
    ? { zh: `各目标在最低预算比例 λ = ${scale} 下的完成概率`, en: `Each target's P(met) at the minimum scale λ = ${scale}` }
    : { zh: `各目标在所试最大比例 ${scale} 下的完成概率（未能全部达到要求把握度）`, en: `Each target's P(met) at the largest scale tried, ${scale} (not every level reached)` };
  const head = [
    { zh: "目标", en: "Target" }, { zh: "要求把握度", en: "Confidence required" }, { zh: "目标值", en: "Target value" }, { zh: "计划值", en: "Planned" },
    { zh: "校准样本完成概率", en: "P(met), calibration sample" },
    ...(validated ? [{ zh: `验证抽样${P_MET_HEAD.zh}`, en: `${P_MET_HEAD.en}, validation draws` }] : []),
  ];
  const body = rows.map((r) => {
    const metric = inputMetric(ctx, text(r.target));
    const required = num(r.confidence_required);
    return [
      text(r.name) || text(r.target), formatPercent(required), count(metric, r.target_value), count(metric, r.planned_value),
      // Below its level a P(met) must not round up to it (89.97 % beside 90 %).
      typeof r.p_met_calibration === "number" ? formatPercentBelow(r.p_met_calibration, required) : "—",
      ...(validated ? [typeof r.p_met === "number" ? probability(ctx, r.p_met, num(r.p_met_se)) : "—"] : []),
    ];
  });
  const draws = mcDraws(ctx);
  const decides = validated && draws !== undefined
    ? { zh: `校准样本决定是否达到要求把握度；验证抽样为另行抽取的 ${draws} 次。`, en: `The calibration sample decides whether a level is reached; the validation draws are ${draws} fresh draws.` }
    : { zh: "校准样本决定是否达到要求把握度（以 --draws 可在另行抽取的样本上验证）。", en: "The calibration sample decides whether a level is reached (--draws checks it on fresh draws)." };
  const below = rows.some((r) => typeof r.scale_below === "number")
    ? { zh: "比例低 1% 时的完成概率见 min_budget_confidence.csv。", en: " P(met) at 1% less is in min_budget_confidence.csv." }
    : { zh: "", en: "" };
  const note = { zh: decides.zh + below.zh, en: decides.en + below.en };
  return [`<h3>${bi(title)}</h3>`, table({ head, rows: body, numeric: head.map((_, j) => j >= 1) }), `<p>${bi(note)}</p>`].join("\n");
}
