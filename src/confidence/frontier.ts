/**
 * The money–confidence frontier (`simulate frontier`): one confidence plan per level, in ascending
 * order, on one warm margin problem. Each level starts from the previous level's margins and
 * never lowers them, so the plans' requirements only tighten and the least weighted cost (every
 * source's money × its cost weight) can only grow (for LPs; docs/confidence.md). Government money
 * as reported is unweighted yuan of government sources, which two plans of equal weighted cost can
 * split differently, and integer plans are solved
 * to a MIP gap: so the frontier is finally made monotone by the envelope rule — a level whose plan
 * needs more government money than a higher level's plan takes that plan, which already shows the
 * lower level on the calibration sample (checked). frontier.csv says which plan each level uses.
 */
import type { PlannedPoint } from "../montecarlo/executionPlan.js";
import type { AllTargetsMet, McTargetColumns } from "../montecarlo/tables.js";
import type { Uncertainty } from "../montecarlo/types.js";
import { type PlannedScenario, planScenario } from "../plan/planScenario.js";
import type { SolverChoice } from "../solve/auto.js";
import type { InputLocator } from "../scenario/inputPlace.js";
import type { Scenario } from "../scenario/types.js";
import type { Calibration } from "./calibrate.js";
import { ConfidenceSolver, limitedOf, type Phase } from "./confidenceSolver.js";
import { passes } from "./criterion.js";
import { type PlanMoney, planMoney } from "./money.js";
import { DEFAULT_CALIBRATION_DRAWS, requiredLevels } from "./planToConfidence.js";
import { type JointValidation, type ValidationRequest, validatePlanJointly } from "./validate.js";

export interface FrontierOptions {
  levels: number[];
  calibrationSeed: number;
  calibrationDraws?: number;
  solver?: SolverChoice;
  /** Validate every level's plan on fresh draws (common random numbers across levels). */
  validation?: ValidationRequest;
  onLevel?: (confidence: number, index: number, count: number) => void;
  onRound?: (phase: Phase, round: number, c: Calibration) => void;
  /** Where the scenario's entries are written: the plain plan's diagnosis names file and line. */
  locate?: InputLocator;
}

export interface FrontierLevel {
  confidence: number;
  point: PlannedPoint;
  calibration: Calibration;
  money: PlanMoney;
  /** The level whose plan this level uses (itself, or a higher one by the envelope rule). */
  planOf: number;
  validation: Map<string, McTargetColumns> | null;
  /**
   * P(all targets met) on the same validation draws (tables.ts allTargetsMet, as plan and min-budget
   * count it): each level is asked per target, and "are the targets met?" is joint. Null without
   * validation or with one target.
   */
  allTargetsMet: AllTargetsMet | null;
}

export interface FrontierResult {
  plain: PlannedScenario;
  levels: FrontierLevel[];
  calibration: { seed: number; draws: number; rounds: number };
}

export async function runFrontier(scenario: Scenario, uncertainty: Uncertainty, options: FrontierOptions): Promise<FrontierResult> {
  const solver = options.solver ?? "auto";
  const draws = options.calibrationDraws ?? DEFAULT_CALIBRATION_DRAWS;
  const plain = await planScenario(scenario, solver, options.locate);
  const calibration = { seed: options.calibrationSeed, draws, rounds: 0 };
  if (plain.solution.status !== "optimal") return { plain, levels: [], calibration };
  const alphas = [...new Set(options.levels)].sort((a, b) => a - b);
  const cs = ConfidenceSolver.open(plain.solution.pm, uncertainty, options.calibrationSeed, draws, solver);
  const levels: FrontierLevel[] = [];
  try {
    let previous: Calibration | null = null;
    for (const [i, confidence] of alphas.entries()) {
      options.onLevel?.(confidence, i, alphas.length);
      const required = requiredLevels(scenario, confidence);
      // A plan that already shows this level (or cannot do better) is this level's plan too.
      const settled = previous?.status.every((s, t) => s === "limited" || passes(previous!.met[t], draws, required[t]));
      const c: Calibration = previous && settled ? previous : await cs.calibrate({
        required,
        ...(previous ? { floor: previous.levels, start: previous.levels, limited: limitedOf(previous) } : {}),
        onRound: (phase, r, x) => {
          calibration.rounds++;
          options.onRound?.(phase, r, x);
        },
      });
      levels.push({ confidence, point: { pm: cs.mp.pm, primal: c.primal }, calibration: c, money: planMoney(cs.mp.pm, c.primal), planOf: i, validation: null, allTargetsMet: null });
      previous = c;
    }
  } finally {
    await cs.dispose();
  }
  envelope(levels, scenario, draws);
  if (options.validation) {
    // Each distinct plan once; a level using a higher level's plan (envelope) reads its validation.
    const validated = new Map<number, JointValidation>();
    for (const [i, level] of levels.entries()) {
      if (level.planOf === i) validated.set(i, await validatePlanJointly(level.point, uncertainty, options.validation));
    }
    for (const level of levels) {
      const v = validated.get(level.planOf)!;
      level.validation = v.targets;
      level.allTargetsMet = v.all;
    }
  }
  return { plain, levels, calibration };
}

/** Top down: a level whose plan costs more government money than a higher level's takes that plan. */
function envelope(levels: FrontierLevel[], scenario: Scenario, draws: number): void {
  for (let k = levels.length - 2; k >= 0; k--) {
    const own = levels[k];
    const higher = levels[levels[k + 1].planOf];
    if (higher.money.governmentYuan >= own.money.governmentYuan) continue;
    const required = requiredLevels(scenario, own.confidence);
    const ownPasses = own.calibration.met.map((m, t) => passes(m, draws, required[t]));
    const serves = higher.calibration.met.every((m, t) => !ownPasses[t] || passes(m, draws, required[t]));
    if (!serves) continue;
    levels[k] = { ...own, point: higher.point, calibration: higher.calibration, money: higher.money, planOf: higher.planOf };
  }
}
