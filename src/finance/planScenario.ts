/**
 * Plans an already-normalised scenario (no file, nothing written) exactly as `simulate` does:
 * build → solve stages → extract tables → diagnostics. The finance tools re-plan transformed
 * scenarios through this one function so a 0 % cut gives the base plan's very tables.
 */
import { buildPlanningModel } from "../model/build.js";
import { diagnosticsOf } from "../pipeline.js";
import { type PlanSolution, solveStages } from "../plan/solvePlan.js";
import type { SolverChoice } from "../solve/auto.js";
import { extractTables } from "../results/extract.js";
import type { PlanTables } from "../results/types.js";
import type { Scenario } from "../scenario/types.js";

export interface PlannedScenario {
  scenario: Scenario;
  solution: PlanSolution;
  tables: PlanTables;
}

export async function planScenario(scenario: Scenario, solver: SolverChoice = "auto"): Promise<PlannedScenario> {
  const solution = await solveStages(buildPlanningModel(scenario), solver);
  const tables: PlanTables = solution.status === "optimal"
    ? extractTables(solution)
    : { plan: [], funding: [], budgets: [], capacity: [], targets: [], diagnostics: [] };
  tables.diagnostics = diagnosticsOf(solution, tables);
  return { scenario, solution, tables };
}

/** Stage-1 optimum (weighted, target-normalised shortfall); +∞ when no plan exists. */
export function shortfallObjective(planned: PlannedScenario): number {
  const stage = planned.solution.stages.find((s) => s.stage === "shortfall");
  return planned.solution.status === "optimal" && stage ? stage.objective : Infinity;
}

/** True when the plan exists and meets every target (soft ones included). */
export function meetsEveryTarget(planned: PlannedScenario): boolean {
  return planned.solution.status === "optimal" && planned.tables.targets.every((t) => t.met);
}
