/**
 * The columns a CSV table may have in each list that takes `{file: x.csv}` entries, and their
 * Chinese header aliases (区域,年份,金额 …; the table is in docs/scenario-reference.md). The header is
 * checked once per file: a wrong header is one problem naming the expected columns, not one
 * problem per row.
 */
import type { Label } from "../format/labels.js";
import { didYouMean } from "./suggest.js";
import { MONEY_UNIT } from "./units.js";

/** Chinese header → column. Every alias maps to one column in every table. */
export const HEADER_ALIASES: Readonly<Record<string, string>> = {
  编号: "id",
  代码: "id",
  名称: "name",
  上级: "parent",
  区域: "region",
  地区: "region",
  存量: "stock",
  每单位户数: "households_per_unit",
  单位造价: "unit_cost",
  年份: "year",
  年度: "year",
  金额: "amount",
  每年金额: "per_year",
  名额: "slots",
  项目: "program",
  指标: "metric",
  截止年份: "by",
  目标值: "at_least",
  类型: "kind",
  权重: "weight",
  开工数: "started",
  开工户数: "households_started",
  竣工数: "completed",
  竣工户数: "households_completed",
  部分年度: "partial",
};

/** Column families named by a prefix and an id (`paid.central`), with their Chinese prefixes. */
const PREFIX_ALIASES: Readonly<Record<string, string>> = { "支付.": "paid." };

interface TableColumns {
  /** Every column the table may have, in documentation order. */
  columns: string[];
  /** Alternative sets of required columns (budgets: long form or per-year form). */
  required: string[][];
  /** Prefixes of column families: `paid.` takes `paid.<source id>` columns. */
  prefixes?: string[];
}

/** Keyed by the list's name (`by_region` for `programs[*].by_region`, etc.). */
const TABLES: Record<string, TableColumns> = {
  regions: { columns: ["id", "name", "parent"], required: [["id"]] },
  by_region: { columns: ["region", "stock", "households_per_unit", "unit_cost"], required: [["region", "stock"]] },
  budgets: { columns: ["region", "year", "amount", "per_year"], required: [["region", "year", "amount"], ["region", "per_year"]] },
  capacity: { columns: ["id", "name", "region", "slots"], required: [["id", "region", "slots"]] },
  targets: {
    columns: ["id", "name", "program", "region", "metric", "by", "at_least", "kind", "weight"],
    required: [["id", "program", "region", "metric", "by", "at_least"]],
  },
  actuals: {
    columns: ["region", "program", "year", "started", "households_started", "completed", "households_completed", "partial"],
    required: [["region", "program", "year", "started"]],
    prefixes: ["paid."],
  },
};

/** Columns of money, whose header may carry the unit of its cells: `金额（万元）`, `unit_cost (亿)`, `支付.city（万元）`. */
const MONEY_COLUMNS = new Set(["amount", "per_year", "unit_cost"]);
const HEADER_UNIT = new RegExp(`^(.+?)\\s*[(（]\\s*(?:单位\\s*[:：]\\s*)?(${MONEY_UNIT})\\s*[)）]$`);
/** A bare amount (6000, "6,000", ¥6000), and one that writes its own unit (6000元, 0.8亿). */
const BARE_AMOUNT = "^[¥￥]?[+-]?[\\d,.]+";
const BARE_NUMBER = new RegExp(`${BARE_AMOUNT}$`);
const CELL_UNIT = new RegExp(`${BARE_AMOUNT}\\s*(${MONEY_UNIT})$`);

function isMoney(column: string): boolean {
  return MONEY_COLUMNS.has(column) || (column.startsWith("paid.") && column.length > "paid.".length);
}

/** The unit a money column's header gives its bare numbers ("万", "亿"; "" for 元), or undefined when it gives none. */
export function headerUnit(h: string): { base: string; unit: string } | undefined {
  const m = HEADER_UNIT.exec(h.normalize("NFKC").trim());
  if (!m || !isMoney(canonical(m[1]))) return undefined;
  return { base: m[1], unit: m[2].replace("元", "") };
}

/**
 * A cell under a header that gives the unit: a bare number (6000, "6,000") takes it ("6000万"); a
 * cell that writes its own unit keeps it.
 */
export function withHeaderUnit(value: unknown, unit: string | undefined): unknown {
  // "" (元): bare numbers are yuan anyway.
  return unit && takesHeaderUnit(value, unit) ? `${value}${unit}` : value;
}

/** Whether a cell's unit is its header's (`金额（万元）`, `金额（元）`): a bare number under a header that gives one. */
export function takesHeaderUnit(value: unknown, unit: string | undefined): boolean {
  if (unit === undefined) return false;
  return typeof value === "number" || (typeof value === "string" && BARE_NUMBER.test(value.normalize("NFKC").trim()));
}

/** `header` (`金额（亿元）`) with its unit replaced (`金额（万元）`); `unit` is 元, 万元 or 亿元. */
export function headerWithUnit(header: string, unit: string): string {
  return header.replace(new RegExp(`(${MONEY_UNIT})(\\s*[)）])$`), `${unit}$2`);
}

/**
 * A note for a cell that writes its own money unit under a header that gives another (`6000元`
 * under `金额（万元）`): the cell is read as written, which may not be what was meant. Null otherwise.
 */
export function headerUnitConflict(value: unknown, unit: string | undefined, header: string): Label | null {
  if (unit === undefined || typeof value !== "string") return null;
  const own = CELL_UNIT.exec(value.normalize("NFKC").trim());
  if (!own || own[1].replace("元", "") === unit) return null;
  const bare = value.normalize("NFKC").trim().slice(0, -own[1].length).trim();
  return {
    en: `"${value}" under the header "${header}" writes its own unit, and is read as written (${value}, not ${bare}${unit}元); the header's unit applies to bare numbers only — check which was meant`,
    zh: `表头“${header}”下的“${value}”自带单位，按所写读取（${value}，而非${bare}${unit}元）；表头的单位只适用于不带单位的数字，请核对本意`,
  };
}

/** A header cell in English: its alias, or a Chinese prefix replaced (`支付.central` → `paid.central`). */
function canonical(h: string): string {
  const unit = headerUnit(h);
  if (unit) return canonical(unit.base);
  if (HEADER_ALIASES[h]) return HEADER_ALIASES[h];
  const prefix = Object.keys(PREFIX_ALIASES).find((p) => h.startsWith(p));
  return prefix ? PREFIX_ALIASES[prefix] + h.slice(prefix.length) : h;
}

/**
 * The canonical column names of a header, and the unit each money column's header gives its cells
 * (`units[i]`: "万", "亿", "" for 元, or undefined when it gives none), or one message saying what
 * is wrong with it.
 */
export function checkHeader(list: string, header: string[]): { columns: string[]; units: (string | undefined)[] } | { problem: string } {
  const table = TABLES[list];
  const columns = header.map(canonical);
  const units = header.map((h) => headerUnit(h)?.unit);
  if (!table) return { columns, units };
  const known = (c: string) => table.columns.includes(c) || (table.prefixes ?? []).some((p) => c.startsWith(p) && c.length > p.length);
  const unknown = header.filter((_, i) => !known(columns[i]));
  const budgetMix = list === "budgets" && columns.includes("year") && columns.includes("per_year");
  const fits = table.required.find((set) => set.every((c) => columns.includes(c)));
  if (unknown.length === 0 && fits && !budgetMix) return { columns, units };
  // A spreadsheet's title row above the header (WPS and Excel sheets often start with one): one
  // filled cell and no column this table knows.
  const filled = header.filter((h) => h.trim() !== "");
  if (filled.length === 1 && !columns.some(known)) {
    return { problem: `the first line "${filled[0]}" looks like a title, not the header: delete the rows above the header. A ${list} table has the header ${expectedHeader(table)}` };
  }
  const parts: string[] = [];
  if (unknown.length > 0) {
    const candidates = [...table.columns, ...Object.keys(HEADER_ALIASES).filter((a) => table.columns.includes(HEADER_ALIASES[a]))];
    const named = unknown.map((u) => `"${u}"${headerHint(u, candidates)}`);
    parts.push(`unknown column${unknown.length > 1 ? "s" : ""} ${named.join(", ")}`);
  }
  if (budgetMix) parts.push("a budgets table has either year and amount columns or a per_year column, not both");
  if (!fits) {
    const missing = table.required[0].filter((c) => !columns.includes(c));
    if (missing.length > 0 && !budgetMix) parts.push(`missing column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}`);
  }
  return { problem: `wrong header: ${parts.join("; ")}. A ${list} table has the header ${expectedHeader(table)}` };
}

/**
 * A misspelt header's hint: the near column or alias (suggest.ts), else the one Chinese alias that
 * contains it — a shortened Chinese header (户数 for 每单位户数) is too far in edits for `closest`.
 */
function headerHint(header: string, candidates: string[]): string {
  const near = didYouMean(header, candidates);
  if (near || header.length < 2 || !/[\u4e00-\u9fff]/.test(header)) return near;
  const containing = candidates.filter((c) => c !== header && c.includes(header));
  return containing.length === 1 ? ` (did you mean "${containing[0]}"?)` : "";
}

/** `region,year,amount (or region,per_year), optionally also …; in Chinese 区域,年份,金额, optionally also …` */
function expectedHeader(table: TableColumns): string {
  const [first, ...others] = table.required;
  const optional = table.columns.filter((c) => !table.required.some((set) => set.includes(c)));
  const families = (table.prefixes ?? []).map((p) => `${p}<id>`);
  const chineseOf = (c: string) => Object.keys(HEADER_ALIASES).find((a) => HEADER_ALIASES[a] === c) ?? c;
  const chineseFamilies = (table.prefixes ?? []).map((p) => `${Object.keys(PREFIX_ALIASES).find((a) => PREFIX_ALIASES[a] === p) ?? p}<id>`);
  const also = (cols: string[]) => (cols.length ? `, optionally also ${cols.join(", ")}` : "");
  return (
    first.join(",") +
    others.map((set) => ` (or ${set.join(",")})`).join("") +
    also([...optional, ...families]) +
    ` — in Chinese ${first.map(chineseOf).join(",")}${also([...optional.map(chineseOf), ...chineseFamilies])} (see docs/scenario-reference.md)`
  );
}
