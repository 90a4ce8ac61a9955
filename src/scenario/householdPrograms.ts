/**
 * Which programmes' units hold households. Every leaf has households per unit for the model's
 * arithmetic, 1 where none is given, so a 典型镇 programme's "households" would be its towns and a
 * greenway's its kilometres. Households are shown only for the programmes whose units are
 * households or hold them — plan.csv's households columns (empty for the others, results/extract.ts)
 * and mc_summary's households metrics (montecarlo/metrics.ts), so that whatever adds them up
 * (stress's households started lost, the regions losing most; a spreadsheet's sum) counts households:
 *
 *   - `households_per_unit` given, on the programme or on a by_region row (a cost per household
 *     needs it, so that case is here too);
 *   - a `households_started` / `households_completed` target on the programme (its units are
 *     counted in households, one per unit where none is given: a programme planned per 户);
 *   - an actual of the programme recording its households;
 *   - a residents' `cap_per_household` on the programme (the model caps residents per household,
 *     so its units are counted as households there; plan.csv must show what was capped).
 *
 * Any other programme (a town, a street, a kilometre) counts no households.
 */
import type { Program, Scenario } from "./types.js";

export function countsHouseholds(scenario: Scenario, program: Program): boolean {
  return program.householdsPerUnitGiven ||
    scenario.targets.some((t) => t.program === program.id && t.metric.startsWith("households")) ||
    scenario.actuals.some((a) => a.program === program.id && (a.householdsStarted !== undefined || a.householdsCompleted !== undefined)) ||
    Object.values(program.shares).some((share) => share.capPerHousehold !== null);
}

/** The ids of the programmes that count households (countsHouseholds), in scenario order. */
export function householdPrograms(scenario: Scenario): Set<string> {
  return new Set(scenario.programs.filter((p) => countsHouseholds(scenario, p)).map((p) => p.id));
}
