/**
 * Progress towards a target by year: the plan's cumulative value (plan.csv added up over the
 * target's leaves), the target as a line, and — after Monte Carlo — the P10–P90 band and P50 of
 * the same cumulative metric from mc_summary.csv, with P(met) in the title.
 */
import { metricLabel } from "../format/labels.js";
import { asOfLabel } from "../format/runLabels.js";
import { formatProbability } from "../format/numbers.js";
import { type Cell, num, records, text } from "../output/resultTables.js";
import { countAxis, niceCeil } from "./axis.js";
import { leavesOf } from "./regionLeaves.js";
import { mcDraws, type RunContext, targetUnit } from "./runContext.js";
import type { ChartSpec, Lang } from "./svgChart.js";
import { LINE_COLOURS, SERIES_COLOURS } from "./palette.js";

const PLAN_COLUMN: Record<string, string> = {
  started: "units_started",
  completed: "units_completed",
  households_started: "households_started",
  households_completed: "households_completed",
};

export interface ProgressSeries {
  years: number[];
  planned: number[];
  band: { p10: number; p50: number; p90: number }[] | null;
  /** The last year with recorded starts (plan.csv `actual_started`) on the target's leaves, or null. */
  recordedThrough: number | null;
}

/** Cumulative planned value by year up to the target's year, and the Monte Carlo band if any. */
export function progressSeries(ctx: RunContext, target: Record<string, Cell>): ProgressSeries {
  const by = num(target.by);
  const plan = records(ctx.tables.get("plan.csv"));
  const years = [...new Set(plan.map((r) => num(r.year)))].filter((y) => y <= by).sort((a, b) => a - b);
  const leaves = leavesOf(ctx.input, text(target.region));
  const column = PLAN_COLUMN[text(target.metric)];
  let total = 0;
  let recordedThrough: number | null = null;
  const planned = years.map((y) => {
    for (const r of plan) {
      if (num(r.year) !== y || r.program !== target.program || !leaves.has(text(r.region))) continue;
      total += num(r[column]);
      if (typeof r.actual_started === "number" && r.actual_started > 0) recordedThrough = y;
    }
    return total;
  });
  const mc = records(ctx.tables.get("mc_summary.csv")).filter(
    (r) => r.metric === target.metric && r.region === target.region && r.program === target.program,
  );
  const band = mc.length === 0 ? null : years.map((y) => {
    const row = mc.find((r) => num(r.year) === y);
    return { p10: num(row?.p10 ?? null), p50: num(row?.p50 ?? null), p90: num(row?.p90 ?? null) };
  });
  return { years, planned, band, recordedThrough };
}

export function progressChart(ctx: RunContext, target: Record<string, Cell>): ChartSpec {
  const s = progressSeries(ctx, target);
  const unit = targetUnit(ctx, target);
  const named = metricLabel(text(target.metric));
  // The axis names what it counts: 竣工数 of a greenway are km, not units.
  const metric = unit ? { zh: `${named.zh}（${unit.zh}）`, en: `${named.en} (${unit.en})` } : named;
  const pMet = typeof target.p_met === "number" ? `（P(met) ${formatProbability(target.p_met, num(target.p_met_se), mcDraws(ctx), "zh")}）` : "";
  const pMetEn = typeof target.p_met === "number" ? ` (P(met) ${formatProbability(target.p_met, num(target.p_met_se), mcDraws(ctx))})` : "";
  // Years whose starts were recorded (actuals) are shaded, so a monitoring report does not read
  // history as plan; the label carries run.json's as_of where the scenario has one.
  const asOf = typeof ctx.runJson.as_of === "string" ? asOfLabel(ctx.runJson.as_of) : null;
  const recorded = s.recordedThrough === null ? null : {
    zh: asOf ? `实际（截至${asOf.zh}）` : "实际", en: asOf ? `recorded (to ${asOf.en})` : "recorded",
  };
  const note = progressNote(s);
  return {
    title: { zh: `${text(target.name)}：${metric.zh}累计进度${pMet}`, en: `${text(target.name)}: cumulative ${metric.en}${pMetEn}` },
    note: recorded ? { zh: `${note.zh}灰色区域为已记录实际的年份。`, en: `${note.en} Grey: years with recorded actuals.` } : note,
    width: 560,
    height: 300,
    option: (lang: Lang) => {
      const top = niceCeil(Math.max(num(target.target_value), ...s.planned, ...(s.band ?? []).map((b) => b.p90)));
      const names = lang === "zh"
        ? { plan: "计划", p10: "P10", band: "P10–P90", p50: "P50", target: "目标" }
        : { plan: "plan", p10: "P10", band: "P10–P90", p50: "P50", target: "target" };
      const series: object[] = [{
        name: names.plan, type: "line", data: s.planned, symbolSize: 6, lineStyle: { width: 2.5 },
        ...(recorded ? {
          markArea: {
            silent: true, itemStyle: { color: "#000", opacity: 0.06 }, label: { position: "insideTop", color: "#666" },
            data: [[{ name: recorded[lang], xAxis: String(s.years[0]) }, { xAxis: String(s.recordedThrough) }]],
          },
        } : {}),
        markLine: {
          silent: true, symbol: "none", lineStyle: { color: LINE_COLOURS.target, type: "solid" },
          label: { formatter: `${names.target} ${countAxis(lang)(num(target.target_value))}`, position: "insideEndTop" },
          data: [{ yAxis: num(target.target_value) }],
        },
      }];
      if (s.band && s.years.length === 1) {
        // One year: no area to shade, so the band is drawn as its ends and P50 as markers.
        const [b] = s.band;
        series.push(
          { name: names.band, type: "scatter", data: [[0, b.p10], [0, b.p90]], symbol: "rect", symbolSize: [28, 3], itemStyle: { color: SERIES_COLOURS[0] } },
          { name: names.p50, type: "scatter", data: [[0, b.p50]], symbol: "diamond", symbolSize: 10, itemStyle: { color: SERIES_COLOURS[0] } },
        );
      } else if (s.band) {
        series.push(
          { name: names.p10, type: "line", data: s.band.map((b) => b.p10), stack: "band", symbol: "none", lineStyle: { opacity: 0 } },
          { name: names.band, type: "line", data: s.band.map((b) => b.p90 - b.p10), stack: "band", symbol: "none", lineStyle: { opacity: 0 }, itemStyle: { color: "#a9b8e3" }, areaStyle: { color: SERIES_COLOURS[0], opacity: 0.2 } },
          { name: names.p50, type: "line", data: s.band.map((b) => b.p50), symbol: "none", itemStyle: { color: SERIES_COLOURS[0] }, lineStyle: { type: "dashed", color: SERIES_COLOURS[0] } },
        );
      }
      return {
        grid: { left: 70, right: 30, top: 40, bottom: 40 },
        legend: { top: 5, data: s.band ? [names.plan, names.band, names.p50] : [names.plan] },
        xAxis: { type: "category", data: s.years.map(String), boundaryGap: s.years.length === 1 }, // one year: in the middle
        yAxis: { type: "value", name: metric[lang], max: (v: { max: number }) => niceCeil(Math.max(v.max, num(target.target_value))), axisLabel: { formatter: countAxis(lang, top) } },
        series,
      };
    },
  };
}

function progressNote(s: ProgressSeries): { zh: string; en: string } {
  if (s.band && s.years.length === 1) return { zh: "圆点为计划；两条短横线为蒙特卡洛 P10 与 P90，菱形为 P50；红线为目标值。", en: "Dot: plan; bars: Monte Carlo P10 and P90, diamond: P50; red: target." };
  if (s.band) return { zh: "实线为计划；阴影为蒙特卡洛 P10–P90，虚线为 P50；红线为目标值。", en: "Solid: plan; shaded: Monte Carlo P10–P90, dashed: P50; red: target." };
  return { zh: "实线为计划累计值；红线为目标值。", en: "Solid: planned cumulative value; red: target." };
}
