/**
 * Re-optimisation and whole units: `reoptimize` re-plans each draw with a leaf's stock × (1 − its
 * mean consent failure), a fractional cap that whole units round down, so a target that needs
 * every unit of a leaf reads as missed in (almost) every draw. (Execution, in evaluate and replan
 * draws and for confidence margins, draws consent failures and slips unit by unit: execute.ts.)
 */
import type { Scenario } from "../scenario/types.js";
import type { Uncertainty } from "./types.js";

/** The warning for a reoptimize run, as a list of none or one for run.json's warnings. */
export function reoptimizeUnitsWarnings(scenario: Scenario, uncertainty: Uncertainty): string[] {
  const consent = uncertainty.inputs.filter((i) => i.appliesTo === "consent_failure");
  const hit = scenario.programs.filter((p) =>
    p.integer && scenario.targets.some((t) => t.program === p.id) && consent.some((i) => i.program === null || i.program === p.id));
  if (hit.length === 0) return [];
  const ids = hit.map((p) => p.id).join(", ");
  return [`whole-unit programmes (${ids}) are re-planned in each draw with their stock reduced by the expected share of consent failures, a fraction of a unit that whole units round down: a target that needs every unit of a leaf reads as missed in (almost) every draw; their P(met) is a lower estimate (docs/monte-carlo.md, "Re-optimisation")`];
}
