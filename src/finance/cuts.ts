/**
 * Budget cuts and scales as pure transforms of the normalised scenario: the selected budget
 * amounts are multiplied by a factor, nothing else changes, the input is not modified. A factor of
 * exactly 1 returns the very same scenario, so a 0 % cut plans exactly like the base.
 */
import { round } from "../results/numbers.js";
import type { Scenario } from "../scenario/types.js";
import { type BudgetSelection, selectsBudget } from "./selection.js";

/** A uniform factor, or one factor per year (years not listed keep factor 1). */
export type BudgetFactor = number | ReadonlyMap<number, number>;

/**
 * A budget of `amount` yuan scaled by `factor`, to the fen, as a planner writes it: the one rule for
 * every scaled budget, the ones planned (stress's cuts, min-budget's plan at λ) and the ones reported
 * (min_budget.csv's minimum), so a plan with min_budget.csv's budgets is min-budget's own plan.
 */
export function scaledAmount(amount: number, factor: number): number {
  return round(amount * factor, 2);
}

export function scaleBudgets(scenario: Scenario, sel: BudgetSelection, factor: BudgetFactor): Scenario {
  const factorIn = (year: number) => (typeof factor === "number" ? factor : (factor.get(year) ?? 1));
  if (typeof factor === "number" ? factor === 1 : [...factor.values()].every((f) => f === 1)) return scenario;
  return {
    ...scenario,
    sources: scenario.sources.map((source) => {
      if (!sel.sourceIds.includes(source.id)) return source;
      return {
        ...source,
        budgets: source.budgets.map((b) =>
          selectsBudget(sel, source, b) ? { ...b, amount: scaledAmount(b.amount, factorIn(b.year)) } : b,
        ),
      };
    }),
  };
}

/** Cut the selected budgets by `cut` (0.2 = 20 % less). */
export function cutBudgets(scenario: Scenario, sel: BudgetSelection, cut: number): Scenario {
  return scaleBudgets(scenario, sel, 1 - cut);
}

/** Total of the selected budgets (yuan), optionally per year. */
export function selectedBudgetTotal(scenario: Scenario, sel: BudgetSelection, year?: number): number {
  let total = 0;
  for (const s of scenario.sources) {
    for (const b of s.budgets) {
      if (selectsBudget(sel, s, b) && (year === undefined || b.year === year)) total += b.amount;
    }
  }
  return total;
}

/** Money a cut removes from the selected budgets (yuan). */
export function moneyCut(scenario: Scenario, sel: BudgetSelection, cut: number): number {
  return selectedBudgetTotal(scenario, sel) * cut;
}
