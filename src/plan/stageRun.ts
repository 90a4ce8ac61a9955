/** What a run of the stage runner (stagedSession.ts) is asked for and gives back. */
import type { Label } from "../format/labels.js";
import type { LinearModel } from "../model/types.js";
import type { InfeasibleSubsystem, SessionSolveOptions, SolveResult } from "../solve/types.js";
import type { IntegerStageResult } from "./integerStage.js";
import type { ChainedDuals } from "./lexSensitivity.js";
import type { StageOptimum } from "./stageModels.js";

export interface StageReport {
  stage: string;
  status: SolveResult["status"];
  objective: number;
  solver: string;
  seconds: number;
  rows: number;
  columns: number;
  /** Integer stages: the relative gap proven, and how (integerStage.ts). */
  gap?: number;
  proof?: IntegerStageResult["proof"];
  /** Integer stages: the absolute precision the stage was held to (objective units), when set. */
  absolute_gap?: number;
}

export type DualMethod = "lp" | "lp_relaxation" | "none";

/** A run of the stages: its status and plan, and its duals, ranges and responses (ChainedDuals). */
export interface StageRun extends ChainedDuals {
  status: "optimal" | "infeasible" | "error";
  stages: StageReport[];
  /** Final primal (after the last stage run); empty unless optimal. */
  primal: Float64Array;
  optima: StageOptimum[];
  dualMethod: DualMethod;
  /** In both languages (diagnostics.csv's message and message_zh; run.json keeps the English). */
  warnings: Label[];
  message?: string;
  /** The infeasible stage: its model (with earlier fixes) and the solver's IIS, if it found one. */
  infeasible?: { stage: number; model: LinearModel; iis: InfeasibleSubsystem | null };
}

export interface RunOptions {
  /** Run only the first N stages (default: all). */
  stages?: number;
  /** Duals of every stage (default true; an integer stage's come from its LP relaxation). */
  duals?: boolean;
  /**
   * Also range the rows of these stages (HiGHS only; default none): ranging costs about as much as
   * a warm re-solve, so only the stages whose ranges are reported are ranged.
   */
  ranging?: readonly string[];
  /** Columns whose response to every row bound the run should report (needs duals). */
  sensitivity?: number[];
  /** How the first stage starts when the session already holds a solved model (default warm). */
  start?: SessionSolveOptions["start"];
  /**
   * Start the first stage from the basis kept in this slot (`keepBasis`), by primal simplex: Monte
   * Carlo re-optimisation starts every draw from one kept basis, so a draw's plan does not depend
   * on which draws the worker solved before, and after a world's coefficient and bound changes
   * primal simplex needs ~25 % fewer iterations than dual from there (docs/solvers.md). Later
   * stages start best from the stage just solved.
   */
  firstFrom?: number;
}
