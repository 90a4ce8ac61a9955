/**
 * Execution treats units as divisible (docs/monte-carlo.md, "Execution rules"): a consent failure or
 * a slip defers its expected share of the candidates in every draw. For whole-unit programmes that
 * understates P(met): a target planned with no spare unit loses a fraction of a unit in every draw
 * and reads as missed in all of them, where whole units would mostly all go ahead — six villages
 * with a 0.25 % slip each: P(met) 0 % here, (1 − 0.0025)⁶ ≈ 98.5 % unit by unit. Until draws are
 * whole, every Monte Carlo run says so where such inputs act on such a programme's target.
 */
import type { Scenario } from "../scenario/types.js";
import type { Uncertainty } from "./types.js";

/** The warning, as a list of none or one for run.json's warnings. */
export function divisibleUnitsWarnings(scenario: Scenario, uncertainty: Uncertainty): string[] {
  const deferring = uncertainty.inputs.filter((i) => i.appliesTo === "consent_failure" || i.appliesTo === "slip");
  const hit = scenario.programs.filter((p) =>
    p.integer && scenario.targets.some((t) => t.program === p.id) && deferring.some((i) => i.program === null || i.program === p.id));
  if (hit.length === 0) return [];
  return [`whole-unit programmes (${hit.map((p) => p.id).join(", ")}) are executed as divisible in the Monte Carlo draws: consent failures and slips defer their expected share of a unit in every draw, so a target planned with no spare unit reads as missed in (almost) every draw even where most draws would lose no whole unit; their P(met) is a lower estimate (docs/monte-carlo.md, "Execution rules")`];
}
