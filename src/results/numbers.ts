/**
 * How solved values become reported numbers: rounding that keeps CSVs stable, whole units for
 * integer programmes, and the tolerances for "binding" and "met". One place, so the plan tables,
 * Monte Carlo and finance tools agree on every threshold.
 */
import type { Expr } from "../model/context.js";
import { MONEY_UNIT } from "../model/context.js";
import { REPORT_TOLERANCE } from "./tolerance.js";

/** Met means within 1e-6 relative of the target (solver tolerance), so 8006.9999999 counts. */
export const MET_TOLERANCE = 1e-6;

/** Whether a target of `atLeast` short by `shortfall` counts as met: the one rule every output uses. */
export function isMet(shortfall: number, atLeast: number): boolean {
  return shortfall <= MET_TOLERANCE * Math.max(1, atLeast);
}

export function valueOf(e: Expr, primal: Float64Array): number {
  let s = e.constant;
  for (const t of e.terms) s += t.c * primal[t.v];
  return s;
}


/** Whole units for integer programmes; otherwise keep 6 decimals so CSVs are stable. */
export function roundUnits(x: number, integer: boolean): number {
  if (Math.abs(x) < REPORT_TOLERANCE.units) return 0;
  return integer ? Math.round(x) : round(x, 6);
}

/** A model amount (万元) as reported yuan: to the fen, and 0 below the reporting tolerance. */
export function reportYuan(tenThousands: number): number {
  const yuan = tenThousands * MONEY_UNIT;
  return Math.abs(yuan) < REPORT_TOLERANCE.yuan ? 0 : round(yuan, 2);
}

/** part / whole of two reported values, to 6 decimals; 0 when the whole reads as nothing. */
export function shareOf(part: number, whole: number): number {
  return whole > 0 ? round(part / whole, 6) : 0;
}

/** Yuan as whole fen (an integer): reported amounts are added in fen, so no float drift enters a total. */
export function fen(yuan: number): number {
  return Math.round(yuan * 100);
}

/** Σ of amounts already to the fen, exactly: what a reader adding up the column gets. */
export function sumYuan(amounts: Iterable<number>): number {
  let total = 0;
  for (const a of amounts) total += fen(a);
  return total / 100;
}

export function round(x: number, digits: number): number {
  const k = 10 ** digits;
  const r = Math.round(x * k) / k;
  return r === 0 ? 0 : r; // no "-0" in CSVs
}

/**
 * A budget is binding when less than 1 yuan (or a millionth of it, for large budgets) is left:
 * stage tolerances let later stages give back a few yuan, which is not slack a planner could use.
 * A budget with nothing to spend (0, nothing carried in — read as reported, so solver noise carried
 * in counts as nothing) holds nothing back and is not binding. Amounts in 万元.
 */
export function isBinding(available: number, used: number): boolean {
  return reportYuan(available) > 0 && available - used <= Math.max(1 / MONEY_UNIT, 1e-6 * Math.abs(available));
}
