/**
 * stock: a leaf cannot start more units in the horizon than exist to be done.
 * start_limits: per-year minimum / maximum starts of a programme over a node's leaves, for years
 * in which some of those starts are still to be decided (recorded whole years are history).
 */
import type { ModelContext } from "../context.js";
import { startsIn } from "../expressions.js";
import { sumExpr } from "../context.js";

export function addStockConstraints(ctx: ModelContext): void {
  for (const lp of ctx.leafPrograms) {
    const started = sumExpr(ctx.years.map((y) => startsIn(ctx, lp, y)));
    ctx.index.stockRow[lp.index] = ctx.addRow({ family: "stock", region: lp.leaf.region, program: lp.program.id }, started, { ub: lp.leaf.stock });
  }
}

export function addStartLimitConstraints(ctx: ModelContext): void {
  for (const program of ctx.scenario.programs) {
    for (const limit of program.startLimits) {
      const lps = ctx.leafProgramsIn(limit.region, [program.id]);
      for (const year of limit.year === null ? ctx.years : [limit.year]) {
        const started = sumExpr(lps.map((lp) => startsIn(ctx, lp, year)));
        if (ctx.allFixed(started.terms)) continue; // starts already made are not limited after the fact
        ctx.addRow(
          { family: "start_limits", program: program.id, region: limit.region, year },
          started,
          { lb: limit.min ?? undefined, ub: limit.max ?? undefined },
        );
      }
    }
  }
}
