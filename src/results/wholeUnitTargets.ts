/**
 * A whole-unit plan is priced by its LP relaxation (fractional units), which can meet a target the
 * plan misses and moves a target smoothly where the plan moves it by whole units. Which targets are
 * missed is the plan's own (targets.csv), never the relaxation's; what the relaxation does is said
 * beside it. A Foshan district plan missed community-hh by 90 households while its relaxation met
 * it, so no price moved it and explain named only village-hh as missed.
 */
import type { ModelContext } from "../model/context.js";
import type { PlanSolution } from "../plan/solvePlan.js";
import type { Target } from "../scenario/types.js";
import { isMet } from "./numbers.js";
import type { TargetRow } from "./types.js";

/** A target the plan misses, and whether the relaxation its prices come from meets it. */
export interface MissedTarget {
  row: TargetRow;
  /** The plan is whole-unit and its LP relaxation meets the target: no price moves it. */
  relaxationMeets: boolean;
}

/** The steps whole units move a target by: one unit, or a unit's households (fewest–most over its leaves). */
export interface UnitStep {
  target: string;
  /** The target's name, for the words (the id where it has none). */
  name: string;
  /** The programme's unit as the scenario names it ("村", "小区"). */
  unit: string;
  households: boolean;
  from: number;
  to: number;
}

/** Soft targets the plan misses (targets.csv), in the scenario's order. */
export function missedInPlan(sol: PlanSolution, targets: readonly TargetRow[]): MissedTarget[] {
  const { ctx } = sol.pm;
  const relaxed = sol.relaxedPrimal ?? null;
  return targets.flatMap((row) => {
    if (row.met || row.kind !== "soft") return [];
    const ti = ctx.scenario.targets.findIndex((t) => t.id === row.target);
    const v = ti >= 0 ? ctx.index.shortfall[ti] : -1;
    const relaxationMeets = relaxed !== null && v >= 0 && isMet(relaxed[v], ctx.scenario.targets[ti].atLeast);
    return [{ row, relaxationMeets }];
  });
}

/** Whole-unit steps of every target of a whole-unit programme, by target id; empty for an LP plan. */
export function unitSteps(sol: PlanSolution): Map<string, UnitStep> {
  const steps = new Map<string, UnitStep>();
  if (sol.dualMethod !== "lp_relaxation") return steps;
  for (const t of sol.pm.ctx.scenario.targets) {
    const step = unitStep(sol.pm.ctx, t);
    if (step) steps.set(t.id, step);
  }
  return steps;
}

function unitStep(ctx: ModelContext, t: Target): UnitStep | null {
  const program = ctx.scenario.programs.find((p) => p.id === t.program);
  if (!program?.integer) return null;
  const households = t.metric.startsWith("households");
  const sizes = households ? ctx.leafProgramsIn(t.region, [t.program]).map((lp) => lp.leaf.householdsPerUnit) : [1];
  if (sizes.length === 0) return null;
  return { target: t.id, name: t.name, unit: program.unit, households, from: Math.min(...sizes), to: Math.max(...sizes) };
}
