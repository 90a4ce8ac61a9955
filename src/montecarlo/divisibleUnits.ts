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

/**
 * The warning, as a list of none or one for run.json's warnings. `reoptimize` re-plans each world
 * with a leaf's stock × (1 − its mean consent failure) — a fractional cap that whole units round
 * down — and does not apply slips, so there only consent inputs count.
 */
export function divisibleUnitsWarnings(scenario: Scenario, uncertainty: Uncertainty, mode: "evaluate" | "replan" | "reoptimize" = "evaluate"): string[] {
  const acting = mode === "reoptimize" ? ["consent_failure"] : ["consent_failure", "slip"];
  const deferring = uncertainty.inputs.filter((i) => acting.includes(i.appliesTo));
  const hit = scenario.programs.filter((p) =>
    p.integer && scenario.targets.some((t) => t.program === p.id) && deferring.some((i) => i.program === null || i.program === p.id));
  if (hit.length === 0) return [];
  const ids = hit.map((p) => p.id).join(", ");
  if (mode === "reoptimize") {
    return [`whole-unit programmes (${ids}) are re-planned in each draw with their stock reduced by the expected share of consent failures, a fraction of a unit that whole units round down: a target that needs every unit of a leaf reads as missed in (almost) every draw; their P(met) is a lower estimate (docs/monte-carlo.md, "Re-optimisation")`];
  }
  return [`whole-unit programmes (${ids}) are executed as divisible in the Monte Carlo draws: consent failures and slips defer their expected share of a unit in every draw, so a target planned with no spare unit reads as missed in (almost) every draw even where most draws would lose no whole unit; their P(met) is a lower estimate, and margins planned to a confidence level for them are upper estimates, as is the money they cost (docs/monte-carlo.md, "Execution rules")`];
}
