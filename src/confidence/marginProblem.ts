/**
 * The planning model with a planning margin per target (docs/confidence.md):
 *
 *   margin row t:   metric_t(plan) + margin_shortfall_t ≥ L_t          (L_t ≥ at_least_t)
 *   stages:         shortfall (the targets as written) → margin → cost → (smoothing)
 *   margin stage:   min Σ_t weight_t · margin_shortfall_t / at_least_t
 *
 * L_t is the value the plan aims at so that the target is met with the required probability once
 * costs, budgets, consent and slips turn out as sampled. The margin stage comes after the targets'
 * own shortfall stage, so a margin never costs another target its plan as written, and before the
 * cost stage, so margins are bought with money. A margin the plan cannot reach is short by its
 * `margin_shortfall` (the plan comes as close as it can); it never makes the model infeasible.
 * Margin rows and columns are appended after the planning model's, so every index of the
 * planning model (ModelIndex) still holds.
 */
import type { PlanningModel } from "../model/build.js";
import { targetMetric } from "../model/expressions.js";
import type { Row, Term, Variable } from "../model/types.js";
import type { BoundChange } from "../solve/types.js";

export interface MarginProblem {
  /** The planning model extended with margin rows, margin columns and the margin stage. */
  pm: PlanningModel;
  /** Per target (scenario order): its margin row and its margin_shortfall column. */
  marginRow: Int32Array;
  marginSlack: Int32Array;
  /** Per target: the metric's constant part (actual starts counted in it). */
  constant: Float64Array;
}

export function buildMarginProblem(base: PlanningModel): MarginProblem {
  const { ctx } = base;
  const targets = ctx.scenario.targets;
  const variables: Variable[] = [...base.model.variables];
  const rows: Row[] = [...base.model.rows];
  const marginRow = new Int32Array(targets.length);
  const marginSlack = new Int32Array(targets.length);
  const constant = new Float64Array(targets.length);
  const objective: Term[] = [];
  targets.forEach((t, ti) => {
    const metric = targetMetric(ctx, t);
    const slack = variables.length;
    variables.push({ lb: 0, ub: Infinity, integer: false, ref: { role: "margin_shortfall", target: t.id } });
    marginSlack[ti] = slack;
    marginRow[ti] = rows.length;
    constant[ti] = metric.constant;
    rows.push({ ref: { family: "margin", target: t.id }, terms: [...metric.terms, { v: slack, c: 1 }], lb: t.atLeast - metric.constant, ub: Infinity });
    objective.push({ v: slack, c: t.weight / t.atLeast });
  });
  const [shortfall, ...later] = base.stages;
  const pm: PlanningModel = {
    ctx,
    model: { ...base.model, variables, rows },
    stages: [shortfall, { name: "margin", objective }, ...later],
    settings: base.settings,
  };
  return { pm, marginRow, marginSlack, constant };
}

/** Row-bound changes that set every target's planned value L_t (target units). */
export function marginBounds(mp: MarginProblem, levels: ArrayLike<number>): BoundChange[] {
  return Array.from(mp.marginRow, (row, t) => ({ index: row, lb: levels[t] - mp.constant[t], ub: Infinity }));
}

/** The planned value of each target's metric at a primal point (target units). */
export function plannedValues(mp: MarginProblem, primal: Float64Array): Float64Array {
  const out = new Float64Array(mp.marginRow.length);
  mp.marginRow.forEach((r, t) => {
    let v = mp.constant[t];
    for (const term of mp.pm.model.rows[r].terms) if (term.v !== mp.marginSlack[t]) v += term.c * primal[term.v];
    out[t] = v;
  });
  return out;
}
