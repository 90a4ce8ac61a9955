import type { LinearModel, Row, Term } from "../model/types.js";

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
  /** Integer solves: the gap HiGHS proved (relative), when it reports one. */
  mipGap?: number;
  message?: string;
}

export interface SolveOptions {
  /** Relative MIP gap; default 1e-9-ish per solver. */
  mipGap?: number;
  /** Absolute MIP gap (objective units): closes gaps a relative one cannot, near a zero optimum. */
  mipAbsGap?: number;
  timeLimitSeconds?: number;
}

/** One-shot interface: a model in, a result out. */
export interface SolverAdapter {
  readonly name: string;
  solve(model: LinearModel, options?: SolveOptions): Promise<SolveResult>;
}

export interface SessionSolveOptions extends SolveOptions {
  /**
   * `warm` (default) starts from the basis of the previous solve; `cold` discards it. `primal`
   * re-solves with primal simplex: after an objective change the old basis stays primal feasible,
   * so primal simplex needs a fraction of the iterations dual simplex does (docs/solvers.md).
   * `ipm` (LP only) solves from scratch with the interior-point method and crosses over to an
   * optimal basis, so duals, ranging and later warm starts are as after a simplex solve; it beats
   * a long warm primal re-solve on large models (docs/solvers.md). One-shot solvers ignore it.
   */
  start?: "warm" | "cold";
  algorithm?: "choose" | "primal" | "ipm";
  /**
   * A point to start an integer solve from: dense (e.g. the previous stage's plan), or values for
   * some columns only, which HiGHS completes (e.g. rounded-down integer columns of the LP optimum).
   */
  mipStart?: Float64Array | { indices: number[]; values: number[] };
  /** Integer solves: stop as soon as a plan this good is found (status optimal, its gap unproven). */
  objectiveTarget?: number;
  /** Integer solves: stop after this many branch-and-bound nodes (deterministic, unlike a time limit). */
  nodeLimit?: number;
}

/** A row-bound or column-bound change: index, new lower and upper bound. */
export interface BoundChange {
  index: number;
  lb: number;
  ub: number;
}

export interface CoefficientChange {
  row: number;
  column: number;
  value: number;
}

/** Validity range of a row's dual: the row's bound may move within [from, to] at that price. */
export interface RowRange {
  from: number;
  to: number;
}

/** Rows and columns in the irreducible infeasible subsystem HiGHS found. */
export interface InfeasibleSubsystem {
  rows: number[];
  columns: number[];
}

/**
 * A model held by a solver across solves: load once, then change bounds, coefficients, the
 * objective or integrality and re-solve (warm where that is faster). Always `dispose()`.
 */
export interface SolverSession {
  readonly solver: string;
  /** True when the session keeps state between solves (HiGHS); false for one-shot solvers. */
  readonly persistent: boolean;
  load(model: LinearModel): Promise<void>;
  addRows(rows: Row[]): Promise<void>;
  setObjective(terms: Term[]): Promise<void>;
  setRowBounds(changes: BoundChange[]): Promise<void>;
  setColBounds(changes: BoundChange[]): Promise<void>;
  setCoefficients(changes: CoefficientChange[]): Promise<void>;
  /** `false` solves the LP relaxation until set back to `true`. */
  setIntegrality(integer: boolean): Promise<void>;
  solve(options?: SessionSolveOptions): Promise<SolveResult>;
  /**
   * Keep the current basis under `slot`, and later start from it again: a stage re-solved for a
   * slightly different model (the next Monte Carlo draw) starts from its own last basis, not from
   * whatever stage ran last. No-ops for one-shot solvers.
   */
  saveBasis(slot: number): Promise<void>;
  restoreBasis(slot: number): Promise<void>;
  /** Ranging of the last optimal LP solve, per row; null when the solver cannot give it. */
  rowRanges(): Promise<RowRange[] | null>;
  /**
   * From the last optimal LP basis, for each given column: d(column value)/d(active bound of row
   * i) for every row i — how the solution moves when a limit moves, within the ranging interval.
   * Zero for a nonbasic column or a row whose bound is not active; null without a basis.
   */
  rhsSensitivity(columns: number[]): Promise<Float64Array[] | null>;
  /** The IIS of the loaded (infeasible) model, LP relaxation; null when none was found. */
  infeasibleSubsystem(): Promise<InfeasibleSubsystem | null>;
  dispose(): Promise<void>;
}
