/** Maps the `--solver` choice to the adapters the stage runner uses. */
import type { LinearModel } from "../model/types.js";
import { chooseSolver, solverFor } from "../solve/auto.js";
import type { SolvePlanOptions } from "./solvePlan.js";

export type SolverChoice = "auto" | "highs" | "jslp";

export function solverPicker(choice: SolverChoice): SolvePlanOptions {
  return {
    pickSolver: (model: LinearModel) => chooseSolver(model, choice),
    // Only HiGHS returns duals; shadow prices and the elastic diagnosis always use it.
    dualSolver: solverFor("highs"),
  };
}
