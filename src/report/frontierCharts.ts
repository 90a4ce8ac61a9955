/**
 * `simulate frontier` charts, from frontier.csv rows (one per confidence level and target): the
 * money planned at each confidence level — and how many targets reach it there — and each target's
 * P(met) and planned value against it.
 */
import type { Label } from "../format/labels.js";
import { moneyUnitFor } from "../format/numbers.js";
import { sameMoneyAtEveryLevel, samePlanAtEveryLevel } from "../confidence/samePlan.js";
import { type Cell, num, records, text } from "../output/resultTables.js";
import { MONEY_UNIT_EN, moneyAxis, percentAxis } from "./axis.js";
import type { RunContext } from "./runContext.js";
import type { ChartSpec, Lang } from "./svgChart.js";
import { barItemStyle, LINE_COLOURS, seriesLook } from "./palette.js";

interface Frontier {
  levels: number[];
  money: { government: (number | null)[]; total: (number | null)[] };
  /** Per level, of the targets held to it (confidence_reached given), how many reached it. */
  reach: { reached: number; targets: number }[];
  targets: { id: string; name: string; rows: (Record<string, Cell> | undefined)[] }[];
  /** Per level, P(all targets met) on the validation draws and its standard error; null where no level has it (no --draws, one target, older folders). */
  allTargets: { p: (number | null)[]; se: (number | null)[] } | null;
}

/** Whether every target reached every level: only then is the money of a level "what it takes". */
const everyLevelReached = (f: Frontier): boolean => f.reach.every((r) => r.reached === r.targets);

/** Two or more levels, all the same money and plan (samePlan.ts, as the printed note), not every target reaching every level. */
const samePlanShort = (f: Frontier): boolean =>
  f.levels.length > 1 && !everyLevelReached(f) && sameMoneyAtEveryLevel(f.money.government) && samePlanAtEveryLevel(f.targets.flatMap((t) => t.rows.map((r) => ({ target: t.id, planned: typeof r?.planned_value === "number" ? r.planned_value : null }))));

/**
 * Under the money chart of such a frontier (a flat line, ✗ at every level): it is not the
 * cost–confidence curve, and the notes at the end name the min-budget runs that give it.
 */
const SAME_PLAN_NOTE: Label = {
  zh: "各档位的方案相同（预算等约束已用足，无法再安排更多资金），因此本图不是资金-把握度曲线；各把握度所需的最低预算，见文末提示中按档位分别运行的 simulate min-budget 命令。",
  en: " Every level has the same plan (the budgets or other limits bind: no more money can be planned), so this is not the cost–confidence curve; for the budget each level takes, the notes at the end name the simulate min-budget run per level.",
};

export function frontierData(ctx: RunContext): Frontier {
  const rows = records(ctx.tables.get("frontier.csv"));
  const levels = [...new Set(rows.map((r) => num(r.confidence)))].sort((a, b) => a - b);
  const first = levels.map((c) => rows.find((r) => num(r.confidence) === c));
  const orNull = (v: Cell | undefined) => (typeof v === "number" ? v : null);
  const ids = [...new Set(rows.map((r) => text(r.target)))];
  return {
    levels,
    money: { government: first.map((r) => orNull(r?.government_used_yuan)), total: first.map((r) => orNull(r?.total_used_yuan)) },
    reach: levels.map((c) => {
      const held = rows.filter((r) => num(r.confidence) === c && typeof r.confidence_reached === "boolean");
      return { reached: held.filter((r) => r.confidence_reached === true).length, targets: held.length };
    }),
    targets: ids.map((id) => ({
      id,
      name: text(rows.find((r) => r.target === id)?.target_name ?? id),
      rows: levels.map((c) => rows.find((r) => r.target === id && num(r.confidence) === c)),
    })),
    allTargets: first.some((r) => typeof r?.p_all_targets_met === "number")
      ? { p: first.map((r) => orNull(r?.p_all_targets_met)), se: first.map((r) => orNull(r?.p_all_targets_met_se)) }
      : null,
  };
}

/** The thick line of P(all targets met) in the P(met) chart, as the stress report draws it. */
export const ALL_TARGETS: Label = { zh: "全部目标同时完成", en: "all targets met" };

/** The plan without margins (run.json `plain_plan`), where the frontier starts; null in older folders. */
function plainPlan(ctx: RunContext): { government: number; total: number } | null {
  const p = ctx.runJson.plain_plan as { government_used_yuan?: unknown; total_used_yuan?: unknown } | undefined;
  return typeof p?.government_used_yuan === "number" && typeof p.total_used_yuan === "number"
    ? { government: p.government_used_yuan, total: p.total_used_yuan }
    : null;
}

const NO_MARGIN: Label = { zh: "不设余量", en: "no margin" };

/** planned ÷ target = 100 %: the target itself, a red line as the progress charts draw it. */
const TARGET_LINE = (lang: Lang) => ({
  silent: true, symbol: "none", lineStyle: { color: LINE_COLOURS.target, type: "solid" },
  label: { formatter: lang === "zh" ? "目标值" : "target", position: "insideEndTop" }, data: [{ yAxis: 1 }],
});

export function frontierCharts(ctx: RunContext): ChartSpec[] {
  const f = frontierData(ctx);
  const plain = plainPlan(ctx);
  // The money chart starts at the plan without margins: what the first level adds is read off it.
  const withPlain = <T>(first: T, rest: T[]): T[] => (plain ? [first, ...rest] : rest);
  const unit = moneyUnitFor([...f.money.government, ...f.money.total, plain?.government ?? null, plain?.total ?? null].filter((x): x is number => x !== null));
  // Each level names under it how many targets reach it there: the money of a level marked ✗ does not buy that level.
  const xAxis = (lang: Lang) => ({
    type: "category", data: f.levels.map((c, i) => levelAxisLabel(c, f.reach[i])[lang]), name: lang === "zh" ? "把握度" : "confidence", nameLocation: "middle", nameGap: 44,
  });
  const cell = (r: Record<string, Cell> | undefined, key: string) => (typeof r?.[key] === "number" ? (r[key] as number) : null);
  const all = everyLevelReached(f);
  const same = samePlanShort(f) ? SAME_PLAN_NOTE : { zh: "", en: "" };
  return [
    {
      title: all
        ? { zh: "资金-把握度前沿：达到各把握度所需资金", en: "Money–confidence frontier: money that reaches each level" }
        : { zh: "资金-把握度前沿：各把握度的规划资金（✗ 并非所有目标都达到该把握度）", en: "Money–confidence frontier: money planned at each level (✗ not every target reaches it)" },
      note: {
        zh: `单位：${unit}；${plain ? "第一个点为不设余量的方案；" : ""}把握度为各目标完成概率的要求；横轴下注明达到该把握度的目标数${all ? "" : "，✗ 的档位用这些资金也有目标达不到该把握度"}。${same.zh}`,
        en: `Unit: ${MONEY_UNIT_EN[unit]}; ${plain ? "the first point is the plan without margins; " : ""}confidence: the required probability of meeting each target; under each level, how many targets reach it${all ? "" : " (✗: with this money some targets still fall short of it)"}.${same.en}`,
      },
      width: 1000,
      height: 380,
      option: (lang: Lang) => ({
        grid: { left: 80, right: 30, top: 40, bottom: 64 },
        legend: { top: 5 },
        xAxis: { ...xAxis(lang), data: withPlain(NO_MARGIN[lang], xAxis(lang).data) },
        yAxis: { type: "value", name: unit, axisLabel: { formatter: moneyAxis(unit) } },
        series: [
          { name: lang === "zh" ? "政府资金" : "government money", type: "line", data: withPlain(plain?.government ?? null, f.money.government), symbolSize: 8 },
          { name: lang === "zh" ? "全部资金" : "all money", type: "line", data: withPlain(plain?.total ?? null, f.money.total), symbolSize: 8 },
        ],
      }),
    },
    {
      title: { zh: "各目标的完成概率", en: "P(met) of each target" },
      note: f.allTargets
        ? { zh: "实线：验证抽样的 P(met)；虚线：校准时的 P(met)；灰线：要求的把握度；粗线：全部目标在同一次验证抽样中完成的概率。", en: "Solid: P(met) on validation draws; dashed: at calibration; grey: the required confidence; thick line: all targets met in the same validation draw." }
        : { zh: "实线：验证抽样的 P(met)；虚线：校准时的 P(met)；灰线：要求的把握度。", en: "Solid: P(met) on validation draws; dashed: at calibration; grey: the required confidence." },
      width: 1000,
      height: 360,
      option: (lang: Lang) => ({
        grid: { left: 70, right: 30, top: 40 + 22 * Math.ceil((f.targets.length + (f.allTargets ? 1 : 0)) / 4), bottom: 64 },
        legend: { top: 5, data: [...f.targets.map((t) => t.name), ...(f.allTargets ? [ALL_TARGETS[lang]] : [])] },
        xAxis: xAxis(lang),
        yAxis: { type: "value", min: 0, max: 1, axisLabel: { formatter: percentAxis } },
        series: [
          // A target's two lines in its own colour (and marker, past the palette's 16 colours).
          ...f.targets.map((t, i) => ({ name: t.name, type: "line", data: t.rows.map((r) => cell(r, "p_met")), symbolSize: 7, symbol: seriesLook(i).symbol, itemStyle: { color: seriesLook(i).color }, lineStyle: { color: seriesLook(i).color } })),
          ...f.targets.map((t, i) => ({ name: t.name, type: "line", data: t.rows.map((r) => cell(r, "p_met_calibration")), lineStyle: { type: "dashed", color: seriesLook(i).color }, itemStyle: { color: seriesLook(i).color }, symbol: "none" })),
          { name: "confidence", type: "line", data: f.levels, lineStyle: { color: LINE_COLOURS.confidence, type: "dotted" }, itemStyle: { color: LINE_COLOURS.confidence }, symbol: "none" },
          ...(f.allTargets ? [{ name: ALL_TARGETS[lang], type: "line", data: f.allTargets.p, symbol: "none", lineStyle: { width: 4, color: LINE_COLOURS.allTargets }, itemStyle: { color: LINE_COLOURS.allTargets } }] : []),
        ],
      }),
    },
    {
      title: { zh: "各目标的计划值 ÷ 目标值", en: "Planned ÷ target of each target" },
      note: {
        zh: "把握度越高，计划越需超出目标以留出余量；红线为目标值（100%），纵轴从0起，恰按目标值规划（没有余量）的目标也有柱。",
        en: "Higher confidence plans further beyond the target as a margin; red line: the target (100%). The axis starts at 0, so a target planned exactly at its value (no margin) has a bar too.",
      },
      width: 1000,
      height: 340,
      option: (lang: Lang) => ({
        grid: { left: 70, right: 30, top: 40 + 22 * Math.ceil(f.targets.length / 4), bottom: 64 },
        legend: { top: 5 },
        xAxis: xAxis(lang),
        // From 0, not from the smallest ratio: a scaled axis started at 100 % and hid every target
        // planned exactly at its value — the ones with no margin, which the chart is there to show.
        yAxis: { type: "value", min: 0, axisLabel: { formatter: percentAxis } },
        series: f.targets.map((t, i) => ({
          name: t.name, type: "bar", itemStyle: barItemStyle(i),
          data: t.rows.map((r) => {
            const planned = cell(r, "planned_value");
            const target = cell(r, "target_value");
            return planned === null || !target ? null : planned / target;
          }),
          ...(i === 0 ? { markLine: TARGET_LINE(lang) } : {}),
        })),
      }),
    },
  ];
}

/** "95%" over "4个中2个达到 ✗" / "2 of 4 ✗"; a level no target is held to (no confidence_reached) just its %. */
function levelAxisLabel(level: number, reach: Frontier["reach"][number]): Label {
  const percent = percentAxis(level);
  if (reach.targets === 0) return { zh: percent, en: percent };
  const mark = reach.reached === reach.targets ? "✓" : "✗";
  return { zh: `${percent}\n${reach.targets}个中${reach.reached}个达到 ${mark}`, en: `${percent}\n${reach.reached} of ${reach.targets} ${mark}` };
}
