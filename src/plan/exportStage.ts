/**
 * The linear model of stage N exactly as the engine solves it: earlier stages are solved and their
 * optima fixed by `stage_fix` rows, so a peer solver given this file reproduces stage N's objective.
 */
import { buildPlanningModel } from "../model/build.js";
import { toCplexLp } from "../model/exportLp.js";
import type { Scenario } from "../scenario/types.js";
import { UsageError } from "../errors.js";
import { evaluate, type StageOptimum, stageModel } from "./stageModels.js";
import { type SolverChoice, solverPicker } from "./solverChoice.js";
import type { LinearModel } from "../model/types.js";

export async function stageLinearModel(scenario: Scenario, stage: number, solver: SolverChoice = "auto"): Promise<LinearModel> {
  const pm = buildPlanningModel(scenario);
  if (stage < 1 || stage > pm.stages.length) {
    throw new UsageError(`stage ${stage} does not exist: this scenario has ${pm.stages.length} stages (${pm.stages.map((s) => s.name).join(", ")})`);
  }
  const picker = solverPicker(solver);
  const optima: StageOptimum[] = [];
  for (let i = 0; i < stage - 1; i++) {
    const model = stageModel(pm, i, optima);
    const result = await picker.pickSolver(model).solve(model);
    if (result.status !== "optimal") throw new UsageError(`stage ${i + 1} (${pm.stages[i].name}) is ${result.status}; later stages cannot be exported`);
    optima.push({ objective: pm.stages[i].objective, value: evaluate(pm.stages[i].objective, result.primal), stage: pm.stages[i].name });
  }
  return stageModel(pm, stage - 1, optima);
}

export async function exportStageLp(scenario: Scenario, stage: number, solver: SolverChoice = "auto"): Promise<string> {
  const model = await stageLinearModel(scenario, stage, solver);
  return toCplexLp(model, { title: `renewsim ${scenario.name} stage ${stage}` });
}
