/** Money by source and year (funding.csv), stacked bars in 亿元 or 万元, sources in the scenario's order. */
import { moneyUnitFor } from "../format/numbers.js";
import { num, records, text } from "../output/resultTables.js";
import { MONEY_UNIT_EN, moneyAxis } from "./axis.js";
import { barItemStyle } from "./palette.js";
import type { RunContext } from "./runContext.js";
import { byScenarioOrder } from "./scenarioOrder.js";
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
  const order = byScenarioOrder(ctx.input, "sources");
  return { years, sources: [...sources.values()].sort((a, b) => order(a.id, b.id)) };
}

export function moneyChart(ctx: RunContext): ChartSpec {
  const m = moneyBySource(ctx);
  const totals = m.years.map((_, i) => m.sources.reduce((s, src) => s + src.amounts[i], 0));
  const unit = moneyUnitFor(totals);
  return {
    title: { zh: "分年度资金来源", en: "Money by source and year" },
    note: { zh: `单位：${unit}；按付款年度（含规划期后尾款）。`, en: `Unit: ${MONEY_UNIT_EN[unit]}; by payment year (including payments after the horizon).` },
    width: 1000,
    // The legend's rows (about four names a row) come off the top; many sources make the chart taller, not the bars flatter.
    height: Math.max(420, legendTop(m.sources.length) + 314),
    sameInBothLanguages: true, // years, amounts and the unit (元/万元/亿元), source names as the scenario gives them
    option: () => ({
      grid: { left: 80, right: 30, top: legendTop(m.sources.length), bottom: 40 },
      legend: { top: 5, type: "plain" },
      xAxis: { type: "category", data: m.years.map(String) },
      yAxis: { type: "value", name: unit, axisLabel: { formatter: moneyAxis(unit) } },
      // Each source its own colour (and past the palette's 16 a pattern too), in the scenario's order: bottom of the stack and first in the legend.
      series: m.sources.map((s, i) => ({ name: s.name, type: "bar", stack: "money", data: s.amounts, barMaxWidth: 60, itemStyle: barItemStyle(i) })),
    }),
  };
}

/** Where the plot starts below a legend of `entries` names, about four a row. */
const legendTop = (entries: number) => 40 + 22 * Math.ceil(entries / 4);
