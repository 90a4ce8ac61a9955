/**
 * The fixed plan in the flat, index-based form the per-draw executor runs on (no maps, no strings
 * in the hot loop). Built once from a solved plan; cloneable to worker threads.
 *
 * Year index y runs over the payment years (horizon, then tail years in which late units are still
 * paid for); only horizon years have planned starts and uncertain cells.
 */
import { MONEY_UNIT } from "../model/context.js";
import { unitCostAt } from "../model/expressions.js";
import { recordedMoney } from "../model/recorded.js";
import type { PlanSolution } from "../plan/solvePlan.js";
import type { Scenario } from "../scenario/types.js";

/** A plan as a point of the planning model (extra columns after the model's own are ignored). */
export type PlannedPoint = Pick<PlanSolution, "pm" | "primal">;

export interface ExecLeafProgram {
  /** Indices into the world layout (programs, leaves). */
  p: number;
  l: number;
  profile: number[];
  householdsPerUnit: number;
  slotsPerUnit: number;
  /** Whole units (`integer: true`): consent failures and slips fail or slip whole candidates. */
  whole: boolean;
  /** Escalated unit cost (yuan) of a unit started in horizon year index y. */
  unitCost: number[];
  /** Planned starts per horizon year (from the solved plan, actuals included). */
  planned: number[];
  /** Starts already made (recorded actuals, not a frozen past) per horizon year: certain, never deferred. */
  actual: number[];
  /** Years whose starts are fixed by non-partial actuals. */
  fixed: boolean[];
  /** Cost falling due per payment year from units started before the horizon (yuan). */
  preCost: number[];
  /** Units still active per payment year from pre-horizon starts. */
  preActive: number[];
  /** Units started before the horizon that complete in each payment year. */
  preCompleted: number[];
  /**
   * Per payment year, yuan paid by each source in a whole year whose money actuals record; null
   * where the year's money is planned (a frozen past included). Recorded money is certain in every draw.
   */
  recordedPaid: (number[] | null)[];
  /**
   * Planned share of each source in each payment year's cost: shares[y · sources + s]. Per year,
   * because a plan's funding mix changes from year to year (an earmarked budget binds in one year,
   * not the next); averaging it would overdraw some budgets even in a world with no uncertainty.
   * Years the plan spends nothing in use the plan's overall mix.
   */
  shares: number[];
}

export interface ExecBudget {
  source: number;
  /** The budget's region node. */
  region: string;
  yearIndex: number;
  /** Index of the (source, node, year) cell in the world's budgetFactor array; −1 for history (as_of). */
  factorCell: number;
  amount: number;
  leafPrograms: number[];
  /** The same source and node's budget of the next year when the source carries over; else −1. */
  next: number;
}

export interface ExecCapacity {
  yearIndex: number;
  slots: number;
  leafPrograms: number[];
}

export interface ExecutionPlan {
  horizonYears: number;
  paymentYears: number[];
  sourceKinds: string[];
  leafPrograms: ExecLeafProgram[];
  budgets: ExecBudget[];
  capacity: ExecCapacity[];
}

/** Position of a budget in `budgets` by source, region node and payment-year index; −1 when none. */
export function execBudgetLookup(budgets: readonly ExecBudget[], sources: number): (source: number, region: string, yearIndex: number) => number {
  const bySource = Array.from({ length: sources }, () => new Map<string, Map<number, number>>());
  budgets.forEach((b, i) => {
    const byRegion = bySource[b.source];
    if (!byRegion.has(b.region)) byRegion.set(b.region, new Map());
    byRegion.get(b.region)!.set(b.yearIndex, i);
  });
  return (source, region, yearIndex) => bySource[source].get(region)?.get(yearIndex) ?? -1;
}

/** Reads only the model context and the primal, so any plan over the planning model's columns will do. */
export function buildExecutionPlan(sol: PlannedPoint): ExecutionPlan {
  const ctx = sol.pm.ctx;
  const scenario = ctx.scenario;
  const leaves = scenario.regions.filter((r) => r.isLeaf && !r.isGroup).map((r) => r.id);
  const H = ctx.years.length;
  const leafPrograms = ctx.leafPrograms.map((lp, i) => {
    const planned = ctx.years.map((_, h) => sol.primal[ctx.index.startsCol(i, h)]);
    const dur = lp.program.spendProfile.length;
    const preCost = ctx.paymentYears.map(() => 0);
    const preActive = ctx.paymentYears.map(() => 0);
    const preCompleted = ctx.paymentYears.map(() => 0);
    for (const [year, units] of lp.preHorizonStarts) {
      for (let k = 0; k < dur; k++) {
        const yi = year + k - scenario.horizon.start;
        if (yi < 0 || yi >= preCost.length) continue;
        preCost[yi] += lp.program.spendProfile[k] * unitCostAt(ctx, lp, year) * MONEY_UNIT * units;
        preActive[yi] += units;
        if (k === dur - 1) preCompleted[yi] += units;
      }
    }
    return {
      p: scenario.programs.indexOf(lp.program),
      l: leaves.indexOf(lp.leaf.region),
      profile: lp.program.spendProfile,
      householdsPerUnit: lp.leaf.householdsPerUnit,
      slotsPerUnit: lp.program.slotsPerUnit,
      whole: lp.program.integer,
      unitCost: ctx.years.map((y) => unitCostAt(ctx, lp, y) * MONEY_UNIT),
      planned,
      actual: ctx.years.map((y) => lp.actuals.get(y)?.reportedStarted ?? 0),
      fixed: ctx.years.map((y) => lp.actuals.get(y)?.recordedWhole ?? false),
      preCost,
      preActive,
      preCompleted,
      recordedPaid: ctx.paymentYears.map((year) => {
        const paid = recordedMoney(lp, year);
        return paid ? Array.from(paid) : null;
      }),
      shares: plannedShares(sol, lp.index),
    };
  });
  const nodeIndex = new Map(scenario.regions.map((r, i) => [r.id, i]));
  const budgets: ExecBudget[] = [];
  scenario.sources.forEach((source, s) => {
    for (const b of source.budgets) {
      const yearIndex = b.year - scenario.horizon.start;
      if (yearIndex < 0 || yearIndex >= ctx.paymentYears.length) continue;
      const members = ctx.leafProgramsIn(b.region).filter((lp) => lp.program.shares[source.id]);
      budgets.push({
        source: s,
        region: b.region,
        yearIndex,
        // A budget of a year closed by as_of is history: it arrived as it was (a frozen past's is not).
        factorCell: !ctx.isHistory(b.year) ? (s * scenario.regions.length + nodeIndex.get(b.region)!) * ctx.paymentYears.length + yearIndex : -1,
        amount: b.amount,
        leafPrograms: members.map((lp) => lp.index),
        next: -1,
      });
    }
  });
  const budgetAt = execBudgetLookup(budgets, scenario.sources.length);
  for (const b of budgets) if (scenario.sources[b.source].carryover) b.next = budgetAt(b.source, b.region, b.yearIndex + 1);
  const capacity: ExecCapacity[] = [];
  for (const cap of scenario.capacity) {
    for (const year of ctx.years) {
      if (cap.slots[year] === undefined) continue;
      capacity.push({
        yearIndex: year - scenario.horizon.start,
        slots: cap.slots[year],
        leafPrograms: ctx.leafProgramsIn(cap.region, cap.programs).map((lp) => lp.index),
      });
    }
  }
  return {
    horizonYears: H,
    paymentYears: ctx.paymentYears,
    sourceKinds: scenario.sources.map((s) => s.kind),
    leafPrograms,
    budgets,
    capacity,
  };
}

/**
 * Each source's share of the leaf-programme's planned cost in each payment year (flattened
 * [year][source]). A year without planned cost uses the mix over all payment years; a
 * leaf-programme the plan never spends on uses the midpoint of the share bounds, normalised to 1.
 */
function plannedShares(sol: PlannedPoint, lp: number): number[] {
  const ctx = sol.pm.ctx;
  const scenario: Scenario = ctx.scenario;
  const S = scenario.sources.length;
  const byYear = ctx.paymentYears.map((_, y) => {
    const cost = sol.primal[ctx.index.costCol(lp, y)] * MONEY_UNIT;
    const funds = scenario.sources.map((_, s) => {
      const v = ctx.index.fundsCol(lp, y, s);
      return v < 0 ? 0 : sol.primal[v] * MONEY_UNIT;
    });
    return { cost, funds };
  });
  const cost = byYear.reduce((a, y) => a + y.cost, 0);
  let overall: number[];
  if (cost > 1) {
    overall = scenario.sources.map((_, i) => byYear.reduce((a, y) => a + y.funds[i], 0) / cost);
  } else {
    const shares = ctx.leafPrograms[lp].program.shares;
    const mid = scenario.sources.map((s) => (shares[s.id] ? (shares[s.id].min + shares[s.id].max) / 2 : 0));
    const sum = mid.reduce((a, b) => a + b, 0);
    overall = mid.map((m) => (sum > 0 ? m / sum : 0));
  }
  const out = new Array<number>(byYear.length * S);
  byYear.forEach((y, yi) => {
    for (let s = 0; s < S; s++) out[yi * S + s] = y.cost > 1 ? y.funds[s] / y.cost : overall[s];
  });
  return out;
}
