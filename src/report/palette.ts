/**
 * The colours of every report chart's series. The report's former palette (ECharts' 9 and a dark
 * slate) started again at the 11th series, so in a scenario of 11 sources the money chart drew
 * 佛山市级财政资金 and 原产权单位 in the same blue. Here: 16 colours, no two closer than ECharts'
 * own closest pair (CIE76 ΔE ≥ 23), none nearer a line the charts draw in a colour of their own
 * (the red target line, the dark all-targets line, the grey confidence line) than ECharts' red is
 * to the target line; then, for series 17 on, the same colours again with a pattern over them
 * (docs/outputs.md, "report.html").
 */

/**
 * ECharts' default palette first (reports of up to 9 series look as they did), then seven more
 * chosen to stay apart from them and from the lines below: the report's former 10th colour,
 * #2f4554, was a near twin of the dark all-targets line.
 */
export const SERIES_COLOURS = [
  "#5470c6", "#91cc75", "#fac858", "#ee6666", "#73c0de", "#3ba272", "#fc8452", "#9a60b4",
  "#ea7ccc", "#7b6a4a", "#0a9396", "#b3446c", "#bebada", "#8dd3c7", "#bcbd22", "#355070",
] as const;

/** Lines of their own, which no series colour may be mistaken for. */
export const LINE_COLOURS = { target: "#c23531", allTargets: "#333", confidence: "#999" } as const;

/** Bars of a signed change (compare, tornado): up or positive, down or negative. */
export const SIGN_COLOURS = { up: SERIES_COLOURS[0], down: SERIES_COLOURS[3] } as const;

/** ECharts decal: a pattern drawn over a bar's or area's colour (SVG <pattern>, legend icon included). */
interface Decal {
  symbol: "rect" | "circle";
  symbolSize: number;
  dashArrayX: number | number[];
  dashArrayY: number | number[];
  rotation: number;
  color: string;
}

const stripes = (rotation: number) => ({ symbol: "rect" as const, symbolSize: 1, dashArrayX: [1, 0], dashArrayY: [2, 4], rotation });

/** The patterns of the colours' second, third … round: stripes /, stripes \, dots, horizontal stripes. */
const PATTERNS: Omit<Decal, "color">[] = [
  stripes(-Math.PI / 4),
  stripes(Math.PI / 4),
  { symbol: "circle", symbolSize: 0.7, dashArrayX: [3, 3], dashArrayY: [3, 3], rotation: 0 },
  stripes(0),
];

/** How many series have a look of their own: every colour alone, then with each pattern. Past it the looks repeat. */
export const DISTINCT_LOOKS = SERIES_COLOURS.length * (PATTERNS.length + 1);

/** Line markers of the colours' rounds, for series a pattern cannot mark (lines). */
const ROUND_SYMBOLS = ["emptyCircle", "rect", "triangle", "diamond", "pin"] as const;

/** What sets the i-th series (0-based) of a chart apart: its colour and, from the 17th on, a pattern. */
export interface SeriesLook {
  color: string;
  decal: Decal | null;
  /** The marker a line series of this round draws its points with. */
  symbol: (typeof ROUND_SYMBOLS)[number];
}

export function seriesLook(i: number): SeriesLook {
  const color = SERIES_COLOURS[i % SERIES_COLOURS.length];
  const round = Math.floor(i / SERIES_COLOURS.length) % (PATTERNS.length + 1);
  const decal = round === 0 ? null : { ...PATTERNS[round - 1], color: patternInk(color) };
  return { color, decal, symbol: ROUND_SYMBOLS[round] };
}

/** itemStyle of the i-th bar series: its colour, and its pattern from the 17th series on. */
export function barItemStyle(i: number): { color: string; decal?: Decal } {
  const { color, decal } = seriesLook(i);
  return decal ? { color, decal } : { color };
}

/** A pattern shows on its colour: dark on a light colour, light on a dark one. */
function patternInk(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16));
  return 0.299 * r + 0.587 * g + 0.114 * b > 140 ? "rgba(0,0,0,0.45)" : "rgba(255,255,255,0.7)";
}
