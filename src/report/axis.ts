/** Axis label formatters shared by the charts (functions run at render time, in Node). */
import { grouped, type MoneyUnit, UNIT_YUAN } from "../format/numbers.js";
import type { Lang } from "./svgChart.js";

/**
 * Large counts in 万 (zh) or k/M (en): 1,420,000 → "142万" / "1.42M". Given the axis top, every label
 * of the axis takes the unit the top calls for — 万 from 10万, k from 100k, M from 1M — so an axis
 * from 0 to 10,000 does not read "8,000" then "1万"; without it, each value takes its own.
 */
export function countAxis(lang: Lang, top?: number): (v: number) => string {
  const scale = (a: number) => (lang === "zh" ? (a >= 1e4 ? 1e4 : 1) : a >= 1e6 ? 1e6 : a >= 1e4 ? 1e3 : 1);
  const fixed = top === undefined ? null : lang === "zh" ? (top >= 1e5 ? 1e4 : 1) : top >= 1e6 ? 1e6 : top >= 1e5 ? 1e3 : 1;
  const suffix: Record<number, string> = lang === "zh" ? { 1: "", 1e4: "万" } : { 1: "", 1e3: "k", 1e6: "M" };
  return (v: number) => {
    const unit = fixed ?? scale(Math.abs(v));
    if (v === 0 || unit === 1) return grouped(v, 1);
    return `${grouped(v / unit, unit === 1e6 ? 2 : 1)}${suffix[unit]}`;
  };
}

export function moneyAxis(unit: MoneyUnit): (v: number) => string {
  return (v: number) => grouped(v / UNIT_YUAN[unit], 2);
}

export function percentAxis(v: number): string {
  return `${grouped(v * 100, 1)}%`;
}

export const MONEY_UNIT_EN: Record<MoneyUnit, string> = { 亿元: "100m yuan (亿元)", 万元: "10k yuan (万元)" };

/** The next round number at or above x (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10ⁿ), for axis tops. */
export function niceCeil(x: number): number {
  if (!(x > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(x));
  const step = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((s) => s * p >= x * (1 - 1e-12))!;
  return Number((step * p).toPrecision(12));
}

/** Most intervals an attainment axis is split into (attainmentAxis). */
const MAX_ATTAINMENT_STEPS = 8;
/** Round steps in 5 % units: 5, 10, 20, 25, 50, 100 %. */
const STEPS_OF_5_PERCENT = [1, 2, 4, 5, 10, 20];

/**
 * An attainment axis over `values` (shares): from the lowest to the nearest 5 % below (0 when it is
 * under 50 %), to the highest to the nearest 5 % above and at least 100 %, split into steps of a
 * round multiple of 5 % (5, 10, 20, 25, 50, 100 %) that start and end on multiples of the step. Left to ECharts, a 95–115 % axis took 3 % steps and
 * printed 95 % under 96 % and 115 % over 114 %.
 */
export function attainmentAxis(values: readonly number[]): { min: number; max: number; interval: number } {
  const finite = values.filter(Number.isFinite);
  const low = finite.length === 0 ? 0 : Math.min(...finite);
  const high = finite.length === 0 ? 1 : Math.max(...finite);
  // In 5 % units, so that every bound and step is a whole number of them (no float residue).
  const top = Math.max(20, Math.ceil(high * 20 - 1e-9));
  // Every level at 100 %: 95–100 %, not an axis of no height.
  const bottom = Math.min(top - 1, low >= 0.5 ? Math.floor(low * 20 + 1e-9) : 0);
  // Bounds on the step's own multiples (85–155 % in 10 % steps read 85, 95 … 155): the roundest step
  // whose rounded-out bounds take at most MAX_ATTAINMENT_STEPS; beyond 800 %, multiples of 100 %.
  const axisOf = (per: number) => ({ lo: Math.floor(bottom / per) * per, hi: Math.ceil(top / per) * per, per });
  const fits = (a: { lo: number; hi: number; per: number }) => (a.hi - a.lo) / a.per <= MAX_ATTAINMENT_STEPS;
  const { lo, hi, per } = STEPS_OF_5_PERCENT.map(axisOf).find(fits) ?? axisOf(20 * Math.ceil((top - bottom) / 20 / (MAX_ATTAINMENT_STEPS - 1)));
  return { min: lo / 20, max: hi / 20, interval: per / 20 };
}
