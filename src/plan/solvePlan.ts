/**
 * Solves the planning model stage by stage (shortfall → cost → smoothing) in one solver session
 * (stagedSession.ts), then reads the shadow prices from the duals:
 *   - shortfall-stage duals (targets gained per unit of budget / slot), and
 *   - cost-stage duals (weighted cost per unit of target, saved per unit of budget),
 * with their validity ranges. Integer plans take their duals from the LP relaxation of the same
 * stage (docs/model.md). An infeasible stage is diagnosed in planning words, not reported as an error.
 */
import type { PlanningModel } from "../model/build.js";
import type { SolverChoice } from "../solve/auto.js";
import type { RowRange } from "../solve/types.js";
import type { Label } from "../format/labels.js";
import { notSmoothed } from "./diagnosticText.js";
import { type Conflict, diagnoseInfeasibility } from "./elastic.js";
import { StagedSession } from "./stagedSession.js";
import { snapWholeUnits } from "./wholeUnitPlan.js";
import type { DualMethod, StageReport, StageRun } from "./stageRun.js";

export type { DualMethod, StageReport };

export interface PlanSolution {
  status: "optimal" | "infeasible" | "error";
  pm: PlanningModel;
  stages: StageReport[];
  /** Final primal (after the last stage; whole units snapped, wholeUnitPlan.ts); empty when infeasible. */
  primal: Float64Array;
  /** Row duals of the shortfall stage and of the cost stage, over the base rows; null when unavailable. */
  shortfallDuals: Float64Array | null;
  costDuals: Float64Array | null;
  /**
   * Over which bound values each base row's attainment prices hold (the shortfall stage's
   * ranging), and its cost-stage price (the cost stage's ranging); null without ranging.
   */
  validity: RowRange[] | null;
  costValidity: RowRange[] | null;
  /**
   * Per target (scenario order): d(planned value)/d(bound of each base row), in target units per
   * row unit, through every stage; null when unavailable. Zero for a met target.
   */
  targetResponse: (Float64Array | null)[] | null;
  dualMethod: DualMethod;
  /**
   * A whole-unit plan's LP relaxation (fractional units) at the last stage, whose basis gives
   * `targetResponse`: it can meet a target the plan misses. Null for an LP plan or without duals.
   */
  relaxedPrimal?: Float64Array | null;
  conflicts: Conflict[];
  /** Stages that stopped at the time limit with their best plan, etc., in both languages (run.json keeps the English). */
  warnings: Label[];
  message?: string;
}

export interface SolvePlanOptions {
  /** Skip duals and ranging (Monte Carlo re-optimisation needs only the plan). */
  duals?: boolean;
  /** Solve only the first N stages (re-optimisation skips smoothing). */
  stages?: number;
}

export async function solveStages(pm: PlanningModel, solver: SolverChoice, options: SolvePlanOptions = {}): Promise<PlanSolution> {
  const staged = StagedSession.open(pm, solver);
  try {
    return await solveInSession(staged, pm, options);
  } finally {
    await staged.dispose();
  }
}

/**
 * Runs the stages of `pm` in a session already open on it (callers that re-plan with changed
 * bounds keep one warm session, e.g. confidence planning) and reads the solution. The cost
 * stage's duals are found by name: problems built on the planning model may add stages.
 */
export async function solveInSession(staged: StagedSession, pm: PlanningModel, options: SolvePlanOptions = {}): Promise<PlanSolution> {
  const duals = options.duals !== false;
  // Only the shortfall and cost stages' ranges are reported (validity, costValidity).
  const ranging = duals ? [pm.stages[0].name, "cost"] : [];
  const run = await staged.run({ stages: options.stages, duals, ranging, sensitivity: duals ? responseColumns(pm) : [] });
  return solutionOf(run, pm);
}

/** The shortfall columns whose response to every row bound a run reports (targetResponse). */
function responseColumns(pm: PlanningModel): number[] {
  return [...pm.ctx.index.shortfall].filter((v) => v >= 0);
}

/**
 * A run of the stages read as a plan, and when a stage is infeasible, its diagnosis in planning
 * words (elastic.ts): every command that meets an infeasible stage — `simulate FILE`, and export
 * of a later stage — says what must give from here, not from a copy.
 */
export async function solutionOf(run: StageRun, pm: PlanningModel): Promise<PlanSolution> {
  const { shortfall } = pm.ctx.index;
  const columns = responseColumns(pm);
  const cost = pm.stages.findIndex((s) => s.name === "cost");
  const solution: PlanSolution = {
    status: run.status,
    pm,
    stages: run.stages,
    primal: run.status === "optimal" ? snapWholeUnits(pm.ctx, run.primal) : run.primal,
    shortfallDuals: run.duals[0] ?? null,
    costDuals: run.duals[cost] ?? null,
    validity: run.ranges[0] ?? null,
    costValidity: run.ranges[cost] ?? null,
    targetResponse: run.sensitivity
      ? [...shortfall].map((v) => (v < 0 ? null : run.sensitivity![columns.indexOf(v)].map((x) => (x === 0 ? 0 : -x))))
      : null,
    dualMethod: run.dualMethod,
    relaxedPrimal: run.relaxedPrimal,
    conflicts: [],
    warnings: [...smoothingNotice(pm), ...run.warnings],
    ...(run.message ? { message: run.message } : {}),
  };
  if (run.infeasible) solution.conflicts = await diagnoseInfeasibility(run.infeasible.model, pm.ctx.scenario, run.infeasible.iis);
  return solution;
}

/** objective.smoothing asked for, but some programmes are in whole units (those are not smoothed). */
function smoothingNotice(pm: PlanningModel): Label[] {
  const { scenario } = pm.ctx;
  const whole = scenario.programs.filter((p) => p.integer).map((p) => p.id);
  if (!scenario.objective.smoothing || whole.length === 0) return [];
  return [notSmoothed(whole)];
}
