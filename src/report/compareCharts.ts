/** `simulate compare`: the values that changed most per result file, as relative changes. */
import { fileLabel } from "../format/labels.js";
import { formatChange, formatMoneyChange } from "../format/numbers.js";
import { shownChanges, withRelativeChange } from "../finance/compare/shownChanges.js";
import { isMoneyColumn, READING_ORDER } from "../output/columns.js";
import { num, records, text } from "../output/resultTables.js";
import { percentAxis } from "./axis.js";
import type { RunContext } from "./runContext.js";
import type { ChartSpec } from "./svgChart.js";

export const TOP_CHANGES = 12;

/**
 * Per file (outcomes first), the rows with the largest |relative change| of folder 2 against folder 1,
 * each labelled with its absolute change (money in 万元/亿元).
 */
export function largestChanges(ctx: RunContext): Map<string, { label: string; rel: number }[]> {
  const all = records(ctx.tables.get("compare.csv")).filter((r) => r.file !== "input.yaml");
  // The same rule as the printout's (compare.ts): no price ranges, no near-zero values, and no
  // relative change from a near-zero base (bars are relative changes).
  const view = (r: (typeof all)[number]) => ({ file: text(r.file), column: text(r.column), sizes: [Math.abs(num(r.value_1)), Math.abs(num(r.value_2))] });
  const relative = withRelativeChange(all, view);
  const rows = shownChanges(all, view).filter((r) => relative.has(r));
  const out = new Map<string, { label: string; rel: number }[]>();
  const files = [...new Set(rows.map((r) => text(r.file)))];
  const place = (file: string) => (READING_ORDER.includes(file) ? READING_ORDER.indexOf(file) : READING_ORDER.length);
  files.sort((a, b) => place(a) - place(b));
  for (const file of files) {
    const ranked = rows
      .filter((r) => r.file === file && Number.isFinite(num(r.rel_delta_2)) && num(r.rel_delta_2) !== 0)
      .map((r) => ({ label: `${text(r.key)} · ${text(r.column)}（${change(text(r.column), num(r.delta_2))}）`, rel: num(r.rel_delta_2) }))
      .sort((a, b) => Math.abs(b.rel) - Math.abs(a.rel) || a.label.localeCompare(b.label))
      .slice(0, TOP_CHANGES);
    if (ranked.length > 0) out.set(file, ranked);
  }
  return out;
}

function change(column: string, delta: number): string {
  return isMoneyColumn(column) ? formatMoneyChange(delta) : formatChange(delta);
}

export function compareCharts(ctx: RunContext): ChartSpec[] {
  return [...largestChanges(ctx)].map(([file, bars]) => ({
    title: { zh: `变化最大的数值：${fileLabel(file).zh}（${file}）`, en: `Largest changes: ${file}` },
    note: { zh: "方案2相对方案1的变化率。", en: "Relative change of folder 2 against folder 1." },
    width: 1000,
    height: 80 + 24 * bars.length,
    sameInBothLanguages: true, // row labels from the CSVs and %
    option: () => ({
      grid: { left: 400, right: 70, top: 10, bottom: 30 },
      xAxis: { type: "value", axisLabel: { formatter: percentAxis } },
      yAxis: { type: "category", data: bars.map((b) => b.label), inverse: true, axisLabel: { width: 330, overflow: "truncate" } },
      series: [{
        type: "bar",
        data: bars.map((b) => ({ value: b.rel, itemStyle: { color: b.rel >= 0 ? "#5470c6" : "#ee6666" } })),
        label: { show: true, position: "right", formatter: (p: { value: number }) => percentAxis(p.value) },
      }],
    }),
  }));
}
