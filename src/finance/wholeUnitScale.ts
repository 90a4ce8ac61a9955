/**
 * min-budget's λ for a scenario with whole-unit programmes, checked the way `simulate` plans it.
 *
 * The min-λ MILP proves that a whole-unit plan meeting every target exists at λ. `simulate` solves
 * its shortfall stage only to half a unit (docs/model.md, "Integer stages"), and at the breaking
 * point, where every such plan is tight, it can stop at one that misses a target by less than that
 * — the Guangzhou towns' greenway, a continuous programme, 82.6 of 83 km at λ = 0.9497, while a
 * plan meeting it was 34 s of branch and bound away. An office plans with `simulate`, so λ is
 * planned as `simulate` would and grown in 0.5 % steps until that plan meets every target.
 */
import type { PlannedScenario } from "../plan/planScenario.js";
import type { Scenario } from "../scenario/types.js";
import { scaleBudgets } from "./cuts.js";
import type { BudgetSelection } from "./selection.js";

/** Each step grows λ by this factor; after MAX_STEPS (≈ +10 %) the search gives up and says so. */
const STEP = 1.005;
const MAX_STEPS = 20;

export interface WholeUnitScale {
  /** The first scale, from λ up, at which the plan meets every target (λ itself when it does). */
  scale: number;
  /** The plan at `scale`; null when no step met every target. */
  planned: PlannedScenario | null;
  /** What the plan at λ missed, in planning words ("qgy-greenway 82.625 of 83"); empty when it met all. */
  missedAtLambda: string[];
}

/** `plan`: how `simulate` plans a scenario (planScenario; a test passes its own). */
export async function wholeUnitScale(
  scenario: Scenario, sel: BudgetSelection, lambda: number, plan: (s: Scenario) => Promise<PlannedScenario>,
): Promise<WholeUnitScale> {
  let missedAtLambda: string[] = [];
  for (let k = 0; k <= MAX_STEPS; k++) {
    const scale = lambda * STEP ** k;
    const planned = await plan(scaleBudgets(scenario, sel, scale));
    const missed = planned.solution.status === "optimal" ? planned.tables.targets.filter((t) => !t.met) : null;
    if (missed && missed.length === 0) return { scale, planned, missedAtLambda };
    if (k === 0) {
      missedAtLambda = missed ? missed.map((t) => `${t.target} ${round4(t.planned)} of ${t.target_value}`) : [`no plan (${planned.solution.status})`];
    }
  }
  return { scale: lambda, planned: null, missedAtLambda };
}

export function wholeUnitNotice(lambda: number, found: WholeUnitScale): string | null {
  if (found.missedAtLambda.length === 0) return null;
  const at = `a whole-unit plan meeting every target exists at λ = ${lambda.toFixed(4)}, but \`simulate\` at those budgets solves whole units to half a unit (docs/model.md "Integer stages") and its plan misses ${found.missedAtLambda.join(", ")}`;
  if (!found.planned) return `${at}; no plan up to ${(STEP ** MAX_STEPS * 100 - 100).toFixed(0)} % above λ met every target, so λ is reported as the MILP found it`;
  return `${at}; λ = ${found.scale.toFixed(4)} is the first 0.5 % step above it at which that plan meets every target, and is what this folder reports`;
}

function round4(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
