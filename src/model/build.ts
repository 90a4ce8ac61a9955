/**
 * Builds the solver-neutral planning model from a normalised scenario: variables first, then one
 * builder per constraint family, then the stage objectives. Pure: same scenario, same model.
 */
import type { Scenario } from "../scenario/types.js";
import { ModelContext } from "./context.js";
import { addBudgetConstraints } from "./families/budgets.js";
import { addCapacityConstraints } from "./families/capacity.js";
import { addCommitmentConstraints, addFundingBalanceConstraints } from "./families/commitments.js";
import { addLinkConstraints } from "./families/links.js";
import { addResidentCapConstraints, addShareConstraints } from "./families/shares.js";
import { addStartLimitConstraints, addStockConstraints } from "./families/stock.js";
import { addTargetConstraints } from "./families/targets.js";
import { addSmoothingTerms, costObjective, shortfallObjective, type StageName } from "./objectives.js";
import { shortfallFinePrecision, shortfallPrecision, smoothingPrecision } from "./precision.js";
import type { Stage, StagedProblem } from "./types.js";
import { addCostVariables, addFundsVariables, addShortfallVariables, addStartsVariables } from "./variables.js";

/** The planning model as a staged problem, with the builder context that indexes it. */
export interface PlanningModel extends StagedProblem {
  ctx: ModelContext;
  stages: (StagedProblem["stages"][number] & { name: StageName })[];
}

export function buildPlanningModel(scenario: Scenario): PlanningModel {
  const ctx = new ModelContext(scenario);
  addStartsVariables(ctx);
  addCostVariables(ctx);
  addFundsVariables(ctx);
  addShortfallVariables(ctx);

  addCommitmentConstraints(ctx);
  addFundingBalanceConstraints(ctx);
  addShareConstraints(ctx);
  addResidentCapConstraints(ctx);
  addBudgetConstraints(ctx);
  addLinkConstraints(ctx);
  addCapacityConstraints(ctx);
  addStockConstraints(ctx);
  addStartLimitConstraints(ctx);
  addTargetConstraints(ctx);

  const stages: PlanningModel["stages"] = [
    withFinePrecision({ name: "shortfall", objective: shortfallObjective(ctx), absGap: shortfallPrecision(ctx) }, shortfallFinePrecision(ctx)),
    { name: "cost", objective: costObjective(ctx) },
  ];
  // Last, so Monte Carlo re-optimisation can cut the family off without moving an index (withoutSmoothing).
  const smoothing = scenario.objective.smoothing ? addSmoothingTerms(ctx) : [];
  if (smoothing.length > 0) stages.push({ name: "smoothing", objective: smoothing, absGap: smoothingPrecision(ctx) });
  return { ctx, model: ctx.model, stages, settings: scenario.objective };
}

function withFinePrecision<S extends Stage>(stage: S, fine: number | undefined): S {
  return fine === undefined ? stage : { ...stage, fineAbsGap: fine };
}
