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
import { SolverFailure, UsageError } from "../errors.js";
import { type PlanSolution, solutionOf } from "./solvePlan.js";
import { StagedSession } from "./stagedSession.js";
import { stageModel } from "./stageModels.js";

/**
 * Stage N's model; or, where an earlier stage has no plan, which stage that is and the plan's
 * diagnosis, read as `simulate FILE` reads it (solutionOf), for the command to print.
 */
export type StageModel =
  | { status: "optimal"; model: LinearModel }
  | { status: "infeasible"; stage: string; solution: PlanSolution };

export async function stageLinearModel(scenario: Scenario, stage: number, solver: SolverChoice = "auto"): Promise<StageModel> {
  const pm = buildPlanningModel(scenario);
  if (stage < 1 || stage > pm.stages.length) {
    throw new UsageError(`stage ${stage} does not exist: this scenario has ${pm.stages.length} stages (${pm.stages.map((s) => s.name).join(", ")})`);
  }
  if (stage === 1) return { status: "optimal", model: stageModel(pm, 0, []) };
  const staged = StagedSession.open(pm, solver);
  try {
    const run = await staged.run({ stages: stage - 1, duals: false });
    // Not the user's command line: the plan has none (exit 3, with its diagnosis) or the solver gave up (exit 5).
    const failed = `stage ${run.stages.length} (${run.stages[run.stages.length - 1]?.stage})`;
    if (run.status === "infeasible") return { status: "infeasible", stage: failed, solution: await solutionOf(run, pm) };
    if (run.status !== "optimal") {
      throw new SolverFailure(`the solver failed on ${run.message ?? failed}; later stages cannot be exported`);
    }
    return { status: "optimal", model: stageModel(pm, stage - 1, run.optima) };
  } finally {
    await staged.dispose();
  }
}

/** Stage N as CPLEX-LP text, or the earlier stage without a plan and its diagnosis. */
export async function exportStageLp(
  scenario: Scenario, stage: number, solver: SolverChoice = "auto",
): Promise<{ status: "optimal"; lp: string } | Extract<StageModel, { status: "infeasible" }>> {
  const result = await stageLinearModel(scenario, stage, solver);
  if (result.status !== "optimal") return result;
  return { status: "optimal", lp: toCplexLp(result.model, { title: `renewsim ${scenario.name} stage ${stage}` }) };
}
