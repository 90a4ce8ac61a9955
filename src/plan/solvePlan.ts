/**
 * Solves the planning model stage by stage (shortfall → cost → smoothing), fixing each optimum
 * within the scenario's tolerance, then collects the duals used as shadow prices:
 *   - shortfall-stage duals (targets gained per unit of budget / slot), and
 *   - cost-stage duals (government money per unit of target, saved per unit of budget).
 * Integer plans take their duals from the LP relaxation of the same stage (see docs/model.md).
 * A stage that is infeasible triggers the elastic diagnosis instead of an error.
 */
import { buildPlanningModel, type PlanningModel } from "../model/build.js";
import type { LinearModel } from "../model/types.js";
import type { Scenario } from "../scenario/types.js";
import type { SolveResult, SolverAdapter } from "../solve/types.js";
import { type Conflict, diagnoseInfeasibility } from "./elastic.js";
import { evaluate, isInteger, relaxIntegers, type StageOptimum, stageModel } from "./stageModels.js";

export interface StageReport {
  stage: string;
  status: SolveResult["status"];
  objective: number;
  solver: string;
  seconds: number;
  rows: number;
  columns: number;
}

export type DualMethod = "lp" | "lp_relaxation" | "none";

export interface PlanSolution {
  status: "optimal" | "infeasible" | "error";
  pm: PlanningModel;
  stages: StageReport[];
  /** Final primal (after the last stage); empty when infeasible. */
  primal: Float64Array;
  /** Row duals of the shortfall stage and of the cost stage, over the base rows; null when unavailable. */
  shortfallDuals: Float64Array | null;
  costDuals: Float64Array | null;
  dualMethod: DualMethod;
  conflicts: Conflict[];
  /** Stages that stopped at the time limit with their best plan, etc. */
  warnings: string[];
  message?: string;
}

export interface SolvePlanOptions {
  /** Chooses the adapter for a given linear model (size, integrality). */
  pickSolver: (model: LinearModel) => SolverAdapter;
  /** Adapter able to return duals (HiGHS) for the shadow-price re-solves. */
  dualSolver: SolverAdapter;
  /** Skip the dual re-solves (Monte Carlo re-optimisation needs only the plan). */
  duals?: boolean;
  /** Solve only the first N stages (re-optimisation skips smoothing). */
  stages?: number;
}

export async function solvePlan(scenario: Scenario, options: SolvePlanOptions): Promise<PlanSolution> {
  const pm = buildPlanningModel(scenario);
  return solveStages(pm, options);
}

export async function solveStages(pm: PlanningModel, options: SolvePlanOptions): Promise<PlanSolution> {
  const optima: StageOptimum[] = [];
  const stages: StageReport[] = [];
  const duals: (Float64Array | null)[] = [];
  const warnings: string[] = [];
  let primal: Float64Array = new Float64Array(pm.ctx.model.variables.length);
  const integer = isInteger(pm.ctx.model);
  for (let i = 0; i < Math.min(pm.stages.length, options.stages ?? Infinity); i++) {
    const model = stageModel(pm, i, optima);
    const solver = options.pickSolver(model);
    const { mipGap, timeLimitSeconds } = pm.ctx.scenario.objective;
    const result = await solver.solve(model, { mipGap, timeLimitSeconds });
    stages.push({
      stage: pm.stages[i].name,
      status: result.status,
      objective: result.objective,
      solver: result.solver,
      seconds: result.seconds,
      rows: model.rows.length,
      columns: model.variables.length,
    });
    if (result.status === "infeasible") {
      const conflicts = await diagnoseInfeasibility(model, pm.ctx.scenario, options.dualSolver);
      return { status: "infeasible", pm, stages, primal: new Float64Array(0), shortfallDuals: null, costDuals: null, dualMethod: "none", conflicts, warnings };
    }
    if (result.status === "time_limit") {
      warnings.push(`stage ${pm.stages[i].name} stopped at the ${pm.ctx.scenario.objective.timeLimitSeconds} s time limit; its best plan is kept (objective ${result.objective}), not proven optimal`);
    } else if (result.status !== "optimal") {
      return { status: "error", pm, stages, primal: new Float64Array(0), shortfallDuals: null, costDuals: null, dualMethod: "none", conflicts: [], warnings, message: `stage ${pm.stages[i].name}: ${result.status}${result.message ? ` (${result.message})` : ""}` };
    }
    primal = result.primal;
    const objective = pm.stages[i].objective;
    optima.push({ objective, value: evaluate(objective, primal), stage: pm.stages[i].name });
    if (options.duals !== false && i < 2) duals.push(await stageDuals(model, result, integer, options.dualSolver));
  }
  const baseRows = pm.ctx.model.rows.length;
  const trim = (d: Float64Array | null | undefined) => (d ? d.slice(0, baseRows) : null);
  return {
    status: "optimal",
    pm,
    stages,
    primal,
    shortfallDuals: trim(duals[0]),
    costDuals: trim(duals[1]),
    dualMethod: options.duals === false ? "none" : integer ? "lp_relaxation" : "lp",
    conflicts: [],
    warnings,
  };
}

/** Duals of a stage: from its own solve when it is an LP with duals, else from the LP relaxation. */
async function stageDuals(
  model: LinearModel,
  result: SolveResult,
  integer: boolean,
  dualSolver: SolverAdapter,
): Promise<Float64Array | null> {
  if (!integer && result.duals) return result.duals;
  if (result.status === "time_limit") return null;
  const relaxed = await dualSolver.solve(relaxIntegers(model));
  return relaxed.status === "optimal" ? relaxed.duals : null;
}
