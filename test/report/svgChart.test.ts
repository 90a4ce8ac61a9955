/**
 * svgChart.ts registers only the ECharts parts the reports use. A part left out is not drawn, and
 * ECharts names it on console.error — which test/setup.ts turns into a failure of the test that
 * rendered it. Here: that message really comes for a missing part, and every registered part draws.
 */
import { describe, expect, it, vi } from "vitest";
import { renderSvg } from "../../src/report/svgChart.js";
import { UNREGISTERED_ECHARTS } from "../setup.js";

const spec = (option: Record<string, unknown>) => ({ title: { zh: "图", en: "chart" }, width: 400, height: 300, option: () => option });

describe("ECharts parts the report registers", () => {
  it("names a component that is not registered (the tooltip) on console.error", () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      renderSvg(spec({ tooltip: {}, xAxis: { type: "category", data: ["a"] }, yAxis: { type: "value" }, series: [{ type: "bar", data: [1] }] }), "zh");
      expect(error.mock.calls.map((c) => c.join(" ")).some((t) => UNREGISTERED_ECHARTS.test(t))).toBe(true);
    } finally {
      error.mockRestore();
    }
  });

  it("draws bar, line, scatter and heatmap series with a legend, a mark line and a visual map", () => {
    const svg = renderSvg(spec({
      legend: { top: 5 },
      xAxis: { type: "category", data: ["2021", "2022"] },
      yAxis: { type: "category", data: ["甲", "乙"] },
      visualMap: { seriesIndex: 0, min: 0, max: 1, dimension: 2, orient: "horizontal", calculable: false, inRange: { color: ["#fff", "#000"] } },
      series: [
        { name: "热力", type: "heatmap", data: [[0, 0, 0.2], [1, 1, 0.9]], label: { show: true } },
        { name: "柱", type: "bar", data: [1, 2] },
        { name: "线", type: "line", data: [1, 2], markLine: { data: [{ yAxis: 1, name: "目标" }], label: { formatter: "目标线" } } },
        { name: "点", type: "scatter", data: [[0, 1]] },
      ],
    }), "zh");
    for (const word of ["热力", "柱", "线", "点", "目标线"]) expect(svg).toContain(word);
    expect(svg.match(/<path/g)?.length ?? 0).toBeGreaterThan(10);
  });
});
