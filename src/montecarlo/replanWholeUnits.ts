/**
 * `--mode replan` re-plans every year after the first with the LP relaxation of the planning model
 * (replanModel.ts): the annual plans of whole-unit programmes (`integer: true`) start fractions of
 * a unit (4.715 towns), whose fractional remainder fails in expectation when executed ("Execution
 * rules", docs/monte-carlo.md). A target of such a programme that counts starts of a re-planned
 * year then reads a P(met) below what whole-unit annual plans would give (a county's six typical
 * towns: 94.9 % with the fixed plan, 10 % re-planned). Execution is not changed; the run warns.
 *
 * The re-planned years are those after the horizon's first (year 0 executes the plan as solved)
 * that `as_of` leaves open (closed years execute their records).
 */
import type { Label } from "../format/labels.js";
import { lastStartCompletedBy } from "../model/expressions.js";
import { Namer } from "../plan/describe.js";
import { replanRelaxesWholeUnits } from "../runWarnings.js";
import type { Scenario, Target } from "../scenario/types.js";

/** Targets of whole-unit programmes that count starts of a year the annual re-plans decide. */
export function wholeUnitTargetsReplanned(scenario: Scenario): Target[] {
  const firstReplanned = Math.max(scenario.horizon.start + 1, scenario.asOf?.firstOpenYear ?? -Infinity);
  return scenario.targets.filter((t) => {
    const program = scenario.programs.find((p) => p.id === t.program);
    if (!program?.integer) return false;
    const lastStart = t.metric.endsWith("completed") ? lastStartCompletedBy({ program }, t.by) : t.by;
    return lastStart >= firstReplanned;
  });
}

/** The run warning for `--mode replan` where it applies (wholeUnitTargetsReplanned); none elsewhere. */
export function replanWholeUnitsWarnings(scenario: Scenario): Label[] {
  const targets = wholeUnitTargetsReplanned(scenario);
  if (targets.length === 0) return [];
  const namer = new Namer(scenario);
  const programs = scenario.programs.filter((p) => targets.some((t) => t.program === p.id))
    .map((p) => ({ en: namer.label("program", p.id), zh: namer.labelZh("program", p.id) }));
  return [replanRelaxesWholeUnits(programs, targets.map((t) => namer.name("target", t.id)))];
}
