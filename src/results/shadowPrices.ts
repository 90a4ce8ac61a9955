/**
 * shadow_prices.csv: for every budget and capacity row with a price, what one more step of it buys
 * of each target, in that target's own units, and over which amounts the figure holds. A budget's
 * step is 1亿元, or the largest power of ten of yuan its price holds for (moneyPriceStep, the rule
 * of the printed summary and `explain`): 6,532 households per 1亿元 on a budget whose price holds
 * for +62.56万 read as 160 times what the money buys. A capacity's step is one slot. Tidy: one row
 * per limit and target; only non-zero gains.
 */
import type { ModelContext } from "../model/context.js";
import { rowName } from "../model/names.js";
import type { Namer } from "../plan/describe.js";
import type { PlanSolution } from "../plan/solvePlan.js";
import { round } from "./numbers.js";
import { targetGain, validity } from "./shadow.js";
import type { ShadowPriceRow } from "./types.js";
import { MONEY_UNIT } from "../model/context.js";
import { formatMoney } from "../format/numbers.js";
import { moneyPriceStep, priceStepYuan } from "../format/priceSteps.js";

export function extractShadowPrices(sol: PlanSolution, namer: Namer): ShadowPriceRow[] {
  if (!sol.targetResponse) return [];
  const ctx = sol.pm.ctx;
  const rows: ShadowPriceRow[] = [];
  for (const b of ctx.index.budgetRows) {
    const source = ctx.scenario.sources[b.source];
    const stepYuan = budgetStep(sol, b.row);
    const limit = { limit: "budget" as const, year: b.year, region: b.region, of: source.id, of_name: source.name, step: formatMoney(stepYuan), step_amount: stepYuan };
    rows.push(...perTarget(sol, ctx, namer, b.row, limit, stepYuan / MONEY_UNIT, MONEY_UNIT));
  }
  for (const c of ctx.index.capacityRows) {
    const cap = ctx.scenario.capacity[c.capacity];
    const limit = { limit: "capacity" as const, year: c.year, region: cap.region, of: cap.id, of_name: cap.id, step: "1 slot", step_amount: 1 };
    rows.push(...perTarget(sol, ctx, namer, c.row, limit, 1, 1));
  }
  return rows;
}

function perTarget(
  sol: PlanSolution,
  ctx: ModelContext,
  namer: Namer,
  row: number,
  limit: Pick<ShadowPriceRow, "limit" | "year" | "region" | "of" | "of_name" | "step" | "step_amount">,
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
      // Six significant digits: a step of a few yuan buys a ten-thousandth of a household.
      units_per_step: Number((gain * perStep).toPrecision(6)),
      valid_from: v ? round(v.from * amountScale, 2) : NaN,
      valid_to: v ? round(v.to * amountScale, 2) : NaN,
      method: sol.dualMethod,
    }];
  });
}

/**
 * The money step a budget's price is quoted for (moneyPriceStep, explain's and the summary's rule):
 * within the room above the budget over which it holds, or below it where it holds only there (a
 * price for money the plan would not use above); 1亿元 where the range says neither. The rooms are
 * the yuan this file writes (budget_yuan, valid_from, valid_to), so the summary, reading them,
 * finds the same step.
 */
function budgetStep(sol: PlanSolution, row: number): number {
  const v = validity(sol, row);
  const amount = sol.pm.ctx.model.rows[row].ub;
  if (!v || !Number.isFinite(amount)) return priceStepYuan(null);
  return budgetPriceStep(round(amount * MONEY_UNIT, 2), round(v.from * MONEY_UNIT, 2), round(v.to * MONEY_UNIT, 2))?.yuan ?? priceStepYuan(null);
}

/**
 * A budget's money step and its direction from its amount and the interval its price holds over
 * (yuan; NaN: unknown), as shadow_prices.csv writes them: up where a step fits above, else down.
 */
export function budgetPriceStep(budgetYuan: number, fromYuan: number, toYuan: number): { sign: 1 | -1; yuan: number } | null {
  const room = (r: number) => (Number.isNaN(r) ? null : r);
  return moneyPriceStep(room(toYuan - budgetYuan), room(budgetYuan - fromYuan), 1);
}
