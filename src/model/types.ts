/**
 * Solver-neutral linear model, held by integer labels: a column or row is its index; what it stands
 * for is a typed reference (`VarRef`, `RowRef`) to scenario entities. Readable names such as
 * `funds[guangzhou-urban,retrofit,2023,central]` are made only for export and messages (names.ts).
 */
import type { ObjectiveSettings } from "../scenario/types.js";

export type ConstraintFamily = RowRef["family"];

/** What a column stands for. Ids are scenario ids; `region` of leaf columns is the leaf. */
export type VarRef =
  | { role: "starts" | "cost" | "smooth_up" | "smooth_down" | "near_up" | "near_down"; region: string; program: string; year: number }
  | { role: "funds"; region: string; program: string; year: number; source: string }
  | { role: "shortfall"; target: string }
  /** Confidence planning: how far a target's planned value falls below its planning margin; replan: a hard target's shortfall. */
  | { role: "margin_shortfall" | "hard_shortfall"; target: string }
  | { role: "carry"; source: string; region: string; year: number }
  /** A slack that relaxes model row `row` (elastic diagnosis); its name is derived from the row's. */
  | { role: "elastic"; row: Row; direction: "up" | "down" }
  /** min-budget: the scale of the selected budgets (null year: one uniform scale). */
  | { role: "budget_scale"; year: number | null }
  /** Hand-written models (tests, solver checks): the name is all there is. */
  | { role: "other"; name: string };

/** What a row stands for, by constraint family. */
export type RowRef =
  | { family: "commitments" | "funding_balance" | "smoothing" | "near"; region: string; program: string; year: number }
  | { family: "shares"; region: string; program: string; year: number; source: string; bound: "min" | "max"; share: number }
  | { family: "resident_cap"; region: string; program: string; year: number; source: string; cap: number }
  | { family: "budgets"; source: string; region: string; year: number }
  | { family: "links"; link: string; source: string; of: string; region: string; year: number; bound: "min" | "max"; ratio: number }
  | { family: "capacity"; capacity: string; region: string; year: number }
  | { family: "stock"; region: string; program: string }
  | { family: "start_limits"; program: string; region: string; year: number }
  | { family: "targets"; target: string; kind: "hard" | "soft" }
  /** Confidence planning: the target's planned value reaches its calibrated margin (soft). */
  | { family: "margin"; target: string }
  | { family: "stage_fix"; stage: string }
  | { family: "other"; name: string };

export interface Variable {
  lb: number;
  ub: number; // Infinity when unbounded
  integer: boolean;
  ref: VarRef;
}

export interface Term {
  v: number; // variable index
  c: number; // coefficient
}

export interface Row {
  terms: Term[];
  lb: number; // -Infinity when none
  ub: number; // Infinity when none
  ref: RowRef;
}

export interface LinearModel {
  variables: Variable[];
  rows: Row[];
  /** Minimisation objective. */
  objective: Term[];
  objectiveConstant: number;
}

/** One stage of a lexicographic problem: its name and the objective it minimises. */
export interface Stage {
  name: string;
  objective: Term[];
  /**
   * Integer plans: the absolute precision the stage is solved to and held at (objective units),
   * e.g. the shortfall score of half a unit — where a relative gap cannot close near a zero optimum.
   */
  absGap?: number;
  /**
   * Integer plans: a finer precision for a stage that ends with its whole objective inside `absGap`
   * but above this — a households shortfall smaller than half of the smallest unit can still close
   * with units of other sizes (600 and 450 households: steps of 150), so it is re-solved to this.
   */
  fineAbsGap?: number;
}

/**
 * A lexicographic problem: one model, stage objectives solved in order, each stage's optimum held
 * (within the tolerances of `settings`) while the later ones are solved.
 */
export interface StagedProblem {
  model: LinearModel;
  stages: Stage[];
  settings: ObjectiveSettings;
}
