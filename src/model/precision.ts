/**
 * How precisely an integer plan's stages are solved and held: half a unit. A plan in whole
 * communities cannot be more exact than that, and near a zero optimum (every target met, a flat
 * programme) a relative MIP gap never closes: these absolute gaps end the search there instead.
 *   shortfall: the score of half a unit of the target where half a unit weighs least —
 *              0.5 · min_t (w_t / T_t) · size_t, size_t = 1 unit, or the fewest households per unit
 *              of the target's leaves for a households metric; a shortfall inside that is re-solved
 *              to half the households step (their gcd), which units of other sizes can close;
 *   smoothing: half a unit of year-on-year change in the largest leaf, 0.5 / max(1, stock).
 * The cost stage keeps the relative gap: its objective is large (money), never near zero.
 */
import type { ModelContext } from "./context.js";

export function shortfallPrecision(ctx: ModelContext): number | undefined {
  return halfStep(ctx, (sizes) => Math.min(...sizes));
}

/**
 * The shortfall stage's finer precision (Stage.fineAbsGap): half the step by which whole units can
 * change a households count — the greatest common divisor of the leaves' households per unit (600
 * and 450 → 150) — where that is finer than shortfallPrecision; undefined otherwise.
 */
export function shortfallFinePrecision(ctx: ModelContext): number | undefined {
  const fine = halfStep(ctx, householdsStep);
  const coarse = shortfallPrecision(ctx);
  return fine !== undefined && coarse !== undefined && fine < coarse ? fine : undefined;
}

/** 0.5 · min_t (w_t / T_t) · size_t over the soft targets, a households target's size from its leaves' sizes. */
function halfStep(ctx: ModelContext, householdsSize: (sizes: number[]) => number): number | undefined {
  const weights = ctx.scenario.targets.flatMap((t) => {
    if (t.kind !== "soft") return [];
    const leaves = ctx.leafProgramsIn(t.region, [t.program]);
    const size = t.metric.startsWith("households") ? householdsSize(leaves.map((lp) => lp.leaf.householdsPerUnit)) : 1;
    return leaves.length > 0 && Number.isFinite(size) ? [(t.weight / t.atLeast) * size] : [];
  });
  return weights.length > 0 ? 0.5 * Math.min(...weights) : undefined;
}

/** The gcd of whole households per unit; the fewest where they are not whole (no finer step is known). */
function householdsStep(sizes: number[]): number {
  if (!sizes.every((s) => Number.isInteger(s) && s > 0)) return Math.min(...sizes);
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  return sizes.reduce(gcd);
}

export function smoothingPrecision(ctx: ModelContext): number | undefined {
  if (ctx.leafPrograms.length === 0) return undefined;
  return 0.5 / Math.max(1, ...ctx.leafPrograms.map((lp) => lp.leaf.stock));
}
