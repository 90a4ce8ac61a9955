/**
 * Numbers as people read them (stdout summaries, report.html, results.xlsx summary): money in 万元
 * or 亿元 with thousands separators, whole units for integer programmes, percentages with one
 * decimal. CSVs never go through here: they stay in yuan at full precision.
 */
import { fixedAsDisplayed, roundAsDisplayed } from "./roundAsDisplayed.js";

const YI = 1e8;
const WAN = 1e4;

/** 825000000 → "8.25亿元", 35000000 → "3,500万元", 1234567890000 → "12,345.68亿元", 800 → "800元". */
export function formatMoney(yuan: number): string {
  return moneyText(yuan, 2);
}

/** A change of money with its sign: "+10.57亿元", "−1,228.89万元" (0 is "+0元"). */
export function formatMoneyChange(yuan: number): string {
  return `${yuan < 0 ? "−" : "+"}${formatMoney(Math.abs(yuan))}`;
}

/**
 * Amounts written one after another, before → after: formatMoney, except where two neighbours a
 * yuan or more apart would read the same — "1.28亿元 → 1.28亿元（+20万元）" says nothing moved beside
 * a change. Those two get the decimals that tell them apart, both to the same decimals ("1.278亿元 →
 * 1.280亿元"), down to the yuan at most. One rule for every before → after money pair printed.
 */
export function formatMoneyApart(yuan: readonly number[]): string[] {
  const digits = yuan.map(() => 2);
  for (;;) {
    const texts = yuan.map((y, i) => moneyText(y, digits[i]));
    let more = false;
    yuan.forEach((y, i) => {
      if (i === 0 || texts[i] !== texts[i - 1] || !(Math.abs(y - yuan[i - 1]) >= 1)) return;
      for (const j of [i - 1, i]) {
        const cap = Math.log10(moneyUnit(yuan[j]).yuan); // decimals of the unit that reach a yuan
        if (digits[j] < cap) {
          digits[j] += 1;
          more = true;
        }
      }
    });
    if (!more) return texts;
  }
}

/** Money in its unit (formatMoney's) to `digits` decimals, trailing zeros kept past two. */
function moneyText(yuan: number, digits: number): string {
  if (!Number.isFinite(yuan)) return "—";
  const unit = moneyUnit(yuan);
  const x = roundAsDisplayed(yuan / unit.yuan, digits);
  return `${formatterFor(digits, digits > 2 ? digits : 0).format(Object.is(x, -0) ? 0 : x)}${unit.name}`;
}

export function moneyUnit(yuan: number): { yuan: number; name: string } {
  const abs = Math.abs(yuan);
  return abs >= YI ? { yuan: YI, name: "亿元" } : abs >= WAN ? { yuan: WAN, name: "万元" } : { yuan: 1, name: "元" };
}

export type MoneyUnit = "亿元" | "万元";
export const UNIT_YUAN: Record<MoneyUnit, number> = { 亿元: YI, 万元: WAN };

/** The unit that keeps the largest of these amounts short: 亿元 from 1亿 up, else 万元. */
export function moneyUnitFor(yuan: Iterable<number>): MoneyUnit {
  let max = 0;
  for (const y of yuan) if (Number.isFinite(y)) max = Math.max(max, Math.abs(y));
  return max >= YI ? "亿元" : "万元";
}

/**
 * A count of units or households: whole numbers for integer programmes and households (nobody
 * plans 0.37 of a household), one decimal for continuous programmes' units.
 */
export function formatCount(x: number, whole: boolean): string {
  if (!Number.isFinite(x)) return "—";
  return grouped(x, whole ? 0 : 1);
}

/**
 * A missed target's planned value beside its target: formatCount, with more decimals (up to four)
 * where it would read as the target itself — "40 / 40" for 39.9996 of 40 projects, marked MISSED.
 */
export function formatShortOf(planned: number, target: number, whole: boolean): string {
  const first = whole ? 0 : 1;
  for (let digits = first; digits <= 4; digits++) {
    const text = grouped(planned, digits);
    if (text !== grouped(target, digits)) return text;
  }
  // Still the target's text at 4 decimals: a value below it is rounded down there (39.99995 of 40
  // rounded half up read "40 / 40" beside MISSED).
  return planned < target ? groupedRounded(roundAsDisplayed(planned, 4, "down"), 4) : grouped(planned, 4);
}

/** A share as a percentage with one decimal: 0.1234 → "12.3%"; a share short of 1 never reads 100.0% (0.999505 → "99.95%"). */
export function formatPercent(share: number): string {
  if (!Number.isFinite(share)) return "—";
  return `${fixedAsDisplayed(share * 100, percentDecimals(share))}%`;
}

/**
 * A share that lies below `level`, as a percentage that does not read as the level: one decimal, or
 * as many (up to four) as it takes — a lower bound of 89.97 % beside a level of 90 % read "its lower
 * bound 90.0%" and "cannot be 90.0% sure" side by side.
 */
export function formatPercentBelow(share: number, level: number): string {
  if (!Number.isFinite(share) || share >= level) return formatPercent(share);
  for (let digits = 1; digits <= 4; digits++) {
    const text = fixedAsDisplayed(share * 100, digits);
    if (text !== fixedAsDisplayed(level * 100, digits)) return `${text}%`;
  }
  return `${(Math.floor(share * 1e6) / 1e4).toFixed(4)}%`; // rounded down: still below the level
}

/** The unit of a change of a share, after its number: "+91.9个百分点", "+91.9 pp". */
export const POINTS_UNIT = { zh: "个百分点", en: " pp" } as const;

/**
 * A change of a share in percentage points, with its sign: 0.919 → "+91.9 pp" ("+91.9个百分点"),
 * two significant digits under a tenth of a point (0.00023 → "+0.023 pp", never "+0.0 pp").
 */
export function formatPointChange(delta: number, lang: "zh" | "en" = "en"): string {
  const points = Math.abs(delta * 100);
  const digits = points >= 0.1 || points === 0 ? grouped(points, 1) : String(Number(points.toPrecision(2)));
  return `${delta < 0 ? "−" : "+"}${digits}${POINTS_UNIT[lang]}`;
}

/**
 * Decimals of a percentage: one, or as many as it takes (up to four) for a share just short of 1 not
 * to round up to 100.0 % — a target missed by 4 of 8,007 communities is 99.95 %, not "100.0% ✗".
 */
export function percentDecimals(share: number): number {
  // Within the tolerance a target counts as met (results/numbers.ts MET_TOLERANCE): not a miss.
  if (share >= 1 - 1e-6) return 1;
  for (let digits = 1; digits <= 4; digits++) if (fixedAsDisplayed(share * 100, digits) !== (100).toFixed(digits)) return digits;
  return 1;
}

/** Whether formatProbability shows a P(met) by its 95 % bound: no draw or every draw met it, draws known. */
export function showsBound(p: number, se: number, draws: number | undefined): draws is number {
  return draws !== undefined && draws > 0 && se === 0 && (p === 0 || p === 1);
}

/**
 * What the "±" after a P(met) is: one standard error, √(p(1 − p)/n). Leadership reads an unlabelled
 * "12.2% ± 0.5%" as a 95 % margin, which is about twice as wide, so every "±" is labelled: inline
 * ("12.2% ± 0.5%（1个标准误）", "12.2% ± 0.5% (1 s.e.)") or, where cells are tight (table columns,
 * printed grids), once in the column's heading or the grid's legend (STANDARD_ERROR_LEGEND).
 */
export const STANDARD_ERROR_NOTE = { zh: "1个标准误", en: "1 s.e." } as const;

/** A table's or grid's note on its "±" cells: "± 为1个标准误", "± = 1 standard error". */
export const STANDARD_ERROR_LEGEND = {
  zh: "± 为1个标准误（95%区间约为其2倍）",
  en: "± = 1 standard error (a 95% interval is about twice as wide)",
} as const;

/**
 * P(met) with its standard error: "93.1% ± 0.8% (1 s.e.)", "99.9% ± <0.1% (1 s.e.)". Where no draw
 * met the target, or every draw did, the standard error is 0 and "± 0.0%" would read as certainty:
 * with the number of draws known, the one-sided 95 % bound is shown instead — Clopper–Pearson's
 * exact 1 − 0.05^(1/n) (≈ 3/n): "0.0% (≤ 0.15% at 95%)" after 2,000 draws. `labelled` false leaves
 * out "(1 s.e.)" for a cell whose column heading or grid legend says it (STANDARD_ERROR_LEGEND).
 */
export function formatProbability(p: number, se: number, draws?: number, lang: "zh" | "en" = "en", labelled = true): string {
  return `${formatPercent(p)}${probabilityNote(p, se, draws, lang, labelled)}`;
}

/**
 * The printed line of P(all targets met) (plan's Monte Carlo summary, min-budget --confidence's
 * validation): each probability by formatProbability, several (λ, then 1 % less) joined by " → ".
 */
export function allTargetsMetLine(shown: { p_met: number; p_met_se: number }[], draws?: number): string {
  return `  P(all targets met): ${shown.map((a) => formatProbability(a.p_met, a.p_met_se, draws)).join(" → ")} (every target met in the same draw)`;
}

/**
 * What follows a P(met)'s percentage in formatProbability — " ± 0.8% (1 s.e.)", "（95%置信上限 0.15%）"
 * — for a figure that holds the probability as a number and writes the rest after it (the report's
 * key figures, the workbook's 概要).
 */
export function probabilityNote(p: number, se: number, draws: number | undefined, lang: "zh" | "en", labelled = true): string {
  if (showsBound(p, se, draws)) return boundNote(p, draws, lang);
  const note = !labelled ? "" : lang === "zh" ? `（${STANDARD_ERROR_NOTE.zh}）` : ` (${STANDARD_ERROR_NOTE.en})`;
  return ` ± ${formatStandardError(se)}${note}`;
}

/**
 * A standard error as a percentage with one decimal — "<0.1%" for one that is not 0 but would read
 * "0.0%", which said certainty of a P(met) that is not 0 or 1 (99.9% ± 0.0%: an SE of 0.043 %).
 */
function formatStandardError(se: number): string {
  const text = formatPercent(se);
  return se > 0 && text === formatPercent(0) ? "<0.1%" : text;
}

/** What follows a P(met) of 0 or 1 after `draws` draws: "（95%置信上限 0.15%）", " (≤ 0.15% at 95%)". */
export function boundNote(p: number, draws: number, lang: "zh" | "en"): string {
  return lang === "zh" ? `（${boundText(p, draws, lang)}）` : ` (${boundText(p, draws, lang)})`;
}

/** The bound itself, where a cell holds it alone (the workbook's standard-error cell): "95%置信上限 0.15%", "≤ 0.15% at 95%". */
export function boundText(p: number, draws: number, lang: "zh" | "en"): string {
  const { upper, lower } = probabilityBounds(draws);
  if (lang === "zh") return p === 0 ? `95%置信上限 ${upper}%` : `95%置信下限 ${lower}%`;
  return p === 0 ? `≤ ${upper}% at 95%` : `≥ ${lower}% at 95%`;
}

/**
 * The one-sided 95 % bounds of a P(met) of 0 (upper) and of 1 (lower) after `draws` draws, in
 * percent, rounded outwards so the printed bound still holds: "0.15" and "99.85" after 2,000.
 */
export function probabilityBounds(draws: number): { upper: string; lower: string } {
  const bound = 100 * (1 - Math.pow(0.05, 1 / draws));
  const digits = Math.max(1, 1 - Math.floor(Math.log10(bound)));
  const scale = 10 ** digits;
  return { upper: (Math.ceil(bound * scale) / scale).toFixed(digits), lower: (Math.floor((100 - bound) * scale) / scale).toFixed(digits) };
}

/**
 * A P10–P90 range at the precision its width warrants: two significant digits of the spread, so
 * 6861.4015–7511.4122 reads "6,861–7,511" and 0.81234–0.83456 reads "0.812–0.835".
 */
export function formatRange(lo: number, hi: number, whole = false): string {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return "—";
  const digits = whole ? 0 : hi - lo > 0 ? rangeDigits(hi - lo) : Math.max(valueDigits(lo), valueDigits(hi));
  // Both ends to the same decimals ("4.70–5.48", not "4.7–5.48"), up to two: past that the trailing
  // zeros of a hair-wide range ("5.999900–6.000000") only add noise.
  const end = (x: number) => formatterFor(digits, Math.min(digits, 2)).format(roundAsDisplayed(x, digits) || 0);
  return `${end(lo)}–${end(hi)}`;
}

/**
 * A target's P10–P90 as the printed summary and the report show it. `wholeUnits`: the target counts
 * units of a programme planned whole (`integer: true`; not its households). Those are shown in whole
 * units, each end rounded down (a count within 10⁻⁶ of a whole number counts as it): targets.csv's
 * type-7 quantiles interpolate between two draws, so P90 11.1 is a tenth of the way from 11
 * villages to 12, and rounded down it is the lower of the two draws when they are adjacent whole
 * numbers (numpy's "lower" quantile). Down, not to the nearest: replan's annual LP re-plans can
 * realise 11.97 villages, which is not 12 beside a target of 12. Anything else (households too) at
 * formatRange's precision: whole from a width of 10 up, a decimal where the range is narrower.
 */
export function formatTargetRange(lo: number, hi: number, wholeUnits: boolean): string {
  if (!wholeUnits) return formatRange(lo, hi);
  return formatRange(wholeUnitsReached(lo), wholeUnitsReached(hi), true);
}

/**
 * A quantile of whole units as the units reached: rounded down, a count within 10⁻⁶ of a whole
 * number counting as it (formatTargetRange says why down). results.xlsx's P10 and P90 of such a
 * target hold this too.
 */
export function wholeUnitsReached(x: number): number {
  return Math.floor(x + 1e-6);
}

/** Whether a target's values are whole units: a programme planned whole, counted in its units (not households). */
export function countsWholeUnits(metric: string, programIsInteger: boolean): boolean {
  return programIsInteger && !metric.startsWith("households");
}

/**
 * Decimals that show a value to four significant digits (at most six): a range of no width is the
 * value itself, and 0.9–0.9 rounded to whole units read "1–1" beside a target of 1 missed in every draw.
 */
function valueDigits(x: number): number {
  const text = String(Number(x.toPrecision(4)));
  const point = text.indexOf(".");
  return point < 0 || text.includes("e") ? 0 : Math.min(6, text.length - point - 1);
}

function rangeDigits(width: number): number {
  if (!(width > 0)) return 0;
  return Math.max(0, Math.min(6, 1 - Math.floor(Math.log10(width))));
}

/**
 * A weighted shortfall score: three decimals, or two significant digits below 0.001, so a score
 * that is not 0 never reads "0.000" beside "0 means every target met" (2.8777e-5 → "0.000029").
 */
export function formatScore(x: number): string {
  if (!Number.isFinite(x)) return "—";
  if (x === 0 || Math.abs(x) >= 1e-3) return x.toFixed(3);
  return x.toFixed(1 - Math.floor(Math.log10(Math.abs(Number(x.toPrecision(2))))));
}

/** A change with its sign, `significant` digits and at most four decimals: "+46.5832", "−0.3253". */
export function formatChange(x: number, significant = 6): string {
  const text = formatterFor(4).format(Number(Math.abs(x).toPrecision(significant)));
  return `${x < 0 && text !== "0" ? "−" : "+"}${text}`;
}

/** Thousands separators and a fixed number of decimals, trailing zeros dropped ("1,234.5"). */
export function grouped(x: number, digits: number): string {
  return groupedRounded(roundAsDisplayed(x, digits), digits);
}

/** A number already rounded to `digits`, with thousands separators and trailing zeros dropped. */
function groupedRounded(rounded: number, digits: number): string {
  return formatterFor(digits).format(Object.is(rounded, -0) ? 0 : rounded);
}

// One formatter per number of decimals: `toLocaleString` with options builds a new
// Intl.NumberFormat on every call, which a report with thousands of labels pays thousands of times.
const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(digits: number, minimumDigits = 0): Intl.NumberFormat {
  const key = `${digits}:${minimumDigits}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.NumberFormat("en-US", { maximumFractionDigits: digits, minimumFractionDigits: minimumDigits })));
  return f;
}
