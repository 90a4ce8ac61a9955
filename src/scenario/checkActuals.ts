/**
 * Checks of `actuals` and `as_of`: actuals are what already happened in a leaf — starts (and the
 * households they reach), completions, money paid by source — before the horizon (still paid for
 * in it) or in it. With `as_of`, years before the date are closed: every leaf and programme needs a
 * record for each closed horizon year (checkClosedYears.ts), records after the date's year make no
 * sense, and `partial` (when given) must agree with the date.
 */
import { flag, fmt, id, isTotalsLabel, list, num, rec, records, year, type CheckContext, type Doc } from "./checkContext.js";
import { checkClosedYearsCovered, type Unresolved } from "./checkClosedYears.js";
import type { PathKey } from "./positions.js";

interface AsOfYears {
  firstOpenYear: number;
  current: number | null;
}

export function checkActuals(ctx: CheckContext): void {
  const asOf = checkAsOf(ctx);
  const seen = new Map<string, number>();
  const inHorizon = new Map<string, number>();
  const entries = records(ctx.doc.actuals);
  const partialOf = (a: Doc, y: number) => (asOf ? y === asOf.current : flag(a.partial) === true);
  // Rows whose region is wrong (a name for an id, not a leaf) are reported once, at the region: a
  // check that looks up their other years would only add a false follow-on.
  const leafKnown: [Doc, number][] = [];
  // Records whose region, programme or year is wrong may be the record a closed year lacks: that
  // year is not said to lack it (a follow-on of the problem reported at the record).
  const unresolved: Unresolved[] = [];
  for (const [a, i] of entries) {
    const at = (...rest: PathKey[]) => ["actuals", i, ...rest];
    const region = ctx.leaf(at("region"), a.region, "an actual's region");
    if (region !== undefined) leafKnown.push([a, i]);
    const program = ctx.program(at("program"), a.program);
    const y = year(a.year);
    if (y !== undefined && ctx.horizon && y > ctx.horizon.end) {
      ctx.report(at("year"), `actual year ${y} is after the horizon end ${ctx.horizon.end}`);
    }
    if (y !== undefined) checkAgainstAsOf(ctx, a, y, asOf, at);
    if (flag(a.partial) === true && !asOf && y !== undefined && ctx.horizon && y < ctx.horizon.start) {
      ctx.report(at("partial"), `partial marks a year still running; ${y} is before the horizon`);
    }
    checkHouseholds(ctx, a, at);
    if (region === undefined || program === undefined || y === undefined) {
      if (!isTotalsLabel(a.region)) unresolved.push({ leaves: region !== undefined ? [region] : ctx.regionNamedBy(a.region), program, year: y });
      continue;
    }
    checkPaid(ctx, a, y, program, at);
    const row = ctx.leafRows(program).get(region);
    if (!row) {
      if (ctx.leafRowsWhole(program)) ctx.report(at(), `programme "${program}" has no by_region row for "${region}"`);
      continue;
    }
    const key = JSON.stringify([region, program, y]);
    const first = seen.get(key);
    if (first !== undefined) ctx.report(at(), `actual for ${program} in ${region} in ${y} is given twice (also actuals[${first}])`);
    else seen.set(key, i);
    const started = num(a.started);
    if (started === undefined || !ctx.horizon || y < ctx.horizon.start) continue;
    const pair = JSON.stringify([region, program]);
    const sum = (inHorizon.get(pair) ?? 0) + started;
    inHorizon.set(pair, sum);
    const stock = num(row.stock);
    if (stock !== undefined && sum > stock && sum - started <= stock) {
      ctx.report(at("started"), `actuals start ${fmt(sum)} units of "${program}" in "${region}" during the horizon, more than its stock ${fmt(stock)}`);
    }
  }
  checkCompletions(ctx, entries, leafKnown, partialOf);
  if (asOf) checkClosedYearsCovered(ctx, asOf.firstOpenYear, seen, unresolved, entries);
}

/** The date (a real calendar day, inside the planning period) and the years it closes. */
function checkAsOf(ctx: CheckContext): AsOfYears | null {
  const value = ctx.doc.as_of;
  if (value === undefined) return null;
  let years: AsOfYears;
  const y = year(value);
  if (typeof value === "number" && y !== undefined) years = { firstOpenYear: y, current: null };
  else if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [yy, mm, dd] = value.split("-").map(Number);
    const date = new Date(Date.UTC(yy, mm - 1, dd));
    if (date.getUTCFullYear() !== yy || date.getUTCMonth() !== mm - 1 || date.getUTCDate() !== dd) {
      ctx.report(["as_of"], `"${value}" is not a calendar date`);
      return null;
    }
    const yearEnd = mm === 12 && dd === 31;
    years = { firstOpenYear: yearEnd ? yy + 1 : yy, current: yearEnd ? null : yy };
  } else return null; // the schema reports it
  if (ctx.horizon && years.firstOpenYear > ctx.horizon.end) {
    ctx.report(["as_of"], `as_of ${String(value)} closes every year of the horizon ${ctx.horizon.start}–${ctx.horizon.end}: nothing is left to plan`);
  }
  return years;
}

function checkAgainstAsOf(ctx: CheckContext, a: Doc, y: number, asOf: AsOfYears | null, at: (...r: PathKey[]) => PathKey[]): void {
  if (!asOf) return;
  const date = String(ctx.doc.as_of);
  const last = asOf.current ?? asOf.firstOpenYear - 1;
  if (y > last) {
    ctx.report(at("year"), `actual year ${y} is after as_of ${date}: nothing has happened in it yet`);
    return;
  }
  const partial = flag(a.partial);
  if (partial === undefined) return;
  const running = y === asOf.current;
  if (partial !== running) {
    ctx.report(at("partial"), running
      ? `as_of ${date} falls in ${y}, so ${y} is still running: its record is partial (leave partial out)`
      : `as_of ${date} closes ${y}: its record is a whole year, not partial (leave partial out)`);
  }
}

function checkHouseholds(ctx: CheckContext, a: Doc, at: (...r: PathKey[]) => PathKey[]): void {
  const hh = num(a.households_started);
  if (hh !== undefined && hh > 0 && num(a.started) === 0) {
    ctx.report(at("households_started"), `households_started ${fmt(hh)} with no units started`);
  }
}

/** Money by source: sources that fund the programme, and only in years the plan pays for. */
function checkPaid(ctx: CheckContext, a: Doc, y: number, program: string, at: (...r: PathKey[]) => PathKey[]): void {
  const paid = rec(a.paid);
  if (!paid) return;
  if (ctx.horizon && y < ctx.horizon.start) {
    ctx.report(at("paid"), `money paid in ${y}, before the horizon, is not part of the plan (leave paid out of pre-horizon records)`);
    return;
  }
  const shares = rec(ctx.programs.get(program)?.shares) ?? {};
  for (const key of Object.keys(paid)) {
    const source = ctx.source(at("paid", key), key);
    if (source !== undefined && !(source in shares)) {
      ctx.report(at("paid", key), `source "${source}" does not fund programme "${program}" (it is not under its shares)`);
    }
  }
}

/**
 * Completions recorded in year c replace those of the units started in c − duration + 1, so those
 * starts must be settled: before the horizon, or a whole-year record. Completions are only
 * recorded for whole years inside the horizon (targets count from its start). `checked`: the
 * records whose region is a known leaf, the only ones whose start year can be looked up.
 */
function checkCompletions(ctx: CheckContext, entries: [Doc, number][], checked: [Doc, number][], partialOf: (a: Doc, y: number) => boolean): void {
  const byKey = new Map<string, Doc>();
  for (const [a] of entries) byKey.set(JSON.stringify([id(a.region), id(a.program), year(a.year)]), a);
  for (const [a, i] of checked) {
    const key = a.completed !== undefined ? "completed" : a.households_completed !== undefined ? "households_completed" : null;
    const y = year(a.year);
    if (key === null || y === undefined || !ctx.horizon) continue;
    const at = ["actuals", i, key];
    if (y < ctx.horizon.start) {
      ctx.report(at, `completions in ${y}, before the horizon, count towards nothing (targets count from ${ctx.horizon.start})`);
      continue;
    }
    if (partialOf(a, y)) {
      ctx.report(at, `completions are recorded for whole years only; ${y} is still running (its completions follow from earlier starts)`);
      continue;
    }
    const duration = list(ctx.programs.get(id(a.program) ?? "")?.spend_profile).length || 1;
    const from = y - duration + 1;
    if (from < ctx.horizon.start) continue;
    const start = byKey.get(JSON.stringify([id(a.region), id(a.program), from]));
    if (!start || partialOf(start, from)) {
      ctx.report(at, `units completing in ${y} were started in ${from}, which has no whole-year record: record ${from}'s starts first`);
    }
  }
}
