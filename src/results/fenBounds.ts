/**
 * The bounds fenRounding.ts rounds within, in whole fen above each amount's floor: a sum's exact
 * total's fen below and above (the fen itself within FEN_NOISE of it), and an amount's by phase.
 */
import type { Bounds } from "./fenFlow.js";

/** Within this of a whole fen an amount reads as that fen where the sums allow (solver noise); a sum's total is that fen. */
export const FEN_NOISE = 0.01;
/** Settling phases (fenFlow.ts): rows and near-whole amounts held, rows free, those amounts free; then set back. */
export const PHASES = 3;

/** The fen below and above `exact` (fen above the amounts' floors) and its nearest (`near`); that fen alone within FEN_NOISE of it. */
export function sumBounds(exact: number): { near: number; loose: Bounds } {
  const near = Math.round(exact);
  const whole = Math.abs(exact - near) < FEN_NOISE;
  return { near, loose: whole ? { lb: near, ub: near } : { lb: Math.floor(exact), ub: Math.ceil(exact) } };
}

/** A sum of amounts' bounds, `off` each amount's exact fen above its floor. */
export function totalBounds(members: readonly number[], off: readonly number[]): { near: number; loose: Bounds } {
  return sumBounds(members.reduce((s, i) => s + off[i], 0));
}

/** An amount's bounds by phase: one within FEN_NOISE of a whole fen is held at it until the last. */
export function amountBounds(off: number): Bounds[] {
  if (off >= FEN_NOISE && off <= 1 - FEN_NOISE) return [{ lb: 0, ub: 1 }];
  const near = off > 0.5 ? 1 : 0;
  return [...Array.from({ length: PHASES - 1 }, () => ({ lb: near, ub: near })), { lb: 0, ub: 1 }];
}
