/**
 * Reads the solved model back into tidy tables in planning units: yuan (not the LP's 万元),
 * units, households, with names beside ids. Columns and rows are found through the model index.
 * Every amount and count passes the reporting tolerance (numbers.ts); derived columns (households,
 * completions, shares) are computed from the reported values, so they agree with what a reader
 * sums, and with recorded actuals wherever those exist. Shadow prices are converted here (see
 * shadow.ts).
 */
import { type LeafProgram, type ModelContext, MONEY_UNIT } from "../model/context.js";
import { startsIn } from "../model/expressions.js";
import { completedCorrection, householdsCompletedCorrection, householdsStartedCorrection } from "../model/recorded.js";
import { Namer } from "../plan/describe.js";
import { householdPrograms } from "../scenario/householdPrograms.js";
import type { PlanSolution } from "../plan/solvePlan.js";
import { budgetMoney, reportedBudgetMoney } from "./carry.js";
import { isBinding, round, roundUnits, shareOf, sumYuan, valueOf } from "./numbers.js";
import { reportedPayments } from "./payments.js";
import { roundingRow } from "./roundingNotes.js";
import { budgetShadow, capacityShadow, targetMarginalCost } from "./shadow.js";
import { extractShadowPrices } from "./shadowPrices.js";
import { extractTargets } from "./targets.js";
import type { BudgetRow, CapacityRow, FundingRow, PlanRow, PlanTables } from "./types.js";

export function extractTables(sol: PlanSolution): PlanTables {
  const ctx = sol.pm.ctx;
  const namer = new Namer(ctx.scenario);
  const { paid, notes } = reportedPayments(ctx, sol.primal);
  return {
    plan: extractPlan(ctx, sol.primal, paid, namer),
    funding: extractFunding(ctx, paid, namer),
    budgets: extractBudgets(sol, paid, namer),
    capacity: extractCapacity(sol, namer),
    targets: extractTargets(sol, namer, targetMarginalCost),
    shadowPrices: extractShadowPrices(sol, namer),
    // Sums the rounding to the fen could not hold (diagnosticsOf keeps them beside its own rows).
    diagnostics: notes.map(roundingRow),
  };
}

/**
 * plan.csv. Every derived count is taken of the reported starts (units active, completed,
 * households) and the cost due is the sum of the reported payments, so a row reads the same
 * whether its year was planned or re-entered from an earlier plan's CSVs as actuals. A programme
 * whose units hold no households leaves its households empty (householdPrograms.ts), so that every
 * reader that adds them up — stress, a spreadsheet's sum — counts households only.
 */
function extractPlan(ctx: ModelContext, primal: Float64Array, paid: Float64Array, namer: Namer): PlanRow[] {
  const rows: PlanRow[] = [];
  const counted = householdPrograms(ctx.scenario);
  ctx.paymentYears.forEach((year, y) => {
    for (const lp of ctx.leafPrograms) {
      const { program, leaf } = lp;
      const duration = program.spendProfile.length;
      const startedIn = (t: number) => roundUnits(valueOf(startsIn(ctx, lp, t), primal), program.integer);
      const started = startedIn(year);
      const startedThen = startedIn(year - duration + 1);
      let active = 0;
      for (let k = 0; k < duration; k++) active += startedIn(year - k);
      active = roundUnits(active, program.integer);
      const households = counted.has(program.id);
      rows.push({
        ...leafKey(year, { leaf, program }, namer),
        units_started: started,
        actual_started: roundUnits(lp.actuals.get(year)?.reportedStarted ?? 0, program.integer),
        units_active: active,
        units_completed: roundUnits(startedThen + completedCorrection(lp, year), program.integer),
        households_started: households ? round(started * leaf.householdsPerUnit + householdsStartedCorrection(lp, year), 4) : null,
        households_completed: households ? round(startedThen * leaf.householdsPerUnit + householdsCompletedCorrection(lp, year), 4) : null,
        cost_due_yuan: sumYuan(paidBySource(ctx, paid, lp.index, y)),
        slots_used: round(active * program.slotsPerUnit, 6),
      });
    }
  });
  return rows;
}

/** The key columns plan.csv and funding.csv begin with: year, region and programme, with their names. */
function leafKey(year: number, { leaf, program }: Pick<LeafProgram, "leaf" | "program">, namer: Namer) {
  return { year, region: leaf.region, region_name: namer.name("region", leaf.region), program: program.id, program_name: program.name };
}

/** Reported yuan paid by each source (scenario order; 0 for sources that do not fund the programme). */
function paidBySource(ctx: ModelContext, paid: Float64Array, lp: number, y: number): number[] {
  return ctx.scenario.sources.map((_, s) => {
    const v = ctx.index.fundsCol(lp, y, s);
    return v < 0 ? 0 : paid[v];
  });
}

/**
 * funding.csv, of the reported payments (`paid`: reportedPayments). Also read by min-budget, whose
 * plan at λ is a solution of a model built on the planning model (the same columns, and a scale).
 */
export function extractFunding(ctx: ModelContext, paid: Float64Array, namer = new Namer(ctx.scenario)): FundingRow[] {
  const rows: FundingRow[] = [];
  ctx.paymentYears.forEach((year, y) => {
    for (const { index: i, program, leaf, actuals } of ctx.leafPrograms) {
      const amounts = paidBySource(ctx, paid, i, y);
      const cost = sumYuan(amounts);
      const recorded = actuals.get(year)?.reportedPaid;
      ctx.scenario.sources.forEach((source, s) => {
        if (ctx.index.fundsCol(i, y, s) < 0) return;
        rows.push({
          ...leafKey(year, { leaf, program }, namer),
          source: source.id,
          source_name: source.name,
          source_kind: source.kind,
          amount_yuan: amounts[s],
          share_of_cost: shareOf(amounts[s], cost),
          actual_amount_yuan: recorded ? round(recorded[s], 2) : 0,
        });
      });
    }
  });
  return rows;
}

/**
 * budgets.csv: used and carried money as the reported payments add up (carry.ts), so used is the sum
 * of funding.csv's payments and carried out = budget + carried in − used, to the fen; binding is
 * read off the plan itself (a budget spent to within a yuan).
 */
function extractBudgets(sol: PlanSolution, paid: Float64Array, namer: Namer): BudgetRow[] {
  const ctx = sol.pm.ctx;
  const money = budgetMoney(ctx, sol.primal);
  const reported = reportedBudgetMoney(ctx, sol.primal, paid);
  const rows = ctx.index.budgetRows.map((b, k): BudgetRow => {
    const row = ctx.model.rows[b.row];
    const source = ctx.scenario.sources[b.source];
    const used = money.used[k];
    const available = row.ub + money.carriedIn[k];
    const budget = round(row.ub * MONEY_UNIT, 2);
    const carriedInYuan = reported.carriedIn[k];
    const usedYuan = reported.used[k];
    return {
      year: b.year,
      region: b.region,
      region_name: namer.name("region", b.region),
      source: source.id,
      source_name: source.name,
      budget_yuan: budget,
      carried_in_yuan: carriedInYuan,
      used_yuan: usedYuan,
      carried_out_yuan: reported.carriedOut[k],
      utilisation: shareOf(usedYuan, sumYuan([budget, carriedInYuan])),
      binding: isBinding(available, used), // carried-over money is slack, not a bound reached
      ...budgetShadow(sol, b.row),
    };
  });
  return rows.sort((a, b) => a.year - b.year || a.source.localeCompare(b.source) || a.region.localeCompare(b.region));
}

function extractCapacity(sol: PlanSolution, namer: Namer): CapacityRow[] {
  const ctx = sol.pm.ctx;
  const rows = ctx.index.capacityRows.map((c): CapacityRow => {
    const row = ctx.model.rows[c.row];
    const cap = ctx.scenario.capacity[c.capacity];
    const slots = cap.slots[c.year];
    const used = slots - (row.ub - valueOf({ terms: row.terms, constant: 0 }, sol.primal));
    return {
      capacity: cap.id,
      year: c.year,
      region: cap.region,
      region_name: namer.name("region", cap.region),
      slots,
      slots_used: roundUnits(used, false),
      utilisation: slots > 0 ? round(used / slots, 6) : 0,
      binding: slots > 0 && slots - used <= Math.max(1e-6, 1e-6 * slots), // 0 slots hold nothing back
      ...capacityShadow(sol, c.row),
    };
  });
  return rows.sort((a, b) => a.year - b.year || a.capacity.localeCompare(b.capacity));
}
