/** `simulate min-budget`: today's budget of the selected sources against the minimum, by year. */
import { formatPercent, moneyUnitFor } from "../format/numbers.js";
import { num, records } from "../output/resultTables.js";
import { MONEY_UNIT_EN, moneyAxis } from "./axis.js";
import type { RunContext } from "./runContext.js";
import type { ChartSpec, Lang } from "./svgChart.js";

export function minBudgetChart(ctx: RunContext): ChartSpec | null {
  const rows = records(ctx.tables.get("min_budget.csv"));
  if (rows.length === 0) return null;
  const years = [...new Set(rows.map((r) => num(r.year)))].sort((a, b) => a - b);
  const total = (key: string) => years.map((y) => rows.filter((r) => num(r.year) === y).reduce((s, r) => s + num(r[key]), 0));
  const budget = total("budget_yuan");
  const min = total("min_budget_yuan");
  const unit = moneyUnitFor([...budget, ...min]);
  const confidence = typeof ctx.runJson.confidence === "number" ? formatPercent(ctx.runJson.confidence) : null;
  return {
    title: { zh: "所选预算：现有与最低所需", en: "Selected budgets: today and the minimum" },
    note: confidence
      ? {
        zh: `单位：${unit}；在最低预算下，每个目标在校准样本上达到其要求的把握度（目标未另设时为 ${confidence}）。`,
        en: `Unit: ${MONEY_UNIT_EN[unit]}; at the minimum every target reaches its required confidence on the calibration sample (${confidence} unless the target sets its own).`,
      }
      : { zh: `单位：${unit}；最低预算仍能完成全部目标。`, en: `Unit: ${MONEY_UNIT_EN[unit]}; the minimum still meets every target.` },
    width: 1000,
    height: 360,
    option: (lang: Lang) => ({
      grid: { left: 80, right: 30, top: 40, bottom: 40 },
      legend: { top: 5 },
      xAxis: { type: "category", data: years.map(String) },
      yAxis: { type: "value", name: unit, axisLabel: { formatter: moneyAxis(unit) } },
      series: [
        { name: lang === "zh" ? "现有预算" : "budget today", type: "bar", data: budget },
        { name: lang === "zh" ? "最低预算" : "minimum budget", type: "bar", data: min },
      ],
    }),
  };
}
