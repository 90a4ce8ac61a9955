/**
 * Whether a stress level's regions losing and gaining most were held near the 0 % plan: only where
 * the `near` stage ran (nearPlan.ts) over every programme that counts households. It leaves out
 * whole-unit programmes, and --confidence levels have no near stage, so there a level's regions are
 * one of many equally good plans' (regionMovesLegend.ts says so).
 */
import type { RegionsHold } from "../format/regionMovesLegend.js";
import { householdPrograms } from "../scenario/householdPrograms.js";
import type { StressLevel } from "./stress.js";

/** The level's plan ran the near stage. */
function nearRan(level: StressLevel): boolean {
  return level.planned?.solution.stages.some((s) => s.stage === "near") ?? false;
}

/**
 * stress_summary.csv's `regions_held_near`: true where the near stage held every programme counting
 * households, false where some or all of them were not held; null at 0 % and for a level without a plan.
 */
export function regionsHeldNear(level: StressLevel): boolean | null {
  const planned = level.planned;
  if (level.cut === 0 || planned?.solution.status !== "optimal") return null;
  const households = householdPrograms(planned.scenario);
  return nearRan(level) && !planned.scenario.programs.some((p) => p.integer && households.has(p.id));
}

/** The run's hold over its planned cut levels, for the legend; `confidence`: levels planned to a level. */
export function stressRegionsHold(levels: readonly StressLevel[], confidence: boolean): RegionsHold {
  const cut = levels.filter((l) => regionsHeldNear(l) !== null);
  return {
    near: cut.length > 0 && cut.every(nearRan),
    allHeld: cut.every((l) => regionsHeldNear(l) === true),
    confidence,
    mip: cut.some((l) => l.planned!.solution.stages.some((s) => s.proof !== undefined)),
  };
}
