/**
 * explain's budget prices checked by re-planning. HiGHS's ranging gives the interval over which
 * the plan's basis — and so each price — is certain; on these degenerate optima that interval is
 * often a few 万元 while the price holds for far more (a finance office re-planned +20亿 on a
 * budget whose price was "certain up to +28.7万" and got exactly the price), and now and then the
 * price does stop soon after (a county leaf with four communities of stock left). So each budget
 * line explain prints is re-planned with its budget moved by the step it quotes, 1亿元, and the
 * line says what that re-plan gave and whether the price held for the whole step. Lines priced
 * only downwards, and lines whose re-plan is not a proven optimum, keep their price alone.
 *
 * One session: the plan is solved once and its basis kept; every re-plan starts from that basis
 * (as Monte Carlo re-optimisation does), so a line's figures do not depend on the lines before it.
 */
import { MONEY_UNIT } from "../model/context.js";
import { ANCHOR_SLOT, StagedSession } from "../plan/stagedSession.js";
import type { StageRun } from "../plan/stageRun.js";
import { isMet } from "../results/numbers.js";
import type { PlanSolution } from "../plan/solvePlan.js";
import type { SolverChoice } from "../solve/auto.js";
import type { ExplainedRow, TargetGain } from "./explainTypes.js";

/** Relative agreement of a re-plan's objective change with price × step for "the price holds". */
const LINEAR = 1e-6;
const STEP_ROWS = 1e8 / MONEY_UNIT;

/**
 * Re-plans the first `top` budget lines of each stage (the ones explain prints) and orders those
 * lines by what their step bought. Lines of other families are returned as they are.
 */
export async function replanBudgetLines(sol: PlanSolution, rows: ExplainedRow[], top: number, solver: SolverChoice): Promise<ExplainedRow[]> {
  // Lines priced for more money: a line priced only downwards (a degenerate basis) keeps its price,
  // as 1亿元 less would take many budgets below zero.
  const picked = (["shortfall", "cost"] as const)
    .flatMap((stage) => rows.filter((r) => r.stage === stage && r.family === "budgets").slice(0, top))
    .filter((r) => r.sign > 0);
  const { pm } = sol;
  // Whole-unit plans: a re-plan is an integer programme whose own gap exceeds what a step moves.
  if (picked.length === 0 || sol.status !== "optimal" || pm.model.variables.some((v) => v.integer)) return rows;
  const cost = pm.stages.findIndex((s) => s.name === "cost");
  // Up to the cost stage: no printed figure comes from the smoothing stage (5.7 s against 32.5 s
  // for 80 lines on Guangdong).
  const stages = cost + 1;
  const staged = StagedSession.open(pm, solver);
  try {
    const base = await staged.run({ duals: false, stages });
    if (!proven(base)) return rows;
    await staged.keepBasis(ANCHOR_SLOT);
    for (const r of picked) {
      const row = pm.model.rows[r.index];
      await staged.setRowBounds([{ index: r.index, lb: row.lb, ub: row.ub + STEP_ROWS }]);
      const moved = await staged.run({ duals: false, stages, firstFrom: ANCHOR_SLOT });
      await staged.setRowBounds([{ index: r.index, lb: row.lb, ub: row.ub }]);
      if (!proven(moved)) continue; // the line keeps its price; its text does not claim a re-plan
      const stage = r.stage === "shortfall" ? 0 : cost;
      const duals = r.stage === "shortfall" ? sol.shortfallDuals : sol.costDuals;
      const change = moved.optima[stage].value - base.optima[stage].value;
      const predicted = (duals?.[r.index] ?? 0) * STEP_ROWS;
      r.replanned = {
        linear: Math.abs(change - predicted) <= LINEAR * Math.max(Math.abs(predicted), Math.abs(base.optima[stage].value) * 1e-3, 1e-9),
        share: predicted !== 0 ? change / predicted : 1,
        gains: r.stage === "shortfall" ? targetGains(sol, r, base.primal, moved.primal) : [],
        met: r.stage === "shortfall" ? newlyMet(sol, base.primal, moved.primal) : [],
        saved: r.stage === "cost" ? -change * MONEY_UNIT : 0,
        // Nine significant digits: lines that bought the same keep the marginal-price order, not float noise's.
        improvement: Number((-change).toPrecision(9)),
      };
    }
  } finally {
    await staged.dispose();
  }
  // The re-planned lines keep their places among the stage's budget lines, ordered by what the step bought.
  const out = [...rows];
  for (const stage of ["shortfall", "cost"] as const) {
    const lines = picked.filter((r) => r.stage === stage);
    const places = lines.map((r) => out.indexOf(r));
    const ordered = [...lines].sort((a, b) => improvement(b) - improvement(a));
    places.forEach((at, k) => (out[at] = ordered[k]));
  }
  return out;
}

/** An optimal run whose every stage was proven (none stopped at its time limit). */
function proven(run: StageRun): boolean {
  return run.status === "optimal" && run.stages.every((s) => s.status === "optimal");
}

/** A line not re-planned (the re-plan failed) sorts last among the re-planned. */
function improvement(r: ExplainedRow): number {
  return r.replanned?.improvement ?? -Infinity;
}

/** Targets missed before the step and met after it. */
function newlyMet(sol: PlanSolution, before: Float64Array, after: Float64Array): string[] {
  const { ctx } = sol.pm;
  return ctx.scenario.targets.flatMap((t, ti) => {
    const v = ctx.index.shortfall[ti];
    return v >= 0 && !isMet(before[v], t.atLeast) && isMet(after[v], t.atLeast) ? [t.id] : [];
  });
}

/** What the re-plan added to each missed target (−Δ shortfall), the line's own target first. */
function targetGains(sol: PlanSolution, r: ExplainedRow, before: Float64Array, after: Float64Array): TargetGain[] {
  const { ctx } = sol.pm;
  const gains = ctx.scenario.targets.flatMap((t, ti): TargetGain[] => {
    const v = ctx.index.shortfall[ti];
    const value = v < 0 ? 0 : before[v] - after[v];
    return Math.abs(value) > 1e-9 * Math.max(1, t.atLeast) ? [{ target: t.id, unit: `${t.metric} of ${t.id}`, value }] : [];
  });
  return gains.sort((a, b) => Number(b.unit === r.unit) - Number(a.unit === r.unit));
}
