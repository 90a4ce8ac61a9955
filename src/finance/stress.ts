/**
 * Budget-cut stress test: re-plan the scenario at every cut level (0 % first, as the baseline) by
 * cutting the selected budgets, then tabulate what each level loses. Each level is an ordinary
 * plan of a transformed scenario (cuts.ts), so the 0 % row is exactly the base plan. A cut from a
 * year (`--from`) cannot change what happened before it: those years are frozen at the baseline
 * (freezePast.ts). A cut only lowers budget amounts, so when the 0 % level has no plan no deeper
 * level can have one: those levels are recorded as not planned instead of solved.
 *
 * Seam for Monte Carlo (`--draws`): `onLevel` runs after each level's plan with the cut scenario
 * and its plan, and may return extra per-target and per-level columns (e.g. p_met with common
 * random numbers); stressTables.ts appends them to stress.csv / stress_summary.csv.
 */
import type { SolverChoice } from "../solve/auto.js";
import type { InputLocator } from "../scenario/inputPlace.js";
import type { Scenario } from "../scenario/types.js";
import { cutLabel } from "./cutSpec.js";
import { cutBudgets, moneyCut } from "./cuts.js";
import { freezePast } from "./freezePast.js";
import { type PlannedScenario, planScenario, type ScenarioPlanner } from "../plan/planScenario.js";
import type { PlanSolution } from "../plan/solvePlan.js";
import type { BudgetSelection } from "./selection.js";

export type ExtraColumns = Record<string, number | string | boolean>;

export interface LevelExtras {
  /** Extra stress.csv columns per target id. */
  targets?: Record<string, ExtraColumns>;
  /** Extra stress_summary.csv columns for the level. */
  summary?: ExtraColumns;
}

export interface StressLevel {
  /** Fraction cut from the selected budgets (0.2 = 20 %). */
  cut: number;
  /** How the level is named in tables and reports: "20%", or "5亿元 (1.45%)" for an amount cut. */
  label: string;
  /** Budget money the cut removes (yuan). */
  moneyCutYuan: number;
  /** The level's plan; null where it was not planned, because the 0 % level has none (levelStatus). */
  planned: PlannedScenario | null;
  extras: LevelExtras;
}

/** A level's status in stress.csv and run.json: its plan's, or `not_planned`. */
export type LevelStatus = PlanSolution["status"] | "not_planned";

export function levelStatus(level: StressLevel): LevelStatus {
  return level.planned?.solution.status ?? "not_planned";
}

/** The 0 % level's plan, which every level is compared with: runStress always plans it. */
export function basePlan(levels: readonly StressLevel[]): PlannedScenario {
  return levels[0].planned!;
}

export type LevelHook = (level: Omit<StressLevel, "extras"> & { planned: PlannedScenario }) => Promise<LevelExtras | void> | LevelExtras | void;

export interface StressOptions {
  solver?: SolverChoice;
  /** Where the scenario's entries are written, for the file and line in each level's diagnostics. */
  locate?: InputLocator;
  /** How each level is planned (default: planScenario; `--confidence` plans each level to α). */
  plan?: ScenarioPlanner;
  onLevel?: LevelHook;
  /** A level's name (default cutLabel: "20%"); stress names amount cuts by their amount. */
  labelOf?: (cut: number) => string;
  /** Called when a level starts (for progress output). */
  progress?: (cut: number, index: number, count: number) => void;
}

export async function runStress(
  scenario: Scenario,
  selection: BudgetSelection,
  levels: readonly number[],
  options: StressOptions = {},
): Promise<StressLevel[]> {
  const cuts = [...new Set([0, ...levels])].sort((a, b) => a - b);
  const labels = distinctLabels(cuts, options.labelOf ?? cutLabel);
  const out: StressLevel[] = [];
  for (const [i, cut] of cuts.entries()) {
    const named = { cut, label: labels[i], moneyCutYuan: moneyCut(scenario, selection, cut) };
    const baseline = out[0]?.planned?.solution;
    // A cut only lowers the bounds of `≤ budget` rows (cuts.ts; the years it may cut are open, so
    // no budget row of theirs is an equality), and without a 0 % plan nothing is frozen or kept
    // near: a scenario with no plan uncut has none cut, with or without --confidence.
    if (baseline?.status === "infeasible") {
      out.push({ ...named, planned: null, extras: {} });
      continue;
    }
    options.progress?.(cut, i, cuts.length);
    let levelScenario = cutBudgets(scenario, selection, cut);
    if (cut > 0 && selection.from !== null && baseline?.status === "optimal") levelScenario = freezePast(levelScenario, baseline, selection.from);
    // A cut level stays near the 0 % plan where its cost allows, so the regions it reports losing
    // are those the cut makes lose, not one of many equally cheap plans (nearPlan.ts).
    const near = cut > 0 && baseline?.status === "optimal" ? baseline : undefined;
    const planned = options.plan ? await options.plan(levelScenario) : await planScenario(levelScenario, options.solver ?? "auto", options.locate, near);
    const level = { ...named, planned };
    const extras = (await options.onLevel?.(level)) ?? {};
    out.push({ ...level, extras });
  }
  return out;
}

/**
 * Each level's label, with more decimals where two levels would read alike (5.785 % and 5.79 % both
 * round to "5.79%"): every row of stress.csv must say which level it is.
 */
function distinctLabels(cuts: readonly number[], labelOf: (cut: number) => string): string[] {
  const labels = cuts.map(labelOf);
  return labels.map((label, i) => (labels.indexOf(label) === labels.lastIndexOf(label) ? label : `${Number((cuts[i] * 100).toFixed(6))}%`));
}
