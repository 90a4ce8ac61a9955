/**
 * What `simulate explain` says of one limit (finance/explain.ts computes it, explainText.ts words
 * it, explainReplan.ts checks budget lines by re-planning).
 */
import type { UnitStep } from "../results/wholeUnitTargets.js";

export interface TargetGain {
  target: string;
  /** e.g. "households_started of gd-households". */
  unit: string;
  value: number;
}

export interface ExplainedRow {
  stage: "shortfall" | "cost";
  family: string;
  where: string;
  what: string;
  /** How full the row is (from the result tables), e.g. "uses 9.6亿元 of 9.6亿元". */
  state: string;
  /** Value of relaxing the row by one `step`, in `unit` (stage 1: for the first target it moves). */
  value: number;
  /**
   * The same per the family's natural step (1亿元, 1 slot, 1 unit), in `value`'s unit (target units;
   * yuan of weighted cost on cost lines): what the list is ordered by.
   */
  rate: number;
  unit: string;
  step: string;
  /** Stage 1: what the same step does to the other targets. */
  also: TargetGain[];
  /** Over which change of the limit the price is certain (the basis's range, in the step's direction). */
  holds: Certainty;
  /** The row (base model index) and the direction its bound moves in the step (+1: raised). */
  index: number;
  sign: 1 | -1;
  /**
   * A whole-unit plan's line: its price is a rate of the LP relaxation, and these are the
   * whole-unit steps of the targets it moves (empty on cost lines, and where none is of a
   * whole-unit programme).
   */
  relaxedRate?: UnitStep[];
  /** What re-planning with the bound moved by 1亿元 gave (explainReplan.ts); budgets only. */
  replanned?: Replanned;
}

/**
 * Where the basis makes a price certain: up to a change of the limit ("+3.2亿元", "+0.03 slots"; it
 * may hold further), for any change in the step's direction, or unknown (null: no ranging).
 */
export type Certainty = { upTo: string } | "any_change" | null;

/** A re-plan with a budget moved by 1亿元, against what the price predicts for that step. */
export interface Replanned {
  /** The step's stage objective moved by price × step (to 1e-6): the price holds for the whole step. */
  linear: boolean;
  /** The step's objective change as a share of price × step (1: all of it). */
  share: number;
  /** Stage 1: what the step added to each target, in its own units (the led target first). */
  gains: TargetGain[];
  /** Stage 1: targets missed in the plan that the re-plan meets. */
  met: string[];
  /** Stage 2: weighted cost the step saved (negative: spent more). */
  saved: number;
  /** The stage objective's improvement, for ordering (stage 1: weighted shortfall score; stage 2: yuan). */
  improvement: number;
}
