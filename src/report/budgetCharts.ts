/**
 * Budgets and limits: utilisation by region and year (heatmap, binding cells marked), the binding
 * limits ranked by shadow price, and — when budgets.csv carries them — the budget range over which
 * each price holds.
 */
import { formatPercent, moneyUnitFor } from "../format/numbers.js";
import { type Cell, num, records, text } from "../output/resultTables.js";
import type { Label } from "../format/labels.js";
import { MONEY_UNIT_EN, moneyAxis, niceCeil } from "./axis.js";
import type { RunContext } from "./runContext.js";
import type { ChartSpec, Lang } from "./svgChart.js";
import { byScenarioOrder } from "./scenarioOrder.js";
import { barItemStyle } from "./palette.js";

/** How many binding limits the ranking shows. */
export const TOP_LIMITS = 15;

export interface UtilisationCell {
  region: string;
  year: number;
  utilisation: number;
  binding: boolean;
}

/** Used over available (budget + carried in), all sources of a region and year together. */
export function utilisationCells(ctx: RunContext): { regions: string[]; years: number[]; cells: UtilisationCell[] } {
  const rows = records(ctx.tables.get("budgets.csv"));
  const names = new Map(rows.map((r) => [text(r.region), text(r.region_name)]));
  const regions = [...names.keys()].sort(byScenarioOrder(ctx.input)).map((id) => names.get(id)!);
  const years = [...new Set(rows.map((r) => num(r.year)))].sort((a, b) => a - b);
  // One pass over the rows (a province has hundreds of budget rows): sums per region and year.
  const sums = new Map<string, { available: number; used: number; binding: boolean }>();
  for (const r of rows) {
    const key = `${text(r.region_name)}\u0000${num(r.year)}`;
    const sum = sums.get(key) ?? { available: 0, used: 0, binding: false };
    sum.available += num(r.budget_yuan) + num(r.carried_in_yuan);
    sum.used += num(r.used_yuan);
    sum.binding ||= r.binding === true;
    sums.set(key, sum);
  }
  const cells: UtilisationCell[] = [];
  for (const region of regions) {
    for (const year of years) {
      const sum = sums.get(`${region}\u0000${year}`);
      if (sum) cells.push({ region, year, utilisation: sum.available > 0 ? sum.used / sum.available : 0, binding: sum.binding });
    }
  }
  return { regions, years, cells };
}

export function utilisationHeatmap(ctx: RunContext): ChartSpec {
  const u = utilisationCells(ctx);
  return {
    title: { zh: "预算使用率（按地区、年度）", en: "Budget utilisation by region and year" },
    note: { zh: "各资金来源合计：已使用 ÷（预算 + 上年结转）；● 表示有预算为紧约束（全部用完）。", en: "All sources together: used ÷ (budget + carried in); ● marks a binding (fully used) budget." },
    width: 1000,
    height: 110 + 22 * u.regions.length,
    sameInBothLanguages: true, // region names, years and percentages
    option: () => ({
      grid: { left: 230, right: 30, top: 10, bottom: 80 },
      xAxis: { type: "category", data: u.years.map(String), splitArea: { show: true } },
      yAxis: { type: "category", data: u.regions, inverse: true, axisLabel: { width: 210, overflow: "truncate" } },
      visualMap: {
        min: 0, max: 1, dimension: 2, orient: "horizontal", left: "center", bottom: 5, calculable: false,
        inRange: { color: ["#f7fbff", "#6baed6", "#08306b"] }, text: ["100%", "0%"], itemHeight: 200,
      },
      series: [{
        type: "heatmap",
        itemStyle: { borderColor: "#fff", borderWidth: 1 },
        data: u.cells.map((c) => ({
          value: [u.years.indexOf(c.year), u.regions.indexOf(c.region), c.utilisation, c.binding ? 1 : 0],
          // Dark cells get white text so the label stays legible on screen and on paper.
          label: { color: c.utilisation > 0.6 ? "#fff" : "#222" },
        })),
        label: {
          show: true, fontSize: 11,
          formatter: (p: { value: number[] }) => `${formatPercent(p.value[2])}${p.value[3] ? " ●" : ""}`,
        },
      }],
    }),
  };
}

export interface RankedLimit {
  label: string;
  price: number;
  row: Record<string, Cell>;
}

/**
 * Binding budgets ranked by what an extra 1亿元 buys of the reference target (the first missed
 * soft target, in its own units) when money limits attainment; when every target is met those
 * prices are zero and the cost-stage price (weighted cost — every source's money × its cost weight —
 * saved per extra yuan) ranks them instead.
 * Budgets whose price is zero (fully used, but more money would change nothing) are left out: a row
 * of zero bars ranks nothing, and they have no range to draw.
 */
export function rankedBudgets(ctx: RunContext): { measure: "units" | "cost"; target: string; limits: RankedLimit[] } {
  const binding = records(ctx.tables.get("budgets.csv")).filter((r) => r.binding === true);
  const byUnits = binding.some((r) => num(r.shadow_price_units_per_100m_yuan) > 0);
  const target = byUnits ? text(binding.find((r) => num(r.shadow_price_units_per_100m_yuan) > 0)!.shadow_price_target) : "";
  const price = (r: Record<string, Cell>) => num(byUnits ? r.shadow_price_units_per_100m_yuan : r.cost_saved_per_yuan);
  const limits = binding
    .map((row) => ({ label: `${num(row.year)} ${text(row.region_name)} · ${text(row.source_name)}`, price: price(row), row }))
    .filter((l) => Number.isFinite(l.price) && l.price !== 0)
    .sort((a, b) => b.price - a.price || a.label.localeCompare(b.label))
    .slice(0, TOP_LIMITS);
  return { measure: byUnits ? "units" : "cost", target, limits };
}

/**
 * Null when no binding budget has a price (the heatmap still marks them). In a plan to a confidence
 * level the prices are the plan's with each target's planned value — its margin included — held:
 * the cost price says which budget makes that plan cheaper, not which money makes a target surer,
 * and the chart says so, and which command answers that (confidenceWords).
 */
export function bindingChart(ctx: RunContext): ChartSpec | null {
  const { measure, target, limits } = rankedBudgets(ctx);
  if (limits.length === 0) return null;
  // The target by its name (targets.csv), as the report's other charts name it.
  const name = text(records(ctx.tables.get("targets.csv")).find((r) => text(r.target) === target)?.name) || target;
  const axis = measure === "units"
    ? { zh: `每增加1亿元多完成的目标“${name}”（目标单位）`, en: `units of target ${name} gained per extra 1亿元` }
    : { zh: "每增加1元预算节约的加权出资成本（元；各来源出资×成本权重）", en: "weighted cost saved per extra yuan (every source's money × its cost weight)" };
  const sure = confidenceWords(ctx, measure);
  return {
    title: sure?.title ?? { zh: `紧约束预算按影子价格排序（前${TOP_LIMITS}）`, en: `Binding budgets ranked by shadow price (top ${TOP_LIMITS})` },
    note: {
      zh: `影子价格：${axis.zh}；为边际值，下一图为其确定成立的范围。${sure?.note.zh ?? ""}`,
      en: `Shadow price: ${axis.en}; a marginal rate, certain over the range in the next chart.${sure?.note.en ?? ""}`,
    },
    width: 1000,
    height: 90 + 24 * limits.length,
    option: (lang: Lang) => ({
      grid: { left: 330, right: 60, top: 20, bottom: 40 },
      xAxis: { type: "value", name: axis[lang], nameLocation: "middle", nameGap: 25 },
      yAxis: { type: "category", data: limits.map((l) => l.label), inverse: true, axisLabel: { width: 290, overflow: "truncate" } },
      series: [{ type: "bar", data: limits.map((l) => l.price), label: { show: true, position: "right", formatter: (p: { value: number }) => String(Number(p.value.toPrecision(3))) } }],
    }),
  };
}

/**
 * A plan to a confidence level (run.json `confidence`): the title of a chart ranked by the cost
 * price names it, and the note says what neither price answers — which money raises a target's
 * P(met) — and which command does: `simulate min-budget … --confidence`, at the plan's level.
 */
function confidenceWords(ctx: RunContext, measure: "units" | "cost"): { title: Label | null; note: Label } | null {
  const confidence = ctx.runJson.confidence as { default_level?: unknown } | null | undefined;
  if (confidence === null || confidence === undefined) return null;
  const required = records(ctx.tables.get("targets.csv")).map((t) => num(t.confidence_required)).filter(Number.isFinite);
  const level = typeof confidence.default_level === "number" ? confidence.default_level : required.length > 0 ? Math.max(...required) : null;
  const command = `simulate min-budget … --source government --confidence ${level ?? "α"}`;
  const title = measure === "cost"
    ? { zh: `紧约束预算按节约的加权出资成本排序（各目标计划值含余量不变，前${TOP_LIMITS}）`, en: `Binding budgets ranked by weighted cost saved, each target's planned value and margin held (top ${TOP_LIMITS})` }
    : null;
  return {
    title,
    note: {
      zh: `本方案按把握度规划：影子价格在各目标计划值（含为把握度留出的余量）不变时计算，说明哪笔预算${measure === "cost" ? "能让这一方案更省" : "能让这一方案多完成多少"}，不说明哪笔资金能提高完成概率；哪笔资金能提高把握度，请用 ${command}（见 docs/confidence.md）。`,
      en: ` Planned to a confidence level: the prices hold each target's planned value, its margin included, so they say which budget ${measure === "cost" ? "makes this plan cheaper" : "lets this plan reach further"}, not which money raises a target's P(met); for that, run ${command} (docs/confidence.md).`,
    },
  };
}

/**
 * Drawn only when budgets.csv has the validity columns (shadow_price_valid_from_yuan / _to_yuan):
 * how far each ranked budget can move down and up with its price certain (HiGHS ranging: the plan's
 * basis stays optimal), as bars either side of today's budget. Drawn relative to the budget: on an
 * axis of whole budgets (0–11.5亿) the typical room of a few 万元 was invisible.
 */
export function validityChart(ctx: RunContext): ChartSpec | null {
  const table = ctx.tables.get("budgets.csv");
  if (!table || !table.columns.includes("shadow_price_valid_from_yuan") || !table.columns.includes("shadow_price_valid_to_yuan")) return null;
  const { limits } = rankedBudgets(ctx);
  if (limits.length === 0) return null;
  const down = limits.map((l) => num(l.row.shadow_price_valid_from_yuan) - num(l.row.budget_yuan));
  const up = limits.map((l) => num(l.row.shadow_price_valid_to_yuan) - num(l.row.budget_yuan));
  const finite = [...down, ...up].filter(Number.isFinite).map(Math.abs);
  const unit = moneyUnitFor(finite);
  // An open side (no limit found by ranging: a blank cell) runs to the edge of the chart.
  const edge = niceCeil((finite.length > 0 ? Math.max(...finite) : 1e8) * 1.2);
  const shown = (side: -1 | 1) => (x: number) => (Number.isFinite(x) ? x : side * edge);
  return {
    title: { zh: "影子价格确定成立的预算增减范围", en: "How far each budget can move with its shadow price certain" },
    note: {
      zh: `单位：${unit}；条形为相对当前预算可减少（左）和增加（右）的金额，在此范围内当前方案的基保持最优、影子价格确定成立；超出后价格常常仍然成立（simulate explain 以增加1亿元重新规划核对）；无界时画到图边。`,
      en: `Unit: ${MONEY_UNIT_EN[unit]}; bars: how far below (left) and above (right) today's budget the plan's basis stays optimal and the price is certain; it often holds further (simulate explain re-plans a 1亿元 step to check); an open side runs to the edge.`,
    },
    width: 1000,
    height: 90 + 24 * limits.length,
    option: (lang: Lang) => ({
      grid: { left: 330, right: 40, top: 30, bottom: 40 },
      legend: { top: 0, data: lang === "zh" ? ["可减少", "可增加"] : ["down", "up"] },
      xAxis: { type: "value", min: -edge, max: edge, axisLabel: { formatter: moneyAxis(unit) } },
      yAxis: { type: "category", data: limits.map((l) => l.label), inverse: true, axisLabel: { width: 290, overflow: "truncate" } },
      series: [
        { name: lang === "zh" ? "可减少" : "down", type: "bar", stack: "room", data: down.map(shown(-1)), itemStyle: barItemStyle(0) },
        { name: lang === "zh" ? "可增加" : "up", type: "bar", stack: "room", data: up.map(shown(1)), itemStyle: barItemStyle(1) },
      ],
    }),
  };
}
