/** Where a confidence plan leaves each target (shared by the planner and its tables). */
import type { TargetStatus } from "./calibrate.js";
import type { Limit } from "./limits.js";

export interface TargetConfidence {
  target: string;
  required: number;
  /** The planned value the plan aims at (target units). */
  level: number;
  planned: number;
  met: number;
  draws: number;
  status: TargetStatus;
  /** What stops a target that does not reach its level (empty otherwise). */
  limits: Limit[];
}

