/**
 * Apache ECharts rendered on the server to an SVG string (no DOM, no canvas), inlined into the
 * report. The namespace attributes are dropped: inline SVG in HTML needs none, and the report must
 * not contain a single http(s) URL.
 */
import * as echarts from "echarts/core";
import { BarChart, HeatmapChart, LineChart, ScatterChart } from "echarts/charts";
import { GridComponent, LegendPlainComponent, MarkAreaComponent, MarkLineComponent, VisualMapContinuousComponent } from "echarts/components";
import { SVGRenderer } from "echarts/renderers";
import type { Label } from "../format/labels.js";
import { SERIES_COLOURS } from "./palette.js";

// Only the chart types, components and renderer the reports draw with, bundled into the report
// thread: the whole of ECharts (its single-file build, 3 MB) took a quarter of a second to read
// and compile, and every chart paid for the coordinate systems and components it registers.
echarts.use([BarChart, HeatmapChart, LineChart, ScatterChart, GridComponent, LegendPlainComponent, MarkAreaComponent, MarkLineComponent, VisualMapContinuousComponent, SVGRenderer]);

export type Lang = "zh" | "en";

/** CJK-capable fonts first (Debian's fonts-noto-cjk, Windows, macOS), then the generic family. */
export const FONT_STACK = "'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', 'Hiragino Sans GB', 'WenQuanYi Micro Hei', sans-serif";

export interface ChartSpec {
  title: Label;
  /** One line under the chart: what is drawn and how to read it. */
  note?: Label;
  width: number;
  height: number;
  /**
   * True when the drawing has no words that change with the language (names, numbers, %): it is
   * drawn once and shown under both, which halves the cost of the largest chart (the heatmap).
   */
  sameInBothLanguages?: boolean;
  option: (lang: Lang) => echarts.EChartsCoreOption;
}

export function renderSvg(spec: ChartSpec, lang: Lang): string {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width: spec.width, height: spec.height });
  try {
    chart.setOption({ animation: false, color: [...SERIES_COLOURS], textStyle: { fontFamily: FONT_STACK }, ...spec.option(lang) });
    return chart.renderToSVGString().replace(/\s+xmlns(:xlink)?="[^"]*"/g, "");
  } finally {
    chart.dispose();
  }
}
