/**
 * Whether a stress level's plan was held near the 0 % plan: only where the `near` stage ran
 * (nearPlan.ts) over the programmes in question. It leaves out whole-unit programmes, and
 * --confidence levels have no near stage, so there a level's regions are one of many equally good
 * plans' (regionMovesLegend.ts says so). Two questions: the regions losing and gaining most
 * households (the programmes that count households), and every programme's starts by region
 * (stress_starts.csv, money by source) — towns and streets too, where no programme counts households.
 */
import type { RegionsHold } from "../format/regionMovesLegend.js";
import { householdPrograms } from "../scenario/householdPrograms.js";
import type { Program } from "../scenario/types.js";
import type { StressLevel } from "./stress.js";

/** The level's plan ran the near stage. */
function nearRan(level: StressLevel): boolean {
  return level.planned?.solution.stages.some((s) => s.stage === "near") ?? false;
}

/** Held where the near stage ran and none of the programmes `counted` is planned in whole units; null at 0 % and without a plan. */
function heldNear(level: StressLevel, counted: (p: Program, level: StressLevel) => boolean): boolean | null {
  const planned = level.planned;
  if (level.cut === 0 || planned?.solution.status !== "optimal") return null;
  return nearRan(level) && !planned.scenario.programs.some((p) => p.integer && counted(p, level));
}

/**
 * stress_summary.csv's `regions_held_near`: true where the near stage held every programme counting
 * households, false where some or all of them were not held; null at 0 % and for a level without a plan.
 */
export function regionsHeldNear(level: StressLevel): boolean | null {
  return heldNear(level, (p, l) => householdPrograms(l.planned!.scenario).has(p.id));
}

/**
 * stress_summary.csv's `starts_held_near`: the same over every programme, households or not — what
 * stress_starts.csv's regions and stress_funding.csv's sources rest on. A scenario of whole towns
 * counts no households, yet its towns can swap between regions under a 1 % cut.
 */
export function startsHeldNear(level: StressLevel): boolean | null {
  return heldNear(level, () => true);
}

/**
 * The run's hold over its planned cut levels, for the legends; `confidence`: levels planned to a
 * level; `held`: which question (regionsHeldNear for the households regions, startsHeldNear for starts and money).
 */
export function stressRegionsHold(levels: readonly StressLevel[], confidence: boolean, held = regionsHeldNear): RegionsHold {
  const cut = levels.filter((l) => held(l) !== null);
  return {
    near: cut.length > 0 && cut.every(nearRan),
    allHeld: cut.every((l) => held(l) === true),
    confidence,
    mip: cut.some((l) => l.planned!.solution.stages.some((s) => s.proof !== undefined)),
  };
}
