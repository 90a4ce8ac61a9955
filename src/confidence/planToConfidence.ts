/**
 * Plans a scenario so that every target is met with at least its required probability when the
 * plan is executed (evaluate mode) under the scenario's `uncertainty` (docs/confidence.md):
 *
 *   plain plan ─(infeasible or error: returned as is)
 *     │ margin problem held warm with its calibration sample (confidenceSolver.ts)
 *     ▼
 *   calibrate margins (calibrate.ts); integer plans on the LP relaxation
 *     │
 *     ▼
 *   final solve with duals (integer plans: the integer model), judged again on the calibration
 *     │ sample: while a target falls short on it, its margin is raised by the ratio rule on this
 *     ▼ plan's draws (or frozen where the plan stops reaching it) and the plan solved again
 *   explain the targets of that plan that cannot reach their level (limits.ts) → tables, diagnostics
 *
 * Validation on fresh draws is the ordinary Monte Carlo run over the returned plan (pipeline).
 */
import { SolverFailure } from "../errors.js";
import { type PlannedScenario, planScenario } from "../plan/planScenario.js";
import { extractTables } from "../results/extract.js";
import { diagnosticsOf } from "../plan/diagnostics.js";
import type { SolverChoice } from "../solve/auto.js";
import type { InputLocator } from "../scenario/inputPlace.js";
import type { Scenario } from "../scenario/types.js";
import type { Uncertainty } from "../montecarlo/types.js";
import type { Calibration } from "./calibrate.js";
import type { TargetConfidence } from "./types.js";
import { ConfidenceSolver, type Phase } from "./confidenceSolver.js";
import { confidenceDiagnostics } from "./confidenceTables.js";
import { type MarginSplit, marginSplit } from "./marginSplit.js";

export const DEFAULT_CALIBRATION_DRAWS = 4000;

export interface ConfidenceOptions {
  /** Default required probability (--confidence, else objective.confidence); a target's own `confidence` wins. */
  confidence?: number;
  calibrationSeed: number;
  calibrationDraws?: number;
  solver?: SolverChoice;
  onRound?: (phase: Phase, round: number, calibration: Calibration) => void;
  /** Where the scenario's entries are written, for the file and line in diagnostics. */
  locate?: InputLocator;
  /**
   * Also price the levels reached apart from the margins of targets that stay below their level
   * (marginSplit.ts): one more plan solve, for the commands that report the price (simulate).
   */
  splitPrice?: boolean;
}

export interface ConfidenceOutcome {
  planned: PlannedScenario;
  plain: PlannedScenario;
  targets: TargetConfidence[];
  calibration: { seed: number; draws: number; rounds: number };
  /** What the levels reached cost apart from the other margins (when asked and some fall short). */
  split?: MarginSplit | null;
}

/** Required probability per target: its own `confidence`, else the default, else 0 (none). */
export function requiredLevels(scenario: Scenario, fallback?: number): number[] {
  const base = fallback ?? scenario.objective.confidence ?? 0;
  return scenario.targets.map((t) => t.confidence ?? base);
}

/** True when the flag, the objective or any target asks for a confidence level above 0. */
export function wantsConfidence(scenario: Scenario, flag?: number): boolean {
  return requiredLevels(scenario, flag).some((a) => a > 0);
}

export async function planToConfidence(scenario: Scenario, uncertainty: Uncertainty, options: ConfidenceOptions): Promise<ConfidenceOutcome> {
  const solver = options.solver ?? "auto";
  const plain = await planScenario(scenario, solver, options.locate);
  const draws = options.calibrationDraws ?? DEFAULT_CALIBRATION_DRAWS;
  const calibration = { seed: options.calibrationSeed, draws, rounds: 0 };
  if (plain.solution.status !== "optimal") return { planned: plain, plain, targets: [], calibration };
  const required = requiredLevels(scenario, options.confidence);
  const cs = ConfidenceSolver.open(plain.solution.pm, uncertainty, options.calibrationSeed, draws, solver);
  try {
    const onRound = (phase: Phase, r: number, c: Calibration) => {
      calibration.rounds++;
      options.onRound?.(phase, r, c);
    };
    const calibrated = await cs.calibrate({ required, onRound, relaxedOnly: true });
    const { solution, calibration: c } = await cs.finalPlan(calibrated, { required, onRound: (r, x) => onRound("exact", r, x) });
    if (solution.status !== "optimal") throw new SolverFailure(`confidence planning: the final plan could not be solved (${solution.message ?? solution.status})`);
    const limits = await cs.explain(c); // of the plan reported: the final solve may end a target limited
    const tables = extractTables(solution);
    const targets = scenario.targets.map((t, i): TargetConfidence => ({
      target: t.id,
      required: required[i],
      level: c.levels[i],
      planned: c.planned[i],
      met: c.met[i],
      draws,
      status: c.status[i],
      limits: c.status[i] === "reached" || c.status[i] === "none" ? [] : limits[i],
    }));
    tables.diagnostics = [...diagnosticsOf(solution, tables, options.locate), ...confidenceDiagnostics(scenario, targets, options.locate)];
    // Last: it moves the session's margins off the reported plan's.
    const split = options.splitPrice ? await marginSplit(cs, c, required) : null;
    return { planned: { scenario, solution, tables, seconds: plain.seconds }, plain, targets, calibration, split };
  } finally {
    await cs.dispose();
  }
}
