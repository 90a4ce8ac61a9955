/**
 * Excel number formats and column widths by column meaning. Cells keep the CSV's exact values
 * (yuan, fractions); only the display changes, so sums and lookups in Excel stay exact.
 *
 * Excel cannot scale by 10⁴ in a number format and group thousands at once; the 万/亿 idiom used
 * by Chinese finance offices divides by 10³ (one trailing comma) or 10⁶ and inserts a literal
 * point: `0\.0,"万元"` shows 123456789 as 12345.7万元, `0\.00,,"亿元"` as 1.23亿元. The point is
 * escaped with a backslash, which Excel, WPS and LibreOffice all read (LibreOffice shows the
 * `!` escape literally). Thousands separators are literal commas too, placed for the cell's own
 * number of digits (moneyFormat): `#\,##0\.0,"万元"` shows 960000000 as 96,000.0万元.
 */
import { boundNote, boundText, type MoneyUnit, percentDecimals, POINTS_UNIT, showsBound, UNIT_YUAN, wholeUnitsReached } from "../format/numbers.js";
import { isMoneyColumn, isShareColumn } from "../output/columns.js";
import type { Cell } from "../output/resultTables.js";

/**
 * "price": money per unit of a target (marginal_cost_yuan_per_unit), shown in its own cell's unit.
 * "points": a change of a share (compare.csv's delta of a share column), held and shown in
 * percentage points. "reached": a quantile of whole units (P10, P90 of a target counting a
 * programme planned whole), held as the whole units reached (heldNumber).
 */
export type ColumnKind =
  "money" | "price" | "share" | "points" | "cut" | "count" | "reached" | "households" | "rate" | "year" | "integer" | "number" | "text" | "flag";

export const PERCENT = "0.0%";
/** A cut level as given: 10.0%, 33.33% (an amount cut's share), 0.01% (not "0.0%"). */
export const CUT_PERCENT = "0.0#%";
export const WHOLE = "#,##0";
export const ONE_DECIMAL = "#,##0.0";

const HOUSEHOLDS = /households/;
const COUNT = new Set([
  "units_started", "actual_started", "units_active", "units_completed", "slots_used", "slots", "target_value", "planned", "planned_value",
  "shortfall", "planned_change_vs_base", "units_started_base", "units_started_change", "mean", "sd", "p5", "p10", "p50", "p90", "p95", "planned_margin", "planned_value_below",
]);
/** Columns that only ever hold whole numbers. A target's weight is not one: `weight: 1.5` is valid. */
const INTEGER = new Set(["draws", "rank", "targets", "targets_met", "draw", "targets_reached"]);
const YEAR = new Set(["year", "by"]);
/** true / false columns, shown 是 / 否. */
const FLAGS = new Set(["binding", "met", "gained_vs_base", "surer_after_cut", "confidence_reached", "confidence_reached_below", "reached", "whole_units", "cut_source", "scaled_source"]);
const PRICE_COLUMN = "marginal_cost_yuan_per_unit";

/**
 * How a column's numbers are shown. "number" (General: the value as stored, decimals included) is
 * the default, for weights, rates and anything not known to be a whole count, money or a share.
 */
export function columnKind(column: string): ColumnKind {
  if (YEAR.has(column)) return "year";
  if (column === "cut") return "cut";
  if (isShareColumn(column) || /^rel_delta_\d+$/.test(column)) return "share";
  // A price per unit of a target is not an amount of the sheet: it neither adds up with the sheet's
  // amounts nor compares across rows of other units (per household, per village), so it keeps its
  // own unit — 23.5万元 a community — where the sheet's 亿元 would show 0.00亿元.
  if (column === PRICE_COLUMN) return "price";
  if (isMoneyColumn(column)) return "money";
  // Any other rate ("households_lost_per_100m_yuan", "…_per_slot"): a rate of households is not a
  // count of them, and 0.4 households per 1亿元 must not read 0 (rateFormat).
  if (/_per_/.test(column)) return "rate";
  if (HOUSEHOLDS.test(column)) return "households";
  if (COUNT.has(column)) return "count";
  if (INTEGER.has(column)) return "integer";
  if (FLAGS.has(column)) return "flag";
  return "number";
}

/**
 * A table's money unit: one for all its amounts, as finance tables are kept ("单位：万元"), so a
 * budget and its carry-over beside it read alike — 亿元 when every non-zero amount is at least
 * 1亿, else 万元, so that small amounts stay visible (720万 would read 0.07亿元, 30万 0.00亿元).
 */
export function moneyUnitOf(amounts: Iterable<Cell>): MoneyUnit {
  for (const v of amounts) if (typeof v === "number" && v !== 0 && Number.isFinite(v) && Math.abs(v) < 1e8) return "万元";
  return "亿元";
}

/** Per unit: the decimals shown, and the yuan in one shown digit (0.1万, 0.01亿). */
const UNIT_DIGITS: Record<MoneyUnit, { decimals: number; yuanPerDigit: number; scale: string }> = {
  万元: { decimals: 1, yuanPerDigit: 1e3, scale: "," },
  亿元: { decimals: 2, yuanPerDigit: 1e6, scale: ",," },
};

/**
 * An amount's format in `unit`, with a literal thousands separator wherever its shown whole part
 * has one: 0–999 `0\.0,"万元"`, 1,000–999,999 `#\,##0\.0,"万元"`, and so on (the sign is Excel's).
 */
export function moneyFormat(unit: MoneyUnit, yuan: number): string {
  const { decimals, yuanPerDigit, scale } = UNIT_DIGITS[unit];
  // The digits Excel shows are the amount scaled and rounded; its whole part is all but the decimals.
  const whole = Number.isFinite(yuan) ? Math.floor(Math.round(Math.abs(yuan) / yuanPerDigit) / 10 ** decimals) : 0;
  const groups = Math.floor((String(whole).length - 1) / 3);
  const integer = groups === 0 ? "0" : `#${"\\,###".repeat(groups - 1)}\\,##0`;
  return `${integer}\\.${"0".repeat(decimals)}${scale}"${unit}"`;
}

/** One amount's own unit, outside a table: 亿元 from 1亿 up, else 万元 (formatMoney's rule). */
export function amountUnit(yuan: number): MoneyUnit {
  return Math.abs(yuan) >= 1e8 ? "亿元" : "万元";
}

/**
 * The number a cell of `kind` holds: the CSV's value, except
 * - a change of a share, held in percentage points (the CSV's 0.919 as 91.9): a number format can
 *   scale by 100 only with a % sign, and a change of a share is not a share — "91.9%" read as one.
 *   To 12 significant digits, as compare.csv's deltas are (0.919 × 100 is 91.90000000000001);
 * - a quantile of whole units, held as the units reached, rounded down as the report and the
 *   printout show it (wholeUnitsReached): targets.csv's P90 of 11.1 villages is the draw of 11, and
 *   a format would round it to the nearest, not down.
 */
export function heldNumber(kind: ColumnKind, value: number): number {
  if (kind === "points") return Number((value * 100).toPrecision(12));
  return kind === "reached" ? wholeUnitsReached(value) : value;
}

/**
 * The display format of one cell (the number it holds: heldNumber): money in 亿元 from 1亿 up, else
 * 万元 (like formatMoney; tables use one unit, moneyUnitOf).
 */
export function numFmt(kind: ColumnKind, value: Cell): string | undefined {
  if (typeof value !== "number") return undefined;
  switch (kind) {
    case "money":
    case "price":
      return moneyFormat(amountUnit(value), value);
    case "share":
      return percentFormat(value);
    case "points":
      return pointsFormat(value);
    case "cut":
      return CUT_PERCENT;
    case "households":
      return WHOLE;
    case "rate":
      return rateFormat(value);
    case "count":
      // Integer programmes plan whole units; continuous ones show one decimal.
      return Number.isInteger(value) ? WHOLE : ONE_DECIMAL;
    case "integer":
    case "reached":
      return WHOLE;
    case "year":
      return "0";
    default:
      return undefined;
  }
}

/**
 * A rate from 10 up with one decimal and grouped thousands (2,437.0 households per 1亿元, not
 * 2437.0305 beside #,##0 columns), from 1 with two (1.46 yuan saved per yuan, not 1.5); below 1
 * as stored (General), where a fixed number of decimals could read 0.
 */
function rateFormat(value: number): string | undefined {
  const size = Math.abs(value);
  return size >= 10 ? ONE_DECIMAL : size >= 1 ? TWO_DECIMALS : undefined;
}
const TWO_DECIMALS = "0.00";

/** "0.0%", or more decimals where a share short of 1 would show as 100.0% (formatPercent's rule). */
function percentFormat(share: number): string {
  const digits = shareDecimals(share);
  return digits === 1 ? PERCENT : `0.${"0".repeat(digits)}%`;
}

/**
 * Percentage points with their sign and unit, as the report writes them (formatPointChange):
 * `+0.0"个百分点";-0.0"个百分点";0.0"个百分点"` shows 91.9 as +91.9个百分点.
 */
function pointsFormat(points: number): string {
  const number = `0.${"0".repeat(visibleDecimals(points, 1))}"${POINTS_UNIT.zh}"`;
  return `+${number};-${number};${number}`;
}

/**
 * Decimals of a share as a percentage: percentDecimals' (no met-looking 100.0 % for a miss), and
 * for a small share that is not 0 enough to show it (a P(met) standard error of 0.04 % read 0.0 %).
 */
function shareDecimals(share: number): number {
  return visibleDecimals(share * 100, percentDecimals(share));
}

/** From `digits` up to four decimals, as many as a percentage (or points) that is not 0 takes not to show as 0. */
function visibleDecimals(percent: number, digits: number): number {
  while (percent !== 0 && digits < 4 && Number(percent.toFixed(digits)) === 0) digits++;
  return digits;
}

/** Digits as the formats show them: grouped thousands, a fixed number of decimals (money's per unit). */
const shownFixed = (digits: number) => new Intl.NumberFormat("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const SHOWN: Record<MoneyUnit, Intl.NumberFormat> = { 万元: shownFixed(1), 亿元: shownFixed(2) };
const SHOWN_WHOLE = shownFixed(0);
const SHOWN_ONE = shownFixed(1);

/**
 * The text a number cell shows under numFmt's format for `kind` (money in the sheet's `unit`), so
 * a column can be made wide enough for it: a number that does not fit shows as ### in Excel and
 * LibreOffice (text would run on into the next cell, a number never does).
 */
export function shownNumber(kind: ColumnKind, value: number, unit: MoneyUnit = "万元"): string {
  if (!Number.isFinite(value)) return String(value);
  const sign = value < 0 ? "-" : "";
  switch (kind) {
    case "money":
    case "price": {
      const own = kind === "price" ? amountUnit(value) : unit;
      return `${sign}${SHOWN[own].format(Math.abs(value) / UNIT_YUAN[own])}${own}`;
    }
    case "share":
      return `${(value * 100).toFixed(shareDecimals(value))}%`;
    case "points":
      return `${value > 0 ? "+" : ""}${value.toFixed(visibleDecimals(value, 1))}${POINTS_UNIT.zh}`;
    case "cut":
      return `${(value * 100).toFixed(2).replace(/(\.\d)0$/, "$1")}%`;
    case "households":
    case "integer":
    case "reached":
      return SHOWN_WHOLE.format(value);
    case "count":
      return (Number.isInteger(value) ? SHOWN_WHOLE : SHOWN_ONE).format(value);
    case "rate": {
      const format = rateFormat(value);
      return format === ONE_DECIMAL ? SHOWN_ONE.format(value) : format ? value.toFixed(2) : String(value);
    }
    case "year":
      return String(Math.round(value));
    default:
      return String(value); // General: the value as stored
  }
}

/**
 * Width in Excel character units: the longest of header and values as their formats show them
 * (CJK counts double), capped. Money is measured in the sheet's `unit` (343亿 in 万元 is "3,431,600.0万元").
 */
export function columnWidth(header: string[], values: Cell[], kind: ColumnKind, unit: MoneyUnit = "万元"): number {
  const shown = (c: Cell) => (c === null ? "" : typeof c === "number" ? shownNumber(kind, c, unit) : String(c));
  let widest = 0;
  for (const text of [...header, ...values.slice(0, 500).map(shown)]) widest = Math.max(widest, displayWidth(text));
  return fitWidth(widest);
}

/** A column's width for text `widest` characters wide: two characters of margin, within 8–60. */
export function fitWidth(widest: number): number {
  return Math.min(60, Math.max(8, widest + 2));
}

/**
 * CJK (U+2E80–U+FFEF) and characters beyond U+FFFF (CJK extensions, emoji) count 2, any other 1:
 * a loop over code units, not a regex per character.
 */
export function displayWidth(text: string): number {
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++; // one character
    w += c >= 0x2e80 && c <= 0xffef ? 2 : 1;
  }
  return w;
}

/** A number format followed by literal text: `0.0%"（95%置信上限 1.5%）"` (a `"` in the text is left out, as a format cannot hold it). */
export function withLiteral(format: string, text: string): string {
  return `${format}"${text.replaceAll('"', "")}"`;
}

/**
 * A P(met) column and its standard error's, in every table that has them: targets.csv's, stress.csv's,
 * min_budget_confidence.csv's (and its `_below` pair) and stress_summary.csv's P(all targets met).
 */
export const PROBABILITY_COLUMNS: readonly (readonly [string, string])[] = [
  ["p_met", "p_met_se"], ["p_met_below", "p_met_se_below"], ["p_all_targets_met", "p_all_targets_met_se"],
];

export interface BoundCells {
  /** The P(met) cell's format: its percentage, then its 95 % bound, as the summary sheet writes it. */
  p: string;
  /** The standard error cell's: the bound alone, in place of a "0.0%" that claims certainty. */
  se: string;
  /** What each cell shows under its format, for the column's width. */
  shownP: string;
  shownSe: string;
}

/**
 * The workbook's cells of a P(met) of 0 or 1 whose standard error is 0 after `draws` draws — no draw
 * or every draw met the target: formatProbability's rule (showsBound), so a sheet shows what the
 * report and the 概要 sheet do, "0.0%（95%置信上限 0.15%）", not 0.0 % ± 0.0 %. The cells keep
 * their numbers (0, 1 and the standard error 0), equal to the CSV's; only their formats change.
 * Null where the pair is shown as numbers (a ± that is not 0, or the draws unknown).
 */
export function boundCells(p: Cell, se: Cell, draws: number | undefined): BoundCells | null {
  if (typeof p !== "number" || typeof se !== "number" || !showsBound(p, se, draws)) return null;
  const note = boundNote(p, draws, "zh");
  const bound = boundText(p, draws, "zh");
  return { p: withLiteral(percentFormat(p), note), se: withLiteral("", bound), shownP: `${shownNumber("share", p)}${note}`, shownSe: bound };
}
