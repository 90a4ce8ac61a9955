/**
 * The lexicographic objectives, in stage order:
 *   1. shortfall  — Σ_t weight_t · shortfall_t / at_least_t   (target-normalised, so targets in
 *                   households and in communities weigh alike)
 *   2. cost       — Σ cost_weight_s · funds_s                    (万元; government money by default)
 *   3. smoothing  — Σ |starts[y] − starts[y−1]| / stock          (optional)
 */
import type { ModelContext } from "./context.js";
import { nameOf, shortfallName, startsName } from "./names.js";
import type { Term } from "./types.js";

export type StageName = "shortfall" | "cost" | "smoothing";

export function shortfallObjective(ctx: ModelContext): Term[] {
  return ctx.scenario.targets
    .filter((t) => t.kind === "soft")
    .map((t) => ({ v: ctx.lookup(shortfallName(t.id))!, c: t.weight / t.atLeast }));
}

export function costObjective(ctx: ModelContext): Term[] {
  const weight = new Map(ctx.scenario.sources.map((s) => [s.id, s.costWeight]));
  const terms: Term[] = [];
  ctx.model.variables.forEach((v, i) => {
    if (v.role !== "funds") return;
    const w = weight.get(String(v.key.source)) ?? 0;
    if (w !== 0) terms.push({ v: i, c: w });
  });
  return terms;
}

/** Adds d⁺/d⁻ deviation columns and rows for year-on-year changes in each leaf's starts. */
export function addSmoothingTerms(ctx: ModelContext): Term[] {
  const terms: Term[] = [];
  for (const lp of ctx.leafPrograms) {
    const scale = 1 / Math.max(1, lp.leaf.stock);
    for (const year of ctx.years.slice(1)) {
      const key = { region: lp.leaf.region, program: lp.program.id, year };
      const up = ctx.addVariable({ name: nameOf("smooth_up", lp.leaf.region, lp.program.id, year), role: "smooth", lb: 0, ub: Infinity, integer: false, key });
      const down = ctx.addVariable({ name: nameOf("smooth_down", lp.leaf.region, lp.program.id, year), role: "smooth", lb: 0, ub: Infinity, integer: false, key });
      const now = ctx.lookup(startsName(lp.leaf.region, lp.program.id, year))!;
      const before = ctx.lookup(startsName(lp.leaf.region, lp.program.id, year - 1))!;
      ctx.addRow(
        "smoothing",
        nameOf("smooth", lp.leaf.region, lp.program.id, year),
        { terms: [{ v: now, c: 1 }, { v: before, c: -1 }, { v: up, c: -1 }, { v: down, c: 1 }], constant: 0 },
        { lb: 0, ub: 0 },
        key,
      );
      terms.push({ v: up, c: scale }, { v: down, c: scale });
    }
  }
  return terms;
}
