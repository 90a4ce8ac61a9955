/**
 * `simulate stress --confidence α`: every cut level is planned to the confidence level
 * (planToConfidence) instead of plainly, and its calibration lands in stress.csv beside the level's
 * targets (confidence_required, p_met_calibration, confidence_status). Plugs into runStress's
 * `plan` and `onLevel` seams.
 */
import { type ConfidenceOutcome, planToConfidence } from "../confidence/planToConfidence.js";
import type { CheckedScenario } from "../loadChecked.js";
import type { ScenarioPlanner } from "../plan/planScenario.js";
import { round } from "../results/numbers.js";
import type { Scenario } from "../scenario/types.js";
import type { SolverChoice } from "../solve/auto.js";
import type { ExtraColumns, LevelHook } from "./stress.js";

export interface StressConfidence {
  level: number;
  calibrationSeed: number;
  calibrationDraws?: number;
}

export function confidenceAtEveryLevel(
  loaded: CheckedScenario,
  request: StressConfidence,
  solver: SolverChoice,
): { plan: ScenarioPlanner; onLevel: LevelHook } {
  const outcomes = new Map<Scenario, ConfidenceOutcome>();
  return {
    plan: async (scenario) => {
      const outcome = await planToConfidence(scenario, loaded.uncertainty, {
        confidence: request.level, calibrationSeed: request.calibrationSeed, calibrationDraws: request.calibrationDraws, solver, locate: loaded.place,
      });
      outcomes.set(scenario, outcome);
      return outcome.planned;
    },
    onLevel: (level) => {
      const outcome = outcomes.get(level.planned.scenario);
      if (!outcome) return;
      const targets: Record<string, ExtraColumns> = {};
      for (const t of outcome.targets) targets[t.target] = { confidence_required: t.required, p_met_calibration: round(t.met / t.draws, 6), confidence_status: t.status };
      return { targets };
    },
  };
}
