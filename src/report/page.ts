/**
 * The report page: one self-contained HTML file (inline CSS, inline SVG charts, a few lines of
 * inline script for the language switch), no URL of any kind, A4-ready print styles.
 */
import type { Label } from "../format/labels.js";
import { ENGINE_VERSION, REPORT_GENERATOR } from "../version.js";
import { bi, esc } from "./html.js";
import { type ChartSpec, FONT_STACK, renderSvg } from "./svgChart.js";

export interface Section {
  title: Label;
  /** Charts drawn side by side when they are narrow. */
  charts?: ChartSpec[];
  /** Ready HTML (tables, notes) after the charts. */
  html?: string;
}

export interface Page {
  title: Label;
  subtitle: Label;
  sections: Section[];
}

const CSS = `
:root { color-scheme: light; }
body { font-family: ${FONT_STACK}; margin: 0 auto; max-width: 1060px; padding: 16px 24px; color: #222; background: #fff; line-height: 1.5; }
header { display: flex; justify-content: space-between; align-items: flex-start; gap: 16px; border-bottom: 2px solid #5470c6; margin-bottom: 12px; }
h1 { font-size: 22px; margin: 4px 0; } h2 { font-size: 18px; margin: 20px 0 8px; border-left: 4px solid #5470c6; padding-left: 8px; }
.subtitle { color: #555; margin: 0 0 8px; }
button#lang { font: inherit; padding: 4px 12px; border: 1px solid #5470c6; background: #fff; color: #5470c6; border-radius: 4px; cursor: pointer; }
.charts { display: flex; flex-wrap: wrap; gap: 12px; }
figure.chart { margin: 0; flex: 1 1 100%; break-inside: avoid; page-break-inside: avoid; }
figure.chart.half { flex: 1 1 calc(50% - 12px); min-width: 320px; }
figure.chart h3 { font-size: 15px; margin: 8px 0 2px; }
figure.chart svg { max-width: 100%; height: auto; display: block; }
figcaption { font-size: 12px; color: #666; }
table { border-collapse: collapse; font-size: 13px; margin: 6px 0 12px; break-inside: auto; }
th, td { border: 1px solid #ccc; padding: 3px 8px; text-align: left; vertical-align: top; }
th { background: #eef1f8; } td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
table.figures td:first-child { white-space: nowrap; }
footer { margin-top: 24px; font-size: 12px; color: #777; border-top: 1px solid #ddd; padding-top: 6px; }
body.lang-zh .en, body.lang-en .zh { display: none !important; }
@media print {
  @page { size: A4; margin: 12mm; }
  body { max-width: none; padding: 0; font-size: 11pt; }
  button#lang { display: none; }
  h2 { break-after: avoid; page-break-after: avoid; }
  figure.chart.half { flex-basis: calc(50% - 12px); min-width: 0; }
  tr { break-inside: avoid; }
}`;

/** Toggles the language; no network, no storage, nothing else. */
const SCRIPT = `document.getElementById("lang").addEventListener("click", function () {
  var b = document.body, en = b.classList.toggle("lang-en");
  b.classList.toggle("lang-zh", !en);
  document.documentElement.lang = en ? "en" : "zh-CN";
});`;

/**
 * ECharts numbers SVG ids and classes with process-wide counters (zr0-cls-34, zr1-c2, …); renumber
 * them per chart so the file depends only on the results, and two charts never share a class.
 */
export function renumberIds(svg: string, prefix: string): string {
  const ids = new Map<string, string>();
  return svg.replace(/\bzr\d+-[A-Za-z]+-?\d+\b/g, (token) => {
    if (!ids.has(token)) ids.set(token, `${prefix}-${ids.size}`);
    return ids.get(token)!;
  });
}

export function renderPage(page: Page): string {
  let n = 0;
  const chart = (spec: ChartSpec): string => {
    const id = `c${n++}`;
    const svg = (lang: "zh" | "en") => renumberIds(renderSvg(spec, lang), `${id}${lang}`);
    const half = spec.width <= 600 ? " half" : "";
    const note = spec.note ? `<figcaption>${bi(spec.note)}</figcaption>` : "";
    const drawing = spec.sameInBothLanguages ? `<div>${svg("zh")}</div>` : `<div class="zh">${svg("zh")}</div><div class="en">${svg("en")}</div>`;
    return `<figure class="chart${half}"><h3>${bi(spec.title)}</h3>${drawing}${note}</figure>`;
  };
  const sections = page.sections.map((s) => {
    const charts = s.charts && s.charts.length > 0 ? `<div class="charts">\n${s.charts.map(chart).join("\n")}\n</div>` : "";
    return `<section><h2>${bi(s.title)}</h2>\n${charts}\n${s.html ?? ""}</section>`;
  });
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
${REPORT_GENERATOR}
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(page.title.zh)}</title>
<style>${CSS}</style>
</head>
<body class="lang-zh">
<header><div><h1>${bi(page.title)}</h1><p class="subtitle">${bi(page.subtitle)}</p></div><button id="lang" type="button"><span class="zh">English</span><span class="en">中文</span></button></header>
${sections.join("\n")}
<footer>${bi({ zh: `由 renewsim ${ENGINE_VERSION} 生成；数值与同一文件夹中的 CSV 一致（CSV 以元为单位）。`, en: `Made by renewsim ${ENGINE_VERSION}; the numbers are those of the CSVs in this folder (in yuan).` })}</footer>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
