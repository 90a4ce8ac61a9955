/**
 * The lexicographic objectives, in stage order:
 *   1. shortfall  — Σ_t weight_t · shortfall_t / at_least_t   (target-normalised, so targets in
 *                   households and in communities weigh alike)
 *   2. cost       — Σ cost_weight_s · funds_s                    (万元; government money by default)
 *   3. smoothing  — Σ_{l,p,y} (d⁺ + d⁻) / max(1, stock_l,p)      (optional; see addSmoothingTerms)
 */
import type { ModelContext } from "./context.js";
import type { Term } from "./types.js";

/**
 * `margin` (confidence planning), `hard` (annual re-planning) and `near` (stress's cut levels) are
 * added by problems built on the planning model.
 */
export type StageName = "shortfall" | "cost" | "smoothing" | "margin" | "hard" | "near";

export function shortfallObjective(ctx: ModelContext): Term[] {
  const terms: Term[] = [];
  ctx.scenario.targets.forEach((t, ti) => {
    const v = ctx.index.shortfall[ti];
    if (v >= 0) terms.push({ v, c: t.weight / t.atLeast });
  });
  return terms;
}

export function costObjective(ctx: ModelContext): Term[] {
  const { index } = ctx;
  const weight = ctx.scenario.sources.map((s) => s.costWeight);
  const terms: Term[] = [];
  for (let k = 0; k < index.funds.length; k++) {
    const v = index.funds[k];
    const w = weight[k % index.S];
    if (v >= 0 && w !== 0) terms.push({ v, c: w });
  }
  return terms;
}

/**
 * Smoothing: for every leaf-programme of a continuous programme and every horizon year after the
 * first, a row
 *   starts[y] − starts[y−1] − d⁺ + d⁻ = 0   (d⁺, d⁻ ≥ 0)
 * and the objective Σ (d⁺ + d⁻) / max(1, stock), so leaves of every size weigh by their share of
 * stock and a leaf with no stock does not divide by zero. Programmes with whole units are left out.
 */
export function addSmoothingTerms(ctx: ModelContext): Term[] {
  const terms: Term[] = [];
  for (const lp of ctx.leafPrograms) {
    // Whole-unit programmes are not smoothed: no whole-unit plan lies near the smoothed LP optimum
    // when budgets bind, and the smoothing MIP does not close in minutes (docs/model.md).
    if (lp.program.integer) continue;
    const scale = 1 / Math.max(1, lp.leaf.stock);
    ctx.years.slice(1).forEach((year, k) => {
      const h = k + 1;
      const key = { region: lp.leaf.region, program: lp.program.id, year };
      const up = ctx.addVariable({ lb: 0, ub: Infinity, integer: false, ref: { role: "smooth_up", ...key } });
      const down = ctx.addVariable({ lb: 0, ub: Infinity, integer: false, ref: { role: "smooth_down", ...key } });
      const now = ctx.index.startsCol(lp.index, h);
      const before = ctx.index.startsCol(lp.index, h - 1);
      ctx.addRow(
        { family: "smoothing", ...key },
        { terms: [{ v: now, c: 1 }, { v: before, c: -1 }, { v: up, c: -1 }, { v: down, c: 1 }], constant: 0 },
        { lb: 0, ub: 0 },
      );
      terms.push({ v: up, c: scale }, { v: down, c: scale });
    });
  }
  return terms;
}
