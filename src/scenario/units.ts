/**
 * Chinese money units and percentage shares as planners write them in scenario files.
 * `"8.25亿"` = 825,000,000 yuan, `"3500万"` = 35,000,000, `"2.7万元"` = 27,000; `"30%"` = 0.3.
 * Full-width digits, signs and `％` (what a Chinese input method types: `"３００万"`, `"5％"`) read
 * as their ASCII forms (Unicode NFKC); a leading yuan sign (`"¥3500万"`, full-width `"￥3500万"`,
 * as Excel's currency format writes amounts) is allowed.
 */

/** Yuan per unit written after a number ("" for bare yuan). */
export const UNIT_MULTIPLIER: Readonly<Record<string, number>> = { "": 1, 万: 1e4, 亿: 1e8 };
/** The money units a header or a cell may name after a number (yuan written 元, or nothing), as a regex alternation. */
export const MONEY_UNIT = "万元|亿元|元|万|亿";
// A sign before the number, or around a yuan sign: -5, -¥5, ¥-5 (Excel's zh-CN currency format).
const AMOUNT = /^\s*(?:([+-]?)¥\s*([+-]?)|([+-]?))(\d+(?:\.\d+)?(?:e[+-]?\d+)?)\s*(万|亿)?\s*(元)?\s*$/i;
/**
 * Digit groups: thousands separators as Excel and WPS write them ("1,234,567"), or groups of four
 * as 万 and 亿 group them ("2,0000,0000" = 2亿) — the same size throughout, never after a decimal
 * point. Any other comma ("0,8亿", "1,2,3万", "12,34") stays, and the text is not an amount:
 * dropping it would read a decimal comma or a slip as a different number.
 */
const GROUPED_DIGITS = /(?<![\d.,])(?:\d{1,3}(?:,\d{3})+|\d{1,4}(?:,\d{4})+)(?![\d,])/g;
const PERCENT = /^\s*([+-]?\d+(?:\.\d+)?)\s*%\s*$/;

/**
 * The largest amount accepted anywhere: 1e15 yuan (1000万亿元), several times China's GDP. Larger
 * values are typing slips, and they would wreck the solver's numerics.
 */
export const MAX_YUAN = 1e15;

/**
 * Parses an amount in yuan; returns null when the text is not an amount. A string whose number is
 * too large to hold ("1e400") parses to Infinity, so callers can say so rather than "not an amount".
 */
export function parseAmount(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value !== "string") return null;
  const m = AMOUNT.exec(value.normalize("NFKC").replace(GROUPED_DIGITS, (g) => g.replace(/,/g, "")));
  if (!m || (m[1] && m[2])) return null; // "-¥-5": two signs
  // Multiply via the decimal string to avoid 8.25 * 1e8 = 825000000.0000001.
  return roundYuan(Number((m[1] || m[2] || m[3] || "") + m[4]) * UNIT_MULTIPLIER[m[5] ?? ""]);
}

/** Parses a share as a fraction: 0.3 or "30%"; returns null when the text is not a share. */
export function parseShare(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value !== "string") return null;
  const text = value.normalize("NFKC").trim();
  const m = PERCENT.exec(text);
  if (m) return Number(m[1]) / 100;
  const n = Number(text);
  return text !== "" && Number.isFinite(n) ? n : null;
}

/** Amounts are kept to 1/10000 yuan so unit strings give exact, printable numbers. */
function roundYuan(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
