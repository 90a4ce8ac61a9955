/**
 * What stops a target from reaching its confidence level, in planning words: the limits whose
 * relaxation would let the plan put more of that target in place. Read from the chained rhs
 * sensitivity of the target's margin shortfall (d shortfall / d bound of each row, through every
 * stage, stagedSession.ts) in a solve where its margin is set just out of reach, priced per
 * natural step (per 1亿元 of budget, less for a smaller budget: `per`; per slot, per unit of
 * stock), and grouped the way planners
 * read them: one source's budgets in one year, one year's capacity, one programme's stock.
 */
import { MONEY_UNIT } from "../model/context.js";
import { rowName } from "../model/names.js";
import type { LinearModel, Row } from "../model/types.js";
import { describeRow, describeRowZh, Namer } from "../plan/describe.js";
import { metricLabel } from "../format/labels.js";
import { NO_PRICED_LIMIT } from "../format/confidenceLabels.js";
import { inputPathOf } from "../plan/rowInputs.js";
import type { Scenario, YamlPath } from "../scenario/types.js";
import { formatMoney, grouped } from "../format/numbers.js";
import { priceStepYuan } from "../format/priceSteps.js";

export interface Limit {
  /** Group key, e.g. `budget[city,*,2025]`. */
  where: string;
  what: string;
  /** `what` in Chinese (diagnostics.csv's message_zh). */
  what_zh: string;
  /** Rows in the group. */
  rows: number;
  /** Target units the plan gains per step (`per`) of the group's most valuable limit. */
  gain: number;
  /**
   * The step: for budgets the money step (priceStepYuan of the budget itself, "1,000万元": a rate
   * holds at the margin only, so per 1亿元 a county's 220万 budget read ~45 times what an extra
   * 1亿 buys); a slot of capacity or a unit of stock.
   */
  per: string;
  /** Budgets: the gain per yuan of the most valuable limit, which orders budget groups of different steps. */
  perYuan: number | null;
  /** The scenario entry of a one-row group (its file and line go into diagnostics.csv); else null. */
  input: YamlPath | null;
}

/** Budgets are the limits with a price per yuan. */
export function isBudget(limit: Limit): boolean {
  return limit.perYuan !== null;
}

/** Limits with a non-negligible effect, grouped; budgets first (by gain per yuan), then by gain. */
export function limitsOf(model: LinearModel, scenario: Scenario, response: Float64Array, ownMarginRow: number): Limit[] {
  const namer = new Namer(scenario);
  const groups = new Map<string, { rows: Row[]; gain: number; per: Limit["per"]; perYuan: number | null }>();
  model.rows.forEach((row, i) => {
    if (i >= response.length || i === ownMarginRow) return;
    const key = groupKey(row);
    if (!key) return;
    const money = row.ref.family === "budgets";
    // Model money is in MONEY_UNIT yuan: the row's response per yuan, and its budget in yuan.
    const perYuan = money ? Math.abs(response[i]) / MONEY_UNIT : null;
    const step = money ? priceStepYuan(Number.isFinite(row.ub) ? Math.max(0, row.ub * MONEY_UNIT) : null) : null;
    const gain = perYuan !== null ? perYuan * step! : Math.abs(response[i]);
    if (!(gain > 1e-6)) return;
    const per = step !== null ? formatMoney(step) : row.ref.family === "capacity" ? "slot" : "unit";
    const g = groups.get(key) ?? { rows: [], gain: 0, per, perYuan: null };
    g.rows.push(row);
    // The group's most valuable limit: by gain per yuan for budgets (their steps differ).
    const better = perYuan !== null ? perYuan > (g.perYuan ?? 0) : gain > g.gain;
    if (better) Object.assign(g, { gain, per, perYuan });
    groups.set(key, g);
  });
  return [...groups.entries()]
    .map(([where, g]): Limit => ({
      where, what: describeGroup(g.rows, scenario, namer), what_zh: describeGroupZh(g.rows, scenario, namer), rows: g.rows.length, gain: g.gain, per: g.per,
      perYuan: g.perYuan, input: g.rows.length === 1 ? inputPathOf(g.rows[0], scenario) : null,
    }))
    .sort((a, b) => Number(b.perYuan !== null) - Number(a.perYuan !== null) || (b.perYuan ?? 0) - (a.perYuan ?? 0) || b.gain - a.gain || a.where.localeCompare(b.where));
}

/** The group a limiting row belongs to; null for rows that are not limits a planner can move. */
function groupKey(row: Row): string | null {
  const r = row.ref;
  switch (r.family) {
    case "budgets":
      return `budget[${r.source},*,${r.year}]`;
    case "capacity":
      return `capacity[*,${r.year}]`;
    case "stock":
      return `stock[*,${r.program}]`;
    case "start_limits":
      return `start_limit[${r.program},*,${r.year}]`;
    case "margin":
    case "targets":
      return rowName(row);
    default:
      return null;
  }
}

function describeGroup(rows: Row[], scenario: Scenario, namer: Namer): string {
  if (rows.length === 1) return describeRow(rows[0], scenario, namer);
  const r = rows[0].ref;
  const places = (ids: string[]) => {
    const names = [...new Set(ids)].map((id) => namer.name("region", id));
    return names.length <= 3 ? names.join("、") : `${names.slice(0, 3).join("、")} and ${names.length - 3} more`;
  };
  const regions = rows.map((x) => ("region" in x.ref ? String(x.ref.region) : ""));
  switch (r.family) {
    case "budgets":
      return `budgets of ${namer.label("source", r.source)} in ${r.year} (${places(regions)})`;
    case "capacity":
      return `construction capacity in ${r.year} (${places(regions)})`;
    case "stock":
      return `stock of ${namer.label("program", r.program)} units (${places(regions)})`;
    case "start_limits":
      return `start limits of ${namer.label("program", r.program)} in ${r.year} (${places(regions)})`;
    default:
      return describeRow(rows[0], scenario, namer);
  }
}

/** describeGroup in Chinese: "中央补助（central）2025年的预算（广州市、深圳市）". */
function describeGroupZh(rows: Row[], scenario: Scenario, namer: Namer): string {
  if (rows.length === 1) return describeRowZh(rows[0], scenario, namer);
  const r = rows[0].ref;
  const places = (ids: string[]) => {
    const names = [...new Set(ids)].map((id) => namer.name("region", id));
    return names.length <= 3 ? names.join("、") : `${names.slice(0, 3).join("、")}等${names.length}地`;
  };
  const regions = rows.map((x) => ("region" in x.ref ? String(x.ref.region) : ""));
  switch (r.family) {
    case "budgets":
      return `${namer.labelZh("source", r.source)}${r.year}年的预算（${places(regions)}）`;
    case "capacity":
      return `${r.year}年的施工能力（${places(regions)}）`;
    case "stock":
      return `${namer.labelZh("program", r.program)}的可改造存量（${places(regions)}）`;
    case "start_limits":
      return `${r.year}年${namer.labelZh("program", r.program)}的开工数限制（${places(regions)}）`;
    default:
      return describeRowZh(rows[0], scenario, namer);
  }
}

/** A limit's step in Chinese: 每1亿元 (每100万元, …), 每1个施工能力单位, 每1个单位. */
export function perZh(per: Limit["per"]): string {
  return per === "slot" ? "每1个施工能力单位" : per === "unit" ? "每1个单位" : `每${per}`;
}

/**
 * The limits in one phrase per kind, gains in the target's `metric`: "budgets of 2021–2025 (most:
 * …, up to +33.4 started per 1亿元); stock of … (up to +0.36 started per unit)". diagnostics.csv
 * keeps the groups one per row.
 */
export function describeLimits(limits: Limit[], metric: string): string {
  if (limits.length === 0) return NO_PRICED_LIMIT.en;
  const budgets = limits.filter(isBudget);
  const parts: string[] = [];
  if (budgets.length > 0) {
    const top = budgets[0];
    const span = yearSpan(budgets);
    parts.push(`the budgets of ${span} (most: ${top.what}, up to +${roughly(top.gain)} ${metric} per ${top.per})`);
  }
  for (const l of limits.filter((x) => !isBudget(x)).slice(0, 3)) parts.push(`${l.what} (up to +${roughly(l.gain)} ${metric} per ${l.per})`);
  return parts.join("; ");
}

/** describeLimits in Chinese: "2021–2025年的预算（影响最大的：…，每1亿元最多可增加开工数33.4）；…". */
export function describeLimitsZh(limits: Limit[], metric: string): string {
  if (limits.length === 0) return NO_PRICED_LIMIT.zh;
  const what = metricLabel(metric).zh;
  const budgets = limits.filter(isBudget);
  const parts: string[] = [];
  if (budgets.length > 0) {
    const top = budgets[0];
    const span = yearSpan(budgets);
    parts.push(`${span}年的预算（影响最大的：${top.what_zh}，${perZh(top.per)}最多可增加${what}${roughly(top.gain)}）`);
  }
  for (const l of limits.filter((x) => !isBudget(x)).slice(0, 3)) parts.push(`${l.what_zh}（${perZh(l.per)}最多可增加${what}${roughly(l.gain)}）`);
  return parts.join("；");
}

/** The years of budget groups (`budget[src,*,2025]`): "2021–2025", or one year. */
function yearSpan(budgets: Limit[]): string {
  const years = [...new Set(budgets.map((l) => Number(/,(\d+)\]$/.exec(l.where)?.[1])))].sort((a, b) => a - b);
  return years.length > 1 ? `${years[0]}–${years[years.length - 1]}` : `${years[0]}`;
}

/** A figure for a sentence: whole from 100, one decimal from 1, two significant digits below. */
export function roughly(x: number): string {
  return x >= 100 ? grouped(x, 0) : x >= 1 ? grouped(x, 1) : x.toPrecision(2);
}
