import type { LinearModel } from "../model/types.js";

export type SolveStatus = "optimal" | "infeasible" | "unbounded" | "error";

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
