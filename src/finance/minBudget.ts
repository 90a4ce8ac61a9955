/**
 * The minimum-budget model, built next to the planning model and as pure as it: the smallest
 * scale λ of the selected budgets for which every target is met, in one LP/MILP.
 *
 *   planning model, with every selected budget row   Σ funds + carry_out − carry_in ≤ B
 *   rewritten as                                      Σ funds + carry_out − carry_in − B·λ ≤ 0
 *   (λ = the column `budget_scale`, or `budget_scale[y]` per year with `perYear`), every soft
 *   target's shortfall fixed to 0 (soft targets become hard), and the objective
 *     uniform:   min λ
 *     per year:  min Σ_y (B_y / B) · λ_y   — the smallest total selected budget, as a share of today's.
 * The budgets at the optimum are B·λ (or B·λ_y). A second stage holds that optimum and minimises
 * the weighted cost (every source × its cost weight), like the planning model's stage 2; both run
 * in the one stage runner.
 */
import { buildPlanningModel, type PlanningModel } from "../model/build.js";
import { MONEY_UNIT } from "../model/context.js";
import type { LinearModel, Row, StagedProblem, Term, Variable } from "../model/types.js";
import type { Scenario } from "../scenario/types.js";
import { type BudgetSelection, selectsBudget } from "./selection.js";

export interface ScaledBudgetRow {
  /** Index of the budget row in the model. */
  row: number;
  source: string;
  region: string;
  year: number;
  /** Today's budget, yuan. */
  amount: number;
  /** Index of the scale column this row uses. */
  scale: number;
}

export interface ScaleColumn {
  v: number;
  /** null for the uniform scale. */
  year: number | null;
  /** Today's selected budget the column scales, yuan. */
  amount: number;
}

/** Two stages: `min_budget` (the scale) then `cost` (weighted cost, 万元). */
export interface MinBudgetModel extends StagedProblem {
  pm: PlanningModel;
  /** Planning variables (shortfalls fixed to 0) plus the scale columns. */
  model: LinearModel;
  scales: ScaleColumn[];
  scaled: ScaledBudgetRow[];
}

export function buildMinBudgetModel(scenario: Scenario, sel: BudgetSelection, perYear = false): MinBudgetModel {
  const pm = buildPlanningModel(scenario);
  const base = pm.ctx.model;
  // Soft targets become hard: a shortfall column that can only be 0.
  const variables: Variable[] = base.variables.map((v) => (v.ref.role === "shortfall" ? { ...v, ub: 0 } : v));
  const selected = pm.ctx.index.budgetRows.filter((b) =>
    selectsBudget(sel, scenario.sources[b.source].id, { region: b.region, year: b.year, amount: base.rows[b.row].ub * MONEY_UNIT }),
  );
  const years = perYear ? [...new Set(selected.map((b) => b.year))].sort((a, b) => a - b) : [null];
  const scales: ScaleColumn[] = years.map((year) => {
    const v = variables.length;
    variables.push({ lb: 0, ub: Infinity, integer: false, ref: { role: "budget_scale", year } });
    return { v, year, amount: 0 };
  });
  const rows: Row[] = [...base.rows];
  const scaled: ScaledBudgetRow[] = [];
  for (const b of selected) {
    const row = base.rows[b.row];
    const column = scales.find((s) => s.year === null || s.year === b.year)!;
    // row.ub is the budget in 万元: the row keeps its terms and gains −B·λ, bounded by 0.
    rows[b.row] = { ...row, terms: [...row.terms, { v: column.v, c: -row.ub }], ub: 0 };
    const amount = row.ub * MONEY_UNIT;
    column.amount += amount;
    scaled.push({ row: b.row, source: scenario.sources[b.source].id, region: b.region, year: b.year, amount, scale: column.v });
  }
  const total = scales.reduce((s, c) => s + c.amount, 0);
  const objective: Term[] = perYear
    ? scales.map((c) => ({ v: c.v, c: total > 0 ? c.amount / total : 1 }))
    : [{ v: scales[0].v, c: 1 }];
  return {
    pm,
    model: { variables, rows, objective, objectiveConstant: 0 },
    stages: [{ name: "min_budget", objective }, { name: "cost", objective: pm.stages[1].objective }],
    settings: scenario.objective,
    scales,
    scaled,
  };
}
