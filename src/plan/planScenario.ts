/**
 * Plans an already-normalised scenario (no file, nothing written) exactly as `simulate` does:
 * build → solve stages → extract tables → diagnostics. The finance tools re-plan transformed
 * scenarios through this one function so a 0 % cut gives the base plan's very tables.
 */
import { performance } from "node:perf_hooks";
import { buildPlanningModel } from "../model/build.js";
import { extractTables } from "../results/extract.js";
import type { SolverChoice } from "../solve/auto.js";
import { diagnosticsOf } from "./diagnostics.js";
import { buildNearProblem } from "./nearPlan.js";
import { type PlanSolution, solveStages } from "./solvePlan.js";
import type { PlanTables } from "../results/types.js";
import type { InputLocator } from "../scenario/inputPlace.js";
import type { Scenario } from "../scenario/types.js";

export interface PlannedScenario {
  scenario: Scenario;
  solution: PlanSolution;
  tables: PlanTables;
  /** Wall-clock seconds of model building and of solving (all stages, duals included). */
  seconds: { build: number; solve: number };
}

/** Plans one scenario: planScenario, or a stand-in that adds to it (stress's confidence margins). */
export type ScenarioPlanner = (scenario: Scenario) => Promise<PlannedScenario>;

/**
 * `locate` (from the loaded scenario) lets diagnostics.csv name the file and line of each limit.
 * `near`: an earlier plan of a scenario with the same regions and programmes; among the plans as
 * good on shortfall and cost, the one that moves fewest households from it (nearPlan.ts).
 */
export async function planScenario(scenario: Scenario, solver: SolverChoice = "auto", locate?: InputLocator, near?: PlanSolution): Promise<PlannedScenario> {
  const t0 = performance.now();
  const built = buildPlanningModel(scenario);
  const pm = near ? buildNearProblem(built, near) : built;
  const t1 = performance.now();
  const solution = await solveStages(pm, solver);
  const t2 = performance.now();
  const tables: PlanTables = solution.status === "optimal" ? extractTables(solution) : emptyTables();
  tables.diagnostics = diagnosticsOf(solution, tables, locate);
  return { scenario, solution, tables, seconds: { build: (t1 - t0) / 1000, solve: (t2 - t1) / 1000 } };
}

function emptyTables(): PlanTables {
  return { plan: [], funding: [], budgets: [], capacity: [], targets: [], shadowPrices: [], diagnostics: [] };
}

/** Stage-1 optimum (weighted, target-normalised shortfall); +∞ when no plan exists. */
export function shortfallObjective(planned: PlannedScenario): number {
  const stage = planned.solution.stages.find((s) => s.stage === "shortfall");
  return planned.solution.status === "optimal" && stage ? stage.objective : Infinity;
}
