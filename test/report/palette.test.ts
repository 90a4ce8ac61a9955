/**
 * Series colours (src/report/palette.ts). A planner's 11 sources: ECharts' palette wrapped after 9
 * colours (the report's after 10), so 佛山市级财政资金 and 原产权单位 were drawn in the same blue, and
 * the legend followed funding.csv's rows, not the scenario. Here: the money chart of 12 sources
 * draws 12 colours with the legend in the scenario's order; past the palette a pattern sets the
 * series apart; the palette's colours are as far apart as ECharts' own closest pair.
 */
import { describe, expect, it } from "vitest";
import { moneyChart } from "../../src/report/moneyChart.js";
import { DISTINCT_LOOKS, LINE_COLOURS, SERIES_COLOURS, seriesLook } from "../../src/report/palette.js";
import { runContext } from "../../src/report/runContext.js";
import { renderSvg } from "../../src/report/svgChart.js";

/** Sources as a scenario lists them (input.yaml), and funding.csv meeting them in another order. */
function moneyOf(count: number) {
  const sources = Array.from({ length: count }, (_, i) => ({ id: `s${i + 1}`, name: `来源${String.fromCharCode(0x7532 + i)}${i + 1}` }));
  const input = `sources:\n${sources.map((s) => `  - {id: ${s.id}, name: ${s.name}}`).join("\n")}\n`;
  // funding.csv runs by programme, then source: a source paid only by the second programme comes last.
  const met = [...sources.slice(2), ...sources.slice(0, 2)];
  const rows = [2025, 2026].flatMap((year) => met.map((s, i) => `${year},${s.id},${s.name},${(i + 1) * 1e7}`));
  const files = { "funding.csv": `year,source,source_name,amount_yuan\n${rows.join("\n")}\n`, "input.yaml": input };
  return { sources, chart: moneyChart(runContext("plan", files)) };
}

/** Each bar series' fill in the SVG, by series index (ECharts marks a chart's own shapes with ecmeta_*). */
function barFills(svg: string): Map<number, Set<string>> {
  const fills = new Map<number, Set<string>>();
  for (const m of svg.matchAll(/<path [^>]*fill="([^"]+)"[^>]*ecmeta_series_index="(\d+)"[^>]*ecmeta_ssr_type="chart"/g)) {
    const i = Number(m[2]);
    fills.set(i, (fills.get(i) ?? new Set()).add(m[1]));
  }
  return fills;
}

describe("money by source with more sources than ECharts' palette has colours", () => {
  it("draws each of 12 sources in a colour of its own", () => {
    const { sources, chart } = moneyOf(12);
    const fills = barFills(renderSvg(chart, "zh"));
    expect([...fills.keys()].sort((a, b) => a - b)).toEqual(sources.map((_, i) => i));
    for (const f of fills.values()) expect(f.size).toBe(1);
    expect(new Set([...fills.values()].map((f) => [...f][0])).size).toBe(12);
  });

  it("lists the sources in the legend in the scenario's order, not in the order funding.csv first pays them", () => {
    const { sources, chart } = moneyOf(12);
    // The names appear only in the legend: in the order they are drawn.
    const texts = [...renderSvg(chart, "zh").matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(texts.filter((t) => sources.some((s) => s.name === t))).toEqual(sources.map((s) => s.name));
  });

  it("past the palette's colours repeats them with a pattern: no two sources look alike", () => {
    const { chart } = moneyOf(SERIES_COLOURS.length + 4);
    const series = chart.option("zh").series as { itemStyle: { color: string; decal?: unknown } }[];
    const looks = series.map((s) => JSON.stringify([s.itemStyle.color, s.itemStyle.decal ?? null]));
    expect(new Set(looks).size).toBe(series.length);
    expect(series.slice(0, SERIES_COLOURS.length).every((s) => s.itemStyle.decal === undefined)).toBe(true);
    expect(renderSvg(chart, "zh")).toMatch(/<pattern /);
  });
});

describe("the palette", () => {
  it("has DISTINCT_LOOKS series looks before one repeats", () => {
    const looks = Array.from({ length: DISTINCT_LOOKS }, (_, i) => JSON.stringify(seriesLook(i)));
    expect(new Set(looks).size).toBe(DISTINCT_LOOKS);
    expect(seriesLook(DISTINCT_LOOKS)).toEqual(seriesLook(0));
  });

  it("keeps its colours as far apart as ECharts' own closest pair (CIE76 ΔE 24.2), and from the charts' own lines as ECharts' red is from the target line (18.6)", () => {
    const pairs = SERIES_COLOURS.flatMap((a, i) => SERIES_COLOURS.slice(i + 1).map((b) => deltaE(a, b)));
    expect(Math.min(...pairs)).toBeGreaterThanOrEqual(23);
    const lines = SERIES_COLOURS.flatMap((a) => Object.values(LINE_COLOURS).map((b) => deltaE(a, b)));
    expect(Math.min(...lines)).toBeGreaterThanOrEqual(18);
  });
});

/** CIE76 colour difference of two #rgb / #rrggbb colours (sRGB, D65). */
function deltaE(a: string, b: string): number {
  const [x, y] = [lab(a), lab(b)];
  return Math.hypot(x[0] - y[0], x[1] - y[1], x[2] - y[2]);
}

function lab(hex: string): [number, number, number] {
  const full = hex.length === 4 ? hex.replace(/[0-9a-f]/gi, (c) => c + c) : hex;
  const [r, g, b] = [1, 3, 5].map((k) => {
    const c = parseInt(full.slice(k, k + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  const [fx, fy, fz] = [(0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047, 0.2126 * r + 0.7152 * g + 0.0722 * b, (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883].map(f);
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}
