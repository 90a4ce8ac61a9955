/**
 * What `actuals` recorded, as the model reads it for one leaf-programme: the year's record, the
 * money paid by source, and the constant corrections that make recorded households and completions
 * count instead of the ones derived from starts (units × households per unit; completions = the
 * starts one duration earlier). Model rows, plan tables and Monte Carlo metrics all add the same
 * corrections, so a target counts reported households wherever it is measured.
 */
import type { Actual, Program, ProgramLeaf } from "../scenario/types.js";

/** The part of a leaf-programme (ModelContext.leafPrograms) these readings need. */
export interface RecordedLeafProgram {
  program: Pick<Program, "spendProfile">;
  leaf: Pick<ProgramLeaf, "householdsPerUnit">;
  actuals: ReadonlyMap<number, ActualYear>;
}

/** One leaf-programme-year of actuals, resolved against the scenario's sources. */
export interface ActualYear {
  /** Starts the model holds: fixed in a whole year, a floor in a partial one. */
  started: number;
  /** A whole year (not partial): starts (and money, where recorded) are fixed, not floors. */
  fixed: boolean;
  /** Starts and yuan by source index as recorded in actuals (reported as actual; a frozen past is not). */
  reportedStarted: number;
  reportedPaid: Float64Array | null;
  householdsStarted: number | null;
  completed: number | null;
  householdsCompleted: number | null;
  /** Yuan paid by source index that the model holds (0 where a source is not named); null when none. */
  paid: Float64Array | null;
  /**
   * The record itself covers the whole year (not partial). A frozen past (stress --from) is fixed
   * in the model but is not a record: a sampled world executes it like a plan.
   */
  recordedWhole: boolean;
}

export function actualYear(a: Actual, sourceIndex: (id: string) => number, sources: number): ActualYear {
  const bySource = (paid: Record<string, number> | undefined): Float64Array | null => {
    if (!paid) return null;
    const out = new Float64Array(sources);
    for (const [id, yuan] of Object.entries(paid)) out[sourceIndex(id)] += yuan;
    return out;
  };
  const reportedPaid = bySource(a.paid);
  return {
    started: a.frozen?.started ?? a.started,
    fixed: a.frozen !== undefined || !a.partial,
    reportedStarted: a.started,
    reportedPaid,
    householdsStarted: a.householdsStarted ?? null,
    completed: a.completed ?? null,
    householdsCompleted: a.householdsCompleted ?? null,
    paid: a.frozen ? bySource(a.frozen.paid) : reportedPaid,
    recordedWhole: !a.partial,
  };
}

/**
 * The money of a whole recorded year: what each source paid is fixed, and the year's cost is what
 * was paid (not the cost derived from unit costs, which real spending never matches exactly).
 */
export function fixedMoney(lp: RecordedLeafProgram, year: number): Float64Array | null {
  const a = lp.actuals.get(year);
  return a && a.fixed && a.paid ? a.paid : null;
}

/**
 * What a sampled world takes as paid for certain: the money of a whole year as actuals record it
 * (a frozen past's money is the plan's, executed under uncertainty).
 */
export function recordedMoney(lp: RecordedLeafProgram, year: number): Float64Array | null {
  const a = lp.actuals.get(year);
  return a && a.recordedWhole ? a.reportedPaid : null;
}

/** Households started in year t beyond starts × households per unit (recorded minus derived). */
export function householdsStartedCorrection(lp: RecordedLeafProgram, t: number): number {
  const a = lp.actuals.get(t);
  if (!a || a.householdsStarted === null) return 0;
  return a.householdsStarted - a.reportedStarted * lp.leaf.householdsPerUnit;
}

/** Starts of year `from`, when they are settled (before the horizon, or a whole recorded year). */
function settledStarts(lp: RecordedLeafProgram, from: number): number {
  return lp.actuals.get(from)?.started ?? 0;
}

/** Units completing in year c beyond the starts one duration earlier (recorded minus derived). */
export function completedCorrection(lp: RecordedLeafProgram, c: number): number {
  const a = lp.actuals.get(c);
  if (!a || a.completed === null) return lateInto(lp, c, unitsLeft);
  return unitsRecorded(lp, c)!;
}

/** Households completing in year c beyond starts one duration earlier × households per unit. */
export function householdsCompletedCorrection(lp: RecordedLeafProgram, c: number): number {
  const recorded = householdsRecorded(lp, c);
  if (recorded !== null) return recorded;
  return householdsStartedCorrection(lp, c - lp.program.spendProfile.length + 1) + lateInto(lp, c, householdsLeft);
}

/** Recorded completed units of year c minus the starts one duration earlier; null when c records none. */
function unitsRecorded(lp: RecordedLeafProgram, c: number): number | null {
  const a = lp.actuals.get(c);
  if (!a || a.completed === null) return null;
  return a.completed - settledStarts(lp, c - lp.program.spendProfile.length + 1);
}

/** Recorded completed households of year c minus the starts one duration earlier × households per unit; null when c records none. */
function householdsRecorded(lp: RecordedLeafProgram, c: number): number | null {
  const from = c - lp.program.spendProfile.length + 1;
  const a = lp.actuals.get(c);
  if (a?.householdsCompleted == null && a?.completed == null) return null;
  const started = settledStarts(lp, from);
  const base = started * lp.leaf.householdsPerUnit;
  if (a.householdsCompleted !== null) return a.householdsCompleted - base;
  // Completed units only: households per unit of those starts as recorded (or the leaf's average).
  const perUnit = started > 0 ? (base + householdsStartedCorrection(lp, from)) / started : lp.leaf.householdsPerUnit;
  return a.completed! * perUnit - base;
}

/** Units started one duration before y that y's recorded completions leave uncompleted (negative: more completed); null when y records none. */
function unitsLeft(lp: RecordedLeafProgram, y: number): number | null {
  const recorded = unitsRecorded(lp, y);
  return recorded === null ? null : -recorded;
}

/** The same in households: those started one duration before y (as recorded) minus those y records completed. */
function householdsLeft(lp: RecordedLeafProgram, y: number): number | null {
  const recorded = householdsRecorded(lp, y);
  return recorded === null ? null : householdsStartedCorrection(lp, y - lp.program.spendProfile.length + 1) - recorded;
}

/**
 * Recorded starts that recorded completions left out — 92 % of 2021's starts recorded as
 * completed in 2022 — complete in the first year after them whose completions are derived (the
 * year after the last recorded one, usually the first open year): otherwise they would never count
 * as completed. `left(y)`: what year y's recorded completions leave of the starts one duration
 * earlier (null where y records none). Over each run of years with recorded completions, the late
 * units add up, counted only where that start year has a record (completions of unrecorded
 * pre-horizon starts owe nothing); more completions than starts (late units finishing, or units
 * finishing early) offset the lateness, and a net excess is not taken back.
 */
function lateInto(lp: RecordedLeafProgram, c: number, left: (lp: RecordedLeafProgram, y: number) => number | null): number {
  const first = Math.min(...lp.actuals.keys());
  let late = 0;
  for (let y = first; y < c; y++) {
    const owed = left(lp, y);
    if (owed === null) late = 0; // a derived year took them
    else if (lp.actuals.has(y - lp.program.spendProfile.length + 1)) late += owed;
  }
  return Math.max(0, late);
}

/**
 * The constant a cumulative target metric over one leaf-programme adds to its derived value, by the
 * end of `by`, counted from the horizon start.
 */
export function metricCorrection(lp: RecordedLeafProgram, metric: string, horizonStart: number, by: number): number {
  let sum = 0;
  for (let year = horizonStart; year <= by; year++) {
    if (metric === "households_started") sum += householdsStartedCorrection(lp, year);
    else if (metric === "completed") sum += completedCorrection(lp, year);
    else if (metric === "households_completed") sum += householdsCompletedCorrection(lp, year);
  }
  return sum;
}
