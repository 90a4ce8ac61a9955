/** Sensitivity tornado per output (sensitivity.csv): Spearman ρ of each uncertain input, largest |ρ| first. */
import { UNCERTAIN_INPUT_LABELS } from "../format/labels.js";
import { num, records, text } from "../output/resultTables.js";
import { inputRecord, type RunContext } from "./runContext.js";
import type { ChartSpec, Lang } from "./svgChart.js";
import { SIGN_COLOURS } from "./palette.js";

/** Bars per tornado: every input of the shipped scenarios (nine at most), largest |ρ| first. */
export const TORNADO_INPUTS = 10;

export function tornadoCharts(ctx: RunContext): ChartSpec[] {
  const rows = records(ctx.tables.get("sensitivity.csv"));
  const names = new Map(records(ctx.tables.get("targets.csv")).map((t) => [`target:${text(t.target)}`, text(t.name)]));
  const outputs = [...new Set(rows.map((r) => text(r.output)))];
  const label = inputLabels(ctx);
  const averaged = averagedInputs(ctx);
  const barsOf = (output: string) => rows
    .filter((r) => r.output === output && Number.isFinite(num(r.spearman_rho)))
    .sort((a, b) => num(a.rank) - num(b.rank))
    .slice(0, TORNADO_INPUTS);
  // An output that never varies (e.g. the funding gap when re-plans never owe money) has no ρ:
  // an empty pair of axes would read as "nothing matters", so it gets no chart.
  return outputs.map((output) => ({ output, bars: barsOf(output) })).filter((o) => o.bars.length > 0).map(({ output, bars }) => {
    const title = output === "funding_gap_total"
      ? { zh: "敏感性：资金缺口合计", en: "Sensitivity: total funding gap" }
      : { zh: `敏感性：${names.get(output) ?? output}`, en: `Sensitivity: ${names.get(output) ?? output}` };
    return {
      title,
      note: tornadoNote(bars.some((b) => averaged.has(text(b.input)))),
      width: 480,
      height: 80 + 34 * Math.max(1, bars.length), // room for a label on two lines
      option: (lang: Lang) => ({
        grid: { left: 200, right: 50, top: 10, bottom: 30 },
        xAxis: { type: "value", min: -1, max: 1 },
        yAxis: { type: "category", data: bars.map((b) => label(text(b.input), lang)), inverse: true, axisLabel: { width: 190, overflow: "break", lineHeight: 13 } },
        series: [{
          type: "bar",
          data: bars.map((b) => ({ value: num(b.spearman_rho), itemStyle: { color: num(b.spearman_rho) >= 0 ? SIGN_COLOURS.up : SIGN_COLOURS.down } })),
          label: { show: true, position: "right", formatter: (p: { value: number }) => (Math.abs(p.value) < 0.005 ? 0 : p.value).toFixed(2) }, // never "-0.00"
        }],
      }),
    };
  });
}

const RHO_NOTE = { zh: "斯皮尔曼秩相关系数 ρ；正值表示输入越大、结果越高。", en: "Spearman rank correlation ρ; positive: the output rises with the input." };

/**
 * The tornado's caption. An input drawn per region or year is ranked by the average of its cells
 * (draws.csv's input column), which hides which regions or years drew high: its ρ understates what it
 * does (on Guangdong, fixing unit cost removed 56 % of a target's variance where ρ² was 0.21), so the
 * caption says so whenever such an input is among the bars (docs/monte-carlo.md, "Statistics").
 */
function tornadoNote(averaged: boolean): { zh: string; en: string } {
  if (!averaged) return RHO_NOTE;
  return {
    zh: `${RHO_NOTE.zh}按地区或年份抽取的输入以其各单元的平均值计算 ρ，会低估其实际影响。`,
    en: `${RHO_NOTE.en} An input drawn per region or year is ranked by its cells' average, so its ρ understates its effect.`,
  };
}

/** Ids of the inputs drawn per region, year or region-year (input.yaml's uncertainty section). */
function averagedInputs(ctx: RunContext): Set<string> {
  const inputs = (ctx.input?.uncertainty as { inputs?: { id?: unknown; per?: unknown }[] } | undefined)?.inputs ?? [];
  return new Set(inputs.filter((i) => i.per !== undefined && i.per !== "draw").map((i) => String(i.id)));
}

/**
 * An input as a reader knows it: what it varies, of which source or programme when it names one,
 * then its id ("预算到位：地级市财政资金（city-budget）"; five budget inputs once read alike but for
 * their ids).
 */
function inputLabels(ctx: RunContext): (id: string, lang: Lang) => string {
  type Input = { id?: unknown; applies_to?: unknown; source?: unknown; program?: unknown };
  const uncertainty = ctx.input?.uncertainty as { inputs?: Input[] } | undefined;
  const inputs = new Map((uncertainty?.inputs ?? []).map((i) => [String(i.id), i]));
  const nameOf = (list: string, id: unknown) => {
    const name = id === undefined || id === null ? undefined : inputRecord(ctx, list, id)?.name;
    return typeof name === "string" && name !== "" ? name : typeof id === "string" ? id : null;
  };
  const programs = ctx.input?.programs;
  const manyPrograms = Array.isArray(programs) && programs.length > 1; // one programme: naming it adds nothing
  return (id, lang) => {
    const input = inputs.get(id);
    const what = UNCERTAIN_INPUT_LABELS[String(input?.applies_to ?? "")];
    if (!what) return id;
    const of = nameOf("sources", input?.source) ?? (manyPrograms ? nameOf("programs", input?.program) : null);
    return lang === "zh" ? `${what.zh}${of ? `：${of}` : ""}（${id}）` : `${what.en}${of ? `: ${of}` : ""} (${id})`;
  };
}
