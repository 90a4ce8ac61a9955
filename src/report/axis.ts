/** Axis label formatters shared by the charts (functions run at render time, in Node). */
import { grouped, type MoneyUnit, UNIT_YUAN } from "../format/numbers.js";
import type { Lang } from "./svgChart.js";

/** Large counts in 万 (zh) or k/M (en): 1,420,000 → "142万" / "1.42M". */
export function countAxis(lang: Lang): (v: number) => string {
  return (v: number) => {
    const a = Math.abs(v);
    if (lang === "zh") return a >= 1e4 ? `${grouped(v / 1e4, 1)}万` : grouped(v, 1);
    if (a >= 1e6) return `${grouped(v / 1e6, 2)}M`;
    return a >= 1e4 ? `${grouped(v / 1e3, 1)}k` : grouped(v, 1);
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
