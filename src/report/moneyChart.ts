/** Money by source and year (funding.csv), stacked bars in 亿元 or 万元. */
import { moneyUnitFor } from "../format/numbers.js";
import { num, records, text } from "../output/resultTables.js";
import { MONEY_UNIT_EN, moneyAxis } from "./axis.js";
import type { RunContext } from "./runContext.js";
import type { ChartSpec } from "./svgChart.js";

export interface MoneyBySource {
  years: number[];
  sources: { id: string; name: string; amounts: number[] }[];
}

export function moneyBySource(ctx: RunContext): MoneyBySource {
  const rows = records(ctx.tables.get("funding.csv"));
  const years = [...new Set(rows.map((r) => num(r.year)))].sort((a, b) => a - b);
  const sources = new Map<string, { id: string; name: string; amounts: number[] }>();
  for (const r of rows) {
    const id = text(r.source);
    if (!sources.has(id)) sources.set(id, { id, name: text(r.source_name), amounts: years.map(() => 0) });
    sources.get(id)!.amounts[years.indexOf(num(r.year))] += num(r.amount_yuan);
  }
  return { years, sources: [...sources.values()] };
}

export function moneyChart(ctx: RunContext): ChartSpec {
  const m = moneyBySource(ctx);
  const totals = m.years.map((_, i) => m.sources.reduce((s, src) => s + src.amounts[i], 0));
  const unit = moneyUnitFor(totals);
  return {
    title: { zh: "分年度资金来源", en: "Money by source and year" },
    note: { zh: `单位：${unit}；按付款年度（含规划期后尾款）。`, en: `Unit: ${MONEY_UNIT_EN[unit]}; by payment year (including payments after the horizon).` },
    width: 1000,
    height: 420,
    sameInBothLanguages: true, // years, amounts and the unit (元/万元/亿元), source names as the scenario gives them
    option: () => ({
      grid: { left: 80, right: 30, top: 40 + 22 * Math.ceil(m.sources.length / 4), bottom: 40 },
      legend: { top: 5, type: "plain" },
      xAxis: { type: "category", data: m.years.map(String) },
      yAxis: { type: "value", name: unit, axisLabel: { formatter: moneyAxis(unit) } },
      series: m.sources.map((s) => ({ name: s.name, type: "bar", stack: "money", data: s.amounts, barMaxWidth: 60 })),
    }),
  };
}
