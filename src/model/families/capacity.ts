/**
 * capacity: Σ slots_per_unit · units active (started this year or within the spend profile before)
 * over the node's leaves and the programmes sharing the slots ≤ slots available that year.
 */
import type { ModelContext } from "../context.js";
import { activeUnits } from "../expressions.js";
import { scaleExpr, sumExpr } from "../context.js";

export function addCapacityConstraints(ctx: ModelContext): void {
  ctx.scenario.capacity.forEach((cap, c) => {
    const lps = ctx.leafProgramsIn(cap.region, cap.programs);
    for (const year of ctx.years) {
      const slots = cap.slots[year];
      if (slots === undefined) continue;
      const used = sumExpr(lps.map((lp) => scaleExpr(activeUnits(ctx, lp, year), lp.program.slotsPerUnit)));
      const row = ctx.addRow({ family: "capacity", capacity: cap.id, region: cap.region, year }, used, { ub: slots });
      ctx.index.capacityRows.push({ row, capacity: c, year });
    }
  });
}
