/**
 * The linear model of stage N exactly as the engine solves it: earlier stages are solved in the
 * stage runner (the scenario's MIP gap and time limit included) and their optima fixed by
 * `stage_fix` rows, so a peer solver given this file reproduces stage N's objective.
 */
import { buildPlanningModel } from "../model/build.js";
import { toCplexLp } from "../model/exportLp.js";
import type { LinearModel } from "../model/types.js";
import type { Scenario } from "../scenario/types.js";
import type { SolverChoice } from "../solve/auto.js";
import { UsageError } from "../errors.js";
import { StagedSession } from "./stagedSession.js";
import { stageModel } from "./stageModels.js";

export async function stageLinearModel(scenario: Scenario, stage: number, solver: SolverChoice = "auto"): Promise<LinearModel> {
  const pm = buildPlanningModel(scenario);
  if (stage < 1 || stage > pm.stages.length) {
    throw new UsageError(`stage ${stage} does not exist: this scenario has ${pm.stages.length} stages (${pm.stages.map((s) => s.name).join(", ")})`);
  }
  if (stage === 1) return stageModel(pm, 0, []);
  const staged = StagedSession.open(pm, solver);
  try {
    const run = await staged.run({ stages: stage - 1, duals: false });
    if (run.status !== "optimal") {
      const last = run.stages[run.stages.length - 1];
      throw new UsageError(`stage ${run.stages.length} (${last?.stage}) is ${last?.status}; later stages cannot be exported`);
    }
    return stageModel(pm, stage - 1, run.optima);
  } finally {
    await staged.dispose();
  }
}

export async function exportStageLp(scenario: Scenario, stage: number, solver: SolverChoice = "auto"): Promise<string> {
  const model = await stageLinearModel(scenario, stage, solver);
  return toCplexLp(model, { title: `renewsim ${scenario.name} stage ${stage}` });
}
