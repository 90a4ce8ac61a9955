/**
 * shadow_prices.csv: for every budget and capacity row with a price, what one more step of it
 * (1亿元, one slot) buys of each target, in that target's own units, and over which amounts the
 * figure holds. Tidy: one row per limit and target; only non-zero gains.
 */
import type { ModelContext } from "../model/context.js";
import { rowName } from "../model/names.js";
import type { Namer } from "../plan/describe.js";
import type { PlanSolution } from "../plan/solvePlan.js";
import { round } from "./numbers.js";
import { PER_100M, targetGain, validity } from "./shadow.js";
import type { ShadowPriceRow } from "./types.js";
import { MONEY_UNIT } from "../model/context.js";

export function extractShadowPrices(sol: PlanSolution, namer: Namer): ShadowPriceRow[] {
  if (!sol.targetResponse) return [];
  const ctx = sol.pm.ctx;
  const rows: ShadowPriceRow[] = [];
  for (const b of ctx.index.budgetRows) {
    const source = ctx.scenario.sources[b.source];
    const limit = { limit: "budget" as const, year: b.year, region: b.region, of: source.id, of_name: source.name, step: "1亿元" as const };
    rows.push(...perTarget(sol, ctx, namer, b.row, limit, PER_100M, MONEY_UNIT));
  }
  for (const c of ctx.index.capacityRows) {
    const cap = ctx.scenario.capacity[c.capacity];
    const limit = { limit: "capacity" as const, year: c.year, region: cap.region, of: cap.id, of_name: cap.id, step: "1 slot" as const };
    rows.push(...perTarget(sol, ctx, namer, c.row, limit, 1, 1));
  }
  return rows;
}

function perTarget(
  sol: PlanSolution,
  ctx: ModelContext,
  namer: Namer,
  row: number,
  limit: Pick<ShadowPriceRow, "limit" | "year" | "region" | "of" | "of_name" | "step">,
  perStep: number,
  amountScale: number,
): ShadowPriceRow[] {
  const v = validity(sol, row);
  return ctx.scenario.targets.flatMap((t, ti): ShadowPriceRow[] => {
    const gain = targetGain(sol, ti, row);
    if (gain === 0) return [];
    return [{
      ...limit,
      where: rowName(ctx.model.rows[row]),
      region_name: namer.name("region", limit.region),
      target: t.id,
      target_name: t.name,
      metric: t.metric,
      units_per_step: round(gain * perStep, 6),
      valid_from: v ? round(v.from * amountScale, 2) : NaN,
      valid_to: v ? round(v.to * amountScale, 2) : NaN,
      method: sol.dualMethod,
    }];
  });
}
