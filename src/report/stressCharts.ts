/**
 * `simulate stress` charts: attainment of every target by cut level, P(met) by cut level when
 * stress.csv carries it, each target's planned value against its target, and the money and
 * households lost per level (stress_summary.csv).
 */
import type { Label } from "../format/labels.js";
import { moneyUnitFor } from "../format/numbers.js";
import { type Cell, num, records, text } from "../output/resultTables.js";
import { attainmentAxis, countAxis, MONEY_UNIT_EN, moneyAxis, niceCeil, percentAxis } from "./axis.js";
import type { RunContext } from "./runContext.js";
import type { ChartSpec, Lang } from "./svgChart.js";
import { LINE_COLOURS, seriesLook } from "./palette.js";

interface StressGrid {
  levels: string[];
  targets: { id: string; name: string; rows: (Record<string, Cell> | undefined)[] }[];
  /**
   * P(all targets met) and its standard error at each level (stress_summary.csv), for the report's
   * table and chart alike; null with one target (the joint figure is its own P(met)) or without --draws.
   */
  allTargets: { p: (number | null)[]; se: (number | null)[] } | null;
}

export function stressGrid(ctx: RunContext): StressGrid {
  const rows = records(ctx.tables.get("stress.csv"));
  const cuts = [...new Map(rows.map((r) => [num(r.cut), text(r.cut_label)])).entries()].sort((a, b) => a[0] - b[0]);
  const ids = [...new Set(rows.map((r) => text(r.target)))];
  return {
    levels: cuts.map(([, label]) => label),
    targets: ids.map((id) => ({
      id,
      name: text(rows.find((r) => r.target === id)?.name ?? id),
      rows: cuts.map(([cut]) => rows.find((r) => r.target === id && num(r.cut) === cut)),
    })),
    allTargets: ids.length > 1 ? allTargetsByLevel(ctx, cuts.map(([cut]) => cut)) : null,
  };
}

/** "Does this cut still meet the targets?" is joint: every target met in the same draw (stress_summary.csv, by cut). */
function allTargetsByLevel(ctx: RunContext, cuts: number[]): StressGrid["allTargets"] {
  const summary = new Map(records(ctx.tables.get("stress_summary.csv")).map((s) => [num(s.cut), s]));
  const p = cuts.map((cut) => value(summary.get(cut), "p_all_targets_met"));
  return p.every((v) => v === null) ? null : { p, se: cuts.map((cut) => value(summary.get(cut), "p_all_targets_met_se")) };
}

const value = (row: Record<string, Cell> | undefined, key: string): number | null => {
  const v = row?.[key];
  return typeof v === "number" ? v : null;
};

/** Markers and dashes that keep two targets with the same values apart (a county's units and its households). */
const SYMBOLS = ["circle", "rect", "triangle", "diamond", "pin", "roundRect"];

/** The thick line of P(all targets met) in the P(met) chart. */
const ALL_TARGETS: Label = { zh: "全部目标同时完成", en: "all targets met" };

/**
 * One line per target across the levels, and in the P(met) chart with more than one target a thick
 * line of P(all targets met), drawn last. Attainment's axis spans the data to the nearest 5 % (a
 * 97 % against 100 % would be a few pixels apart on 0–117 %); a probability's spans 0–100 %.
 */
function byLevelChart(grid: StressGrid, key: string, title: ChartSpec["title"], note: Label, all: (number | null)[] | null = null): ChartSpec {
  const probability = key === "p_met";
  const same = coinciding(grid, key, all);
  const plotted = grid.targets.flatMap((t) => t.rows.map((r) => value(r, key))).filter((v): v is number => v !== null);
  return {
    title,
    note: same.length === 0 ? note : {
      zh: `${note.zh}重合的线：${same.map((names) => names.map((n) => n.zh).join("与")).join("；")}（各档位数值相同）。`,
      en: `${note.en} Lines on top of each other: ${same.map((names) => names.map((n) => n.en).join(" and ")).join("; ")} (the same at every level).`,
    },
    width: 1000,
    height: 360,
    option: (lang: Lang) => ({
      // The legend's rows, four entries a row: the targets and the thick line's.
      grid: { left: 70, right: 30, top: 40 + 22 * Math.ceil((grid.targets.length + (all ? 1 : 0)) / 4), bottom: 50 },
      legend: { top: 5 },
      xAxis: { type: "category", data: grid.levels, name: lang === "zh" ? "削减" : "cut", nameLocation: "middle", nameGap: 30 },
      yAxis: { type: "value", axisLabel: { formatter: percentAxis }, ...(probability ? { min: 0, max: 1 } : attainmentAxis(plotted)) },
      series: [
        ...grid.targets.map((t, i) => ({
          name: t.name, type: "line", data: t.rows.map((r) => value(r, key)),
          symbol: SYMBOLS[i % SYMBOLS.length], symbolSize: i % 2 === 0 ? 7 : 11, itemStyle: { color: seriesLook(i).color }, lineStyle: { type: i % 2 === 0 ? "solid" : "dashed", color: seriesLook(i).color },
        })),
        ...(all ? [{ name: ALL_TARGETS[lang], type: "line", data: all, symbol: "none", lineStyle: { width: 4, color: LINE_COLOURS.allTargets }, itemStyle: { color: LINE_COLOURS.allTargets } }] : []),
      ],
    }),
  };
}

/**
 * Lines whose values (to 0.1 %) are the same at every level: they lie on top of each other. The
 * thick all-targets line is one of them — with a target met in every draw it equals another
 * target's P(met) and, drawn last, hides that target's line — named first in its group.
 */
function coinciding(grid: StressGrid, key: string, all: (number | null)[] | null): Label[][] {
  const lines: { name: Label; values: (number | null)[] }[] = [
    ...(all ? [{ name: { zh: `粗线（${ALL_TARGETS.zh}）`, en: `the thick line (${ALL_TARGETS.en})` }, values: all }] : []),
    ...grid.targets.map((t) => ({ name: { zh: t.name, en: t.name }, values: t.rows.map((r) => value(r, key)) })),
  ];
  const byValues = new Map<string, Label[]>();
  for (const { name, values } of lines) {
    if (values.every((v) => v === null)) continue;
    const id = values.map((v) => (v === null ? "—" : v.toFixed(3))).join("|");
    byValues.set(id, [...(byValues.get(id) ?? []), name]);
  }
  return [...byValues.values()].filter((names) => names.length > 1);
}

export function stressCharts(ctx: RunContext): ChartSpec[] {
  const grid = stressGrid(ctx);
  const charts: ChartSpec[] = [
    byLevelChart(grid, "attainment",
      { zh: "各削减档位的目标完成率", en: "Attainment by cut level" },
      { zh: "计划值 ÷ 目标值；各档位重新优化。", en: "Planned ÷ target; re-planned at each level." }),
  ];
  if (ctx.tables.get("stress.csv")?.columns.includes("p_met")) {
    const all = grid.allTargets?.p ?? null;
    charts.push(byLevelChart(grid, "p_met",
      { zh: "各削减档位的完成概率 P(met)", en: "P(met) by cut level" },
      all
        ? { zh: "蒙特卡洛估计的目标完成概率；粗线：全部目标在同一次抽样中完成的概率。", en: "Monte Carlo probability that the target is met; thick line: all targets met in the same draw." }
        : { zh: "蒙特卡洛估计的目标完成概率。", en: "Monte Carlo probability that the target is met." },
      all));
  }
  for (const t of grid.targets) charts.push(targetByLevel(grid, t));
  charts.push(...summaryCharts(ctx));
  return charts;
}

function targetByLevel(grid: StressGrid, t: StressGrid["targets"][number]): ChartSpec {
  const targetValue = value(t.rows[0], "target_value") ?? 0;
  return {
    title: { zh: `${t.name}：各档位计划值`, en: `${t.name}: planned by cut level` },
    note: { zh: "柱为计划值，红线为目标值。", en: "Bars: planned; red line: target." },
    width: 480,
    height: 280,
    option: (lang: Lang) => ({
      grid: { left: 70, right: 20, top: 20, bottom: 30 },
      xAxis: { type: "category", data: grid.levels },
      yAxis: { type: "value", axisLabel: { formatter: countAxis(lang) }, max: (v: { max: number }) => niceCeil(Math.max(v.max, targetValue)) },
      series: [{
        type: "bar", data: t.rows.map((r) => value(r, "planned")), barMaxWidth: 40,
        markLine: { silent: true, symbol: "none", lineStyle: { color: LINE_COLOURS.target, type: "solid" }, label: { show: false }, data: [{ yAxis: targetValue }] },
      }],
    }),
  };
}

function summaryCharts(ctx: RunContext): ChartSpec[] {
  const rows = records(ctx.tables.get("stress_summary.csv"));
  if (rows.length === 0) return [];
  const levels = rows.map((r) => text(r.cut_label));
  const unit = moneyUnitFor(rows.flatMap((r) => [num(r.government_used_yuan), num(r.budget_cut_yuan)]));
  const households = rows.some((r) => typeof r.households_lost === "number");
  return [
    {
      title: { zh: "政府资金：削减额与使用额", en: "Government money: cut and used" },
      note: { zh: `单位：${unit}。`, en: `Unit: ${MONEY_UNIT_EN[unit]}.` },
      width: 480,
      height: 300,
      option: (lang: Lang) => ({
        grid: { left: 70, right: 20, top: 40, bottom: 30 },
        legend: { top: 5 },
        xAxis: { type: "category", data: levels },
        yAxis: { type: "value", axisLabel: { formatter: moneyAxis(unit) } },
        series: [
          { name: lang === "zh" ? "政府资金使用" : "government used", type: "bar", data: rows.map((r) => value(r, "government_used_yuan")) },
          { name: lang === "zh" ? "预算削减" : "budget cut", type: "bar", data: rows.map((r) => value(r, "budget_cut_yuan")) },
        ],
      }),
    },
    // Without a households target nothing counts households: the bars show the weighted shortfall
    // instead, which orders the levels where "targets met" alone cannot (7 of 10 met at a 10 % cut
    // can be further from the targets than 9 of 10 at 20 %).
    households
      ? barsBesideTargetsMet(levels, rows, {
        key: "households_lost",
        name: { zh: "减少户数", en: "households lost" },
        title: { zh: "减少的惠及户数与完成目标数", en: "Households lost and targets met" },
        note: {
          zh: "柱：较基准减少的惠及户数（低于0：该档位开工户数多于基准，并无减少）；折线：完成的目标数。",
          en: "Bars: households lost vs baseline (below 0: the level starts more households than the baseline, no loss); line: targets met.",
        },
        counts: true,
      })
      : barsBesideTargetsMet(levels, rows, {
        key: "shortfall_objective",
        name: { zh: "加权缺口", en: "weighted shortfall" },
        title: { zh: "加权缺口与完成目标数", en: "Weighted shortfall and targets met" },
        note: {
          zh: "柱：各目标缺口占目标值之比按权重加总（0 = 全部完成）；折线：完成的目标数。",
          en: "Bars: each target's shortfall as a share of it, weighted and summed (0 = all met); line: targets met.",
        },
        counts: false,
      }),
  ];
}

/** One summary column per level as bars, with the targets met as a line on a second axis. */
function barsBesideTargetsMet(
  levels: string[],
  rows: Record<string, Cell>[],
  bars: { key: string; name: Label; title: ChartSpec["title"]; note: ChartSpec["note"]; counts: boolean },
): ChartSpec {
  return {
    title: bars.title,
    note: bars.note,
    width: 480,
    height: 300,
    option: (lang: Lang) => ({
      grid: { left: 70, right: 50, top: 40, bottom: 30 },
      legend: { top: 5 },
      xAxis: { type: "category", data: levels },
      yAxis: [
        bars.counts ? { type: "value", axisLabel: { formatter: countAxis(lang) } } : { type: "value" },
        { type: "value", minInterval: 1, splitLine: { show: false } },
      ],
      series: [
        { name: bars.name[lang], type: "bar", data: rows.map((r) => value(r, bars.key)) },
        { name: lang === "zh" ? "完成目标数" : "targets met", type: "line", yAxisIndex: 1, data: rows.map((r) => value(r, "targets_met")) },
      ],
    }),
  };
}
