/**
 * `simulate compare`: the values that changed most per result file — quantities as relative
 * changes, shares and probabilities (isShareColumn) as changes in percentage points: P(met) from
 * 0 to 57 % has no relative change at all, and from 0.7 % to 92.6 % an unreadable +13,128.6 %.
 * Prices (isPriceColumn: marginal costs, shadow prices) are charted apart from the quantities: a
 * marginal cost falling to 0 is −100 % and led targets.csv's chart above planned 27 → 26.
 */
import { fileLabel, type Label } from "../format/labels.js";
import { formatChange, formatMoneyChange, formatPercent, formatPointChange, grouped } from "../format/numbers.js";
import { shownChanges, withRelativeChange } from "../finance/compare/shownChanges.js";
import { isMoneyColumn, isPriceColumn, isShareColumn, READING_ORDER } from "../output/columns.js";
import { type Cell, num, records, text } from "../output/resultTables.js";
import { percentAxis } from "./axis.js";
import { changedValueLabel, keyNamesOf } from "./compareLabels.js";
import { folderLabel, type RunContext } from "./runContext.js";
import type { ChartSpec, Lang } from "./svgChart.js";
import { SIGN_COLOURS } from "./palette.js";

export const TOP_CHANGES = 12;

type Row = Record<string, Cell>;

/** A bar: the changed value as the other reports name it (compareLabels.ts), with its change. */
type RelativeBar = { label: Label; rel: number };

/**
 * Per file (outcomes first), the quantities — not shares, not prices — with the largest |relative
 * change| of folder 2 against folder 1, each labelled with its absolute change (money in 万元/亿元).
 */
export function largestChanges(ctx: RunContext): Map<string, RelativeBar[]> {
  return relativeChanges(ctx, (column) => !isShareColumn(column) && !isPriceColumn(column));
}

/** Per file, the prices (marginal costs, shadow prices) with the largest |relative change|, labelled likewise. */
export function largestPriceChanges(ctx: RunContext): Map<string, RelativeBar[]> {
  return relativeChanges(ctx, isPriceColumn);
}

function relativeChanges(ctx: RunContext, charted: (column: string) => boolean): Map<string, RelativeBar[]> {
  const { rows, relative } = comparedRows(ctx);
  const changed = rows.filter((r) => charted(text(r.column)) && relative.has(r) && Number.isFinite(num(r.rel_delta_2)) && num(r.rel_delta_2) !== 0);
  const names = keyNamesOf(ctx);
  return byFile(changed, (r) => ({ label: withChange(changedValueLabel(names, text(r.file), text(r.key), text(r.column)), change(text(r.column), num(r.delta_2))), rel: num(r.rel_delta_2) }), (b) => b.rel);
}

/**
 * Per file, the shares and probabilities with the largest change in percentage points (delta_2),
 * each labelled with its two values: ranked by the points, whatever the base.
 */
export function largestPointChanges(ctx: RunContext): Map<string, { label: Label; points: number }[]> {
  const changed = comparedRows(ctx).rows.filter((r) => isShareColumn(text(r.column)) && Number.isFinite(num(r.delta_2)) && num(r.delta_2) !== 0);
  const names = keyNamesOf(ctx);
  const values = (r: Row) => `${formatPercent(num(r.value_1))} → ${formatPercent(num(r.value_2))}`;
  return byFile(changed, (r) => ({ label: withChange(changedValueLabel(names, text(r.file), text(r.key), text(r.column)), values(r)), points: num(r.delta_2) }), (b) => b.points);
}

/** "…（+2）" after the value's name. */
function withChange(name: Label, shown: string): Label {
  return { zh: `${name.zh}（${shown}）`, en: `${name.en} (${shown})` };
}

/**
 * compare.csv's compared values, by the printout's rule (compare.ts): no price ranges, no
 * near-zero values; `relative` the rows whose base is not near zero either.
 */
function comparedRows(ctx: RunContext): { rows: Row[]; relative: Set<Row> } {
  const all = records(ctx.tables.get("compare.csv")).filter((r) => r.file !== "input.yaml" && r.file !== "run.json");
  const view = (r: Row) => ({ file: text(r.file), column: text(r.column), sizes: [Math.abs(num(r.value_1)), Math.abs(num(r.value_2))] });
  return { rows: shownChanges(all, view), relative: withRelativeChange(all, view) };
}

/** The bars of each file in reading order, the largest |size| first (ties by label), at most TOP_CHANGES. */
function byFile<B extends { label: Label }>(rows: Row[], bar: (r: Row) => B, size: (b: B) => number): Map<string, B[]> {
  const place = (file: string) => (READING_ORDER.includes(file) ? READING_ORDER.indexOf(file) : READING_ORDER.length);
  const files = [...new Set(rows.map((r) => text(r.file)))].sort((a, b) => place(a) - place(b));
  const out = new Map<string, B[]>();
  for (const file of files) {
    const bars = rows
      .filter((r) => r.file === file)
      .map(bar)
      .sort((a, b) => Math.abs(size(b)) - Math.abs(size(a)) || a.label.zh.localeCompare(b.label.zh))
      .slice(0, TOP_CHANGES);
    out.set(file, bars);
  }
  return out;
}

function change(column: string, delta: number): string {
  return isMoneyColumn(column) ? formatMoneyChange(delta) : formatChange(delta);
}

/**
 * Per file in reading order: its shares' and probabilities' changes in points, then its
 * quantities' relative changes, then its prices'.
 */
export function compareCharts(ctx: RunContext): ChartSpec[] {
  const change = changeOf(folderLabel(ctx, 2), folderLabel(ctx, 1));
  const points = largestPointChanges(ctx);
  const relative = largestChanges(ctx);
  const prices = largestPriceChanges(ctx);
  const place = (file: string) => (READING_ORDER.includes(file) ? READING_ORDER.indexOf(file) : READING_ORDER.length);
  const files = [...new Set([...points.keys(), ...relative.keys(), ...prices.keys()])].sort((a, b) => place(a) - place(b));
  return files.flatMap((file) => {
    const p = points.get(file);
    const r = relative.get(file);
    const price = prices.get(file);
    return [
      ...(p ? [pointsChart(file, p, change)] : []),
      ...(r ? [relativeChart(file, r, change, QUANTITIES, { pointsAbove: p !== undefined, pricesBelow: price !== undefined })] : []),
      ...(price ? [relativeChart(file, price, change, PRICES, { pointsAbove: false, pricesBelow: false })] : []),
    ];
  });
}

/**
 * A changed value's name — a target's, a region's, a programme's and the column's label — and its
 * change: up to two lines beside its bar, wrapped rather than cut, so the change at its end shows.
 */
const LABEL_WIDTH = 460;
const BAR_HEIGHT = 30;
const CATEGORY_LABEL = { width: LABEL_WIDTH, overflow: "break", lineHeight: 13 } as const;

/** "方案2（conf90）相对方案1（mc）的" / "of folder 2 (conf90) against folder 1 (mc)": the folders by name, as the title names them. */
function changeOf(two: Label, one: Label): Label {
  return { zh: `${two.zh}相对${one.zh}的`, en: `of ${two.en} against ${one.en}` };
}

/** What a relative-change chart shows: its title's words before the file, and what its note adds. */
interface Charted {
  title: Label;
  note: Label;
}

const QUANTITIES: Charted = { title: { zh: "变化最大的数值", en: "Largest changes" }, note: { zh: "", en: "" } };
const PRICES: Charted = {
  title: { zh: "变化最大的价格（边际成本、影子价格）", en: "Largest changes of prices (marginal costs, shadow prices)" },
  note: {
    zh: "边际成本与影子价格是再增加一个单位、一笔资金或一个施工能力单位的边际值，不是方案的数量，故与数量分开比较。",
    en: " Marginal costs and shadow prices are rates at the margin (one more unit, yuan or slot), not quantities of the plan, so they are compared apart.",
  },
};

function relativeChart(file: string, bars: RelativeBar[], change: Label, charted: Charted, beside: { pointsAbove: boolean; pricesBelow: boolean }): ChartSpec {
  const above: Label = beside.pointsAbove ? { zh: "比例与概率的变化按百分点见上图。", en: " Shares and probabilities: in points, above." } : { zh: "", en: "" };
  const below: Label = beside.pricesBelow ? { zh: "价格（边际成本、影子价格）的变化见下图。", en: " Prices (marginal costs, shadow prices): below." } : { zh: "", en: "" };
  return {
    title: { zh: `${charted.title.zh}：${fileLabel(file).zh}（${file}）`, en: `${charted.title.en}: ${file}` },
    note: { zh: `${change.zh}变化率。${charted.note.zh}${above.zh}${below.zh}`, en: `Relative change ${change.en}.${charted.note.en}${above.en}${below.en}` },
    width: 1000,
    height: 80 + BAR_HEIGHT * bars.length,
    option: (lang: Lang) => ({
      grid: { left: LABEL_WIDTH + 20, right: 70, top: 10, bottom: 30 },
      xAxis: { type: "value", axisLabel: { formatter: percentAxis } },
      yAxis: { type: "category", data: bars.map((b) => b.label[lang]), inverse: true, axisLabel: CATEGORY_LABEL },
      series: [{
        type: "bar",
        data: bars.map((b) => ({ value: b.rel, itemStyle: { color: b.rel >= 0 ? SIGN_COLOURS.up : SIGN_COLOURS.down } })),
        label: { show: true, position: "right", formatter: (p: { value: number }) => percentAxis(p.value) },
      }],
    }),
  };
}

function pointsChart(file: string, bars: { label: Label; points: number }[], change: Label): ChartSpec {
  return {
    title: { zh: `变化最大的比例与概率：${fileLabel(file).zh}（${file}）`, en: `Largest changes of shares and probabilities: ${file}` },
    note: {
      zh: `${change.zh}变化，单位为百分点（完成概率、完成率、利用率、出资比例等按差值比较，不按变化率）。`,
      en: `Change ${change.en} in percentage points (P(met), attainment, utilisation, shares of cost … compare by their difference, not by relative change).`,
    },
    width: 1000,
    height: 80 + BAR_HEIGHT * bars.length,
    option: (lang: Lang) => ({
      grid: { left: LABEL_WIDTH + 20, right: 110, top: 10, bottom: 40 },
      xAxis: {
        type: "value", name: lang === "zh" ? "百分点" : "points", nameLocation: "middle", nameGap: 24,
        axisLabel: { formatter: (v: number) => grouped(v * 100, 1) },
      },
      yAxis: { type: "category", data: bars.map((b) => b.label[lang]), inverse: true, axisLabel: CATEGORY_LABEL },
      series: [{
        type: "bar",
        data: bars.map((b) => ({ value: b.points, itemStyle: { color: b.points >= 0 ? SIGN_COLOURS.up : SIGN_COLOURS.down } })),
        label: { show: true, position: "right", formatter: (p: { value: number }) => formatPointChange(p.value, lang) },
      }],
    }),
  };
}
