/** Small HTML helpers: escaping, bilingual text, tables. Every text from the results goes through esc. */
import type { Label } from "../format/labels.js";

export function esc(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** Both languages; the page shows one (CSS on the body's lang-zh / lang-en class). */
export function bi(label: Label): string {
  if (label.zh === label.en) return esc(label.zh);
  return `<span class="zh">${esc(label.zh)}</span><span class="en">${esc(label.en)}</span>`;
}

export interface HtmlTable {
  head: Label[];
  /** Cells: text as it stands, or a label shown in the page's language. */
  rows: (string | Label)[][];
  /** Columns whose cells are right-aligned numbers. */
  numeric?: boolean[];
  /** A CSS class for the table (page.ts styles `figures`). */
  className?: string;
}

export function table(t: HtmlTable): string {
  const cls = (j: number) => (t.numeric?.[j] ? ' class="num"' : "");
  const head = t.head.map((h, j) => `<th${cls(j)}>${bi(h)}</th>`).join("");
  const body = t.rows.map((r) => `<tr>${r.map((c, j) => `<td${cls(j)}>${typeof c === "string" ? esc(c) : bi(c)}</td>`).join("")}</tr>`).join("\n");
  return `<table${t.className ? ` class="${t.className}"` : ""}><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}
