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
import { InfeasiblePlan, SolverFailure, UsageError } from "../errors.js";
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
    // Not the user's command line: the plan has none (exit 3) or the solver gave up (exit 5).
    const failed = `stage ${run.stages.length} (${run.stages[run.stages.length - 1]?.stage})`;
    if (run.status === "infeasible") {
      throw new InfeasiblePlan(`${failed} is infeasible: the scenario has no plan, so later stages cannot be exported ` +
        "(`simulate FILE` writes the diagnosis; `export --stage 1` writes the model as it is)");
    }
    if (run.status !== "optimal") {
      throw new SolverFailure(`the solver failed on ${run.message ?? failed}; later stages cannot be exported`);
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
