import type { LinearModel } from "../model/types.js";

/**
 * `time_limit`: the solver stopped at the time limit holding a feasible point (the best integer
 * plan found so far); `primal` and `objective` describe it, `duals` is null.
 */
export type SolveStatus = "optimal" | "time_limit" | "infeasible" | "unbounded" | "error";

export interface SolveResult {
  status: SolveStatus;
  objective: number;
  /** Variable values, by model variable index. */
  primal: Float64Array;
  /** Row duals (d objective / d rhs), by model row index; null when the solver gives none. */
  duals: Float64Array | null;
  solver: string;
  seconds: number;
  message?: string;
}

export interface SolveOptions {
  /** Relative MIP gap; default 1e-9-ish per solver. */
  mipGap?: number;
  timeLimitSeconds?: number;
}

/** One interface for every solver, so model building never knows which one runs. */
export interface SolverAdapter {
  readonly name: string;
  solve(model: LinearModel, options?: SolveOptions): Promise<SolveResult>;
}
