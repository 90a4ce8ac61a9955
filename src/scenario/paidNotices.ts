/**
 * Payments recorded for a whole year fix that year's cost: a source not named paid nothing
 * (docs/scenario-reference.md). Offices often report only the money they handle — central and
 * provincial subsidies, say — and the year then costs a fraction of what its works cost, silently
 * shrinking the programme's total. A note names the leaf, programme and year whose recorded
 * payments are under half (PAID_SHARE_NOTED) of what the units being paid for that year cost at
 * planned unit costs, the sources recorded, the cost per unit recorded against the planned one, and
 * what can be done instead. Planned cost counts the recorded starts of the years whose units fall
 * due then (a start year without a record adds nothing, so the comparison errs towards silence).
 * A note, not an error: a year may really have cost less.
 */
import { fmt } from "./checkContext.js";
import { regionLabel } from "./moneyNotices.js";
import type { Actual, Scenario, YamlPath } from "./types.js";
import { unitCostOfStart } from "./unitPrice.js";
import { formatYuan } from "./units.js";

/** Recorded payments under this share of the planned cost due are noted. */
export const PAID_SHARE_NOTED = 0.5;

export function paidNotices(scenario: Scenario, place: (path: YamlPath) => string): string[] {
  const byKey = new Map(scenario.actuals.map((a) => [key(a.region, a.program, a.year), a]));
  const label = regionLabel(scenario);
  const out: string[] = [];
  scenario.actuals.forEach((a, i) => {
    if (!a.paid || a.partial) return;
    const program = scenario.programs.find((p) => p.id === a.program);
    const leaf = program?.leaves.find((l) => l.region === a.region);
    if (!program || !leaf) return;
    const priceOf = (year: number) => unitCostOfStart(program, leaf, year, scenario.horizon.start);
    let planned = 0;
    program.spendProfile.forEach((share, k) => {
      const started = byKey.get(key(a.region, a.program, a.year - k))?.started ?? 0;
      planned += share * priceOf(a.year - k) * started;
    });
    const paid = Object.values(a.paid).reduce((x, y) => x + y, 0);
    if (planned <= 0 || paid >= PAID_SHARE_NOTED * planned) return;
    const named = Object.keys(a.paid);
    const notNamed = Object.keys(program.shares).filter((s) => !named.includes(s));
    const from = notNamed.length > 0 ? ` from ${named.join(", ")} only (${named.length} of the ${named.length + notNamed.length} sources funding it)` : " from every source funding it";
    const perUnit = a.started > 0 ? `, ${formatYuan(paid / a.started)} a unit started that year (${fmt(a.started)}), against a planned unit cost of ${formatYuan(priceOf(a.year))}` : "";
    const span = program.spendProfile.length > 1 ? ` (started ${a.year - program.spendProfile.length + 1}–${a.year})` : "";
    const why = notNamed.length > 0
      ? `a whole year's cost is what was paid, and a source not named paid nothing (${notNamed.join(", ")})`
      : "a whole year's cost is what was paid";
    out.push(
      `actuals[${i}] (${place(["actuals", i])}): payments recorded for ${label(a.region)}, ${a.program} in ${a.year} come to ${formatYuan(paid)}${from}${perUnit}; ` +
        `that is under half of the ${formatYuan(planned)} the units being paid for then${span} cost at planned unit costs. ` +
        `The plan counts ${formatYuan(paid)} for that year: ${why}. ${whatToDo(scenario, a, notNamed.length > 0)}`,
    );
  });
  return out;
}

/** What a planner can record instead: every source's payment, no payments at all, or (an open year only) floors. */
function whatToDo(scenario: Scenario, a: Actual, some: boolean): string {
  const record = some ? `Record every source's ${a.year} payment` : "Check the amounts and their unit (an amount without a unit is yuan)";
  const floors = scenario.asOf
    ? `as_of ${scenario.asOf.text} closes ${a.year}, so its payments cannot be marked partial (floors): partial is for the running year only`
    : `or mark the record partial: true to make its payments (and its starts) floors the plan may add to`;
  return `${record}, or leave ${a.year}'s payments out and the plan estimates them within the budgets and shares; ${floors}`;
}

function key(region: string, program: string, year: number): string {
  return `${region}|${program}|${year}`;
}
