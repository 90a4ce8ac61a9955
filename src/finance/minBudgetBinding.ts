/**
 * min_budget_binding.csv: the rows that hold the minimum budget up — non-zero duals of the min-λ
 * stage, in planning words. The stage objective is (minimum selected budget) / (today's selected
 * budget) in both modes, so dual × today's total is the change in the minimum budget (yuan) per unit
 * more of the row's limit: > 0 for targets (asking more costs money), < 0 for limits (more capacity
 * or fixed money saves selected money). A budget's price is quoted per its own money step
 * (priceStepYuan of the budget at λ: a county's 220万 per 100万元, not per 1亿元, which stretched a
 * marginal price far past the money there is); other money rows per 1亿元. Rows are ordered by
 * their price per yuan.
 *
 * A whole-unit plan's duals are its LP relaxation's, so only rows that bind the plan are listed, by
 * the rules explain uses: a budget when min_budget.csv's plan spends its year's money, or carries it
 * on to a year where it runs out and the relaxation prices both alike (carriedBudget.ts); any other
 * row when tight in the plan with something paid or due (rowActivity.ts).
 */
import { MONEY_UNIT } from "../model/context.js";
import { rowName } from "../model/names.js";
import { bindsAt } from "../model/rowActivity.js";
import type { ConstraintFamily, Row } from "../model/types.js";
import { formatMoney } from "../format/numbers.js";
import { priceStepYuan } from "../format/priceSteps.js";
import { describeRow, describeRowZh, isMoneyRow, Namer } from "../plan/describe.js";
import { round } from "../results/numbers.js";
import type { Scenario } from "../scenario/types.js";
import { alikePrice, bindsWithPrices, type CarryingBudget, entryOfRow } from "./carriedBudget.js";
import type { MinBudgetModel } from "./minBudget.js";
import { stepWords } from "./minBudgetStep.js";

export interface BindingRow {
  family: string;
  where: string;
  what: string;
  /** `what` in Chinese (for the workbook and Chinese readers), as diagnostics.csv's message_zh. */
  what_zh: string;
  /** Change of the minimum selected budget (yuan) per one more `per` of the row's limit. */
  min_budget_change_yuan: number;
  per: string;
  /** What one `per` is, in words for the printed report (minBudgetStep.ts); not a CSV column. */
  step: string;
}

/** The min-λ stage's duals and the point they were taken at (a whole-unit plan's: its relaxation's). */
export interface MinLambdaDuals {
  duals: Float64Array;
  /** The min-λ stage's plan, whole units snapped. */
  primal: Float64Array;
  relaxed: boolean;
}

const EXPLAINED = new Set<ConstraintFamily>(["targets", "budgets", "capacity", "shares", "resident_cap", "links", "stock", "start_limits"]);

/** `written`: every budget entry of the plan min_budget.csv reports (its used and carried money). */
export function bindingRows(mb: MinBudgetModel, scenario: Scenario, at: MinLambdaDuals, written: readonly CarryingBudget[]): BindingRow[] {
  const { duals, primal } = at;
  const namer = new Namer(scenario);
  const total = mb.scales.reduce((s, c) => s + c.amount, 0);
  const scaled = new Map(mb.scaled.map((b) => [b.row, b.amount * primal[b.scale]]));
  const bindsPlan = at.relaxed ? bindsWrittenPlan(mb, scenario, at, written) : () => true;
  const out: (BindingRow & { order: number; perYi: number })[] = [];
  mb.model.rows.forEach((row, i) => {
    const family = row.ref.family;
    if (!EXPLAINED.has(family) || i >= duals.length || Math.abs(duals[i]) <= 1e-9) return;
    if (!bindsPlan(row)) return;
    const money = isMoneyRow(row);
    // A budget's amount in yuan: a selected one at λ, another its bound.
    const budget = family !== "budgets" ? null : scaled.get(i) ?? (Number.isFinite(row.ub) ? Math.max(0, row.ub * MONEY_UNIT) : null);
    const step = money ? priceStepYuan(budget) : 0;
    const per = money ? formatMoney(step) : family === "capacity" ? "slot" : family === "targets" ? "target unit" : "unit";
    out.push({
      family,
      where: rowName(row),
      what: describeRow(row, scenario, namer),
      what_zh: describeRowZh(row, scenario, namer),
      min_budget_change_yuan: round(duals[i] * total * (money ? step / MONEY_UNIT : 1), 2),
      per,
      step: stepWords(row, per, scenario, namer),
      order: family === "targets" ? 0 : 1,
      perYi: Math.abs(duals[i] * total * (money ? 1e8 / MONEY_UNIT : 1)),
    });
  });
  return out
    .sort((a, b) => a.order - b.order || b.perYi - a.perYi || a.where.localeCompare(b.where))
    .map(({ order: _, perYi: __, ...r }) => r);
}

/**
 * Whether a row the relaxation prices binds the whole-unit plan: a budget by the written plan's
 * money, carried money compared by its min-λ price per yuan; another row when tight in the plan.
 */
function bindsWrittenPlan(mb: MinBudgetModel, scenario: Scenario, at: MinLambdaDuals, written: readonly CarryingBudget[]): (row: Row) => boolean {
  const rowOf = new Map(mb.pm.ctx.index.budgetRows.map((b) => [`${scenario.sources[b.source].id}|${b.region}|${b.year}`, b.row]));
  const price = (b: CarryingBudget) => {
    const i = rowOf.get(`${b.source}|${b.region}|${b.year}`);
    return i === undefined ? 0 : at.duals[i];
  };
  // Per yuan of the minimum budget, as the file quotes it, so that the millionth is of the price.
  const total = mb.scales.reduce((s, c) => s + c.amount, 0);
  const pricedAlike = (a: CarryingBudget, b: CarryingBudget) => alikePrice(price(a) * total / MONEY_UNIT, price(b) * total / MONEY_UNIT);
  return (row) => {
    const entry = entryOfRow(row, written);
    return entry ? bindsWithPrices(entry, written, pricedAlike) : bindsAt(row, at.primal);
  };
}
