/**
 * `as_of` and `actuals` of the validated YAML → the typed `AsOf` and `Actual` records. With
 * `as_of`, whether a record is partial follows from the date (the year it falls in is still
 * running; earlier years are closed); without it, from each record's `partial`.
 */
import type { RawScenario } from "./schema.js";
import type { Actual, AsOf, Horizon, Program } from "./types.js";

export function normaliseAsOf(value: RawScenario["as_of"]): AsOf | null {
  if (value === undefined) return null;
  if (typeof value === "number") return { text: String(value), firstOpenYear: value, current: null };
  const year = Number(value.slice(0, 4));
  const yearEnd = value.slice(5) === "12-31";
  return { text: value, firstOpenYear: yearEnd ? year + 1 : year, current: yearEnd ? null : year };
}

/** The horizon years an `as_of` closes: from the start up to its first open year, within the horizon. */
export function closedYears(horizon: { start: number; end: number }, firstOpenYear: number): number[] {
  const years: number[] = [];
  for (let y = horizon.start; y < Math.min(firstOpenYear, horizon.end + 1); y++) years.push(y);
  return years;
}

export function normaliseActuals(raw: RawScenario["actuals"], asOf: AsOf | null): Actual[] {
  return (raw ?? []).map((a): Actual => ({
    region: a.region,
    program: a.program,
    year: a.year,
    started: a.started,
    ...(a.households_started === undefined ? {} : { householdsStarted: a.households_started }),
    ...(a.completed === undefined ? {} : { completed: a.completed }),
    ...(a.households_completed === undefined ? {} : { householdsCompleted: a.households_completed }),
    ...(a.paid === undefined ? {} : { paid: { ...a.paid } }),
    partial: asOf ? a.year === asOf.current : (a.partial ?? false),
  }));
}

/**
 * A leaf whose stock of a programme is 0 needs no record for a year `as_of` closes
 * (checkClosedYears.ts): it gets the one an office would write, `started: 0` for the whole year,
 * appended, so the model, its tables and Monte Carlo treat it exactly as that record (starts fixed,
 * money left to the plan as in any record without `paid`).
 */
export function withNothingToStart(actuals: Actual[], asOf: AsOf | null, programs: readonly Program[], horizon: Horizon): Actual[] {
  if (!asOf) return actuals;
  const recorded = new Set(actuals.map((a) => JSON.stringify([a.region, a.program, a.year])));
  const added: Actual[] = [];
  for (const year of closedYears(horizon, asOf.firstOpenYear)) {
    for (const program of programs) {
      for (const leaf of program.leaves) {
        if (leaf.stock !== 0 || recorded.has(JSON.stringify([leaf.region, program.id, year]))) continue;
        added.push({ region: leaf.region, program: program.id, year, started: 0, partial: false });
      }
    }
  }
  return added.length === 0 ? actuals : [...actuals, ...added];
}
