/**
 * Reads the solved model back into tidy tables in planning units: yuan (not the LP's 万元),
 * units, households, with names beside ids. Columns and rows are found through the model index.
 * Shadow prices are converted here (see shadow.ts).
 */
import { type Expr, type ModelContext, MONEY_UNIT } from "../model/context.js";
import { activeUnits, startsIn } from "../model/expressions.js";
import { Namer } from "../plan/describe.js";
import type { PlanSolution } from "../plan/solvePlan.js";
import { isBinding, round, roundUnits, valueOf } from "./numbers.js";
import { budgetShadow, capacityShadow, targetMarginalCost } from "./shadow.js";
import { extractShadowPrices } from "./shadowPrices.js";
import { extractTargets } from "./targets.js";
import type { BudgetRow, CapacityRow, FundingRow, PlanRow, PlanTables } from "./types.js";

export function extractTables(sol: PlanSolution): PlanTables {
  const ctx = sol.pm.ctx;
  const namer = new Namer(ctx.scenario);
  return {
    plan: extractPlan(ctx, sol.primal, namer),
    funding: extractFunding(ctx, sol.primal, namer),
    budgets: extractBudgets(sol, namer),
    capacity: extractCapacity(sol, namer),
    targets: extractTargets(sol, namer, targetMarginalCost),
    shadowPrices: extractShadowPrices(sol, namer),
    diagnostics: [],
  };
}

function extractPlan(ctx: ModelContext, primal: Float64Array, namer: Namer): PlanRow[] {
  const rows: PlanRow[] = [];
  ctx.paymentYears.forEach((year, y) => {
    for (const lp of ctx.leafPrograms) {
      const { program, leaf } = lp;
      const units = (e: Expr) => roundUnits(valueOf(e, primal), program.integer);
      const started = units(startsIn(ctx, lp, year));
      const completed = units(startsIn(ctx, lp, year - program.spendProfile.length + 1));
      const active = units(activeUnits(ctx, lp, year));
      const actual = lp.actuals.get(year)?.started ?? 0;
      rows.push({
        year,
        region: leaf.region,
        region_name: namer.name("region", leaf.region),
        program: program.id,
        program_name: program.name,
        units_started: started,
        actual_started: actual,
        units_active: active,
        units_completed: completed,
        households_started: round(started * leaf.householdsPerUnit, 4),
        households_completed: round(completed * leaf.householdsPerUnit, 4),
        cost_due_yuan: round(primal[ctx.index.costCol(lp.index, y)] * MONEY_UNIT, 2),
        slots_used: round(active * program.slotsPerUnit, 6),
      });
    }
  });
  return rows;
}

function extractFunding(ctx: ModelContext, primal: Float64Array, namer: Namer): FundingRow[] {
  const rows: FundingRow[] = [];
  ctx.paymentYears.forEach((year, y) => {
    for (const { index: i, program, leaf } of ctx.leafPrograms) {
      const cost = primal[ctx.index.costCol(i, y)];
      ctx.scenario.sources.forEach((source, s) => {
        const v = ctx.index.fundsCol(i, y, s);
        if (v < 0) return;
        const amount = primal[v];
        rows.push({
          year,
          region: leaf.region,
          region_name: namer.name("region", leaf.region),
          program: program.id,
          program_name: program.name,
          source: source.id,
          source_name: source.name,
          source_kind: source.kind,
          amount_yuan: round(amount * MONEY_UNIT, 2),
          share_of_cost: cost > 1e-9 ? round(amount / cost, 6) : 0,
        });
      });
    }
  });
  return rows;
}

function extractBudgets(sol: PlanSolution, namer: Namer): BudgetRow[] {
  const ctx = sol.pm.ctx;
  const at = (v: number) => (v < 0 ? 0 : sol.primal[v]);
  const rows = ctx.index.budgetRows.map((b): BudgetRow => {
    const row = ctx.model.rows[b.row];
    const source = ctx.scenario.sources[b.source];
    let used = 0;
    for (const t of row.terms) if (t.v !== b.carryIn && t.v !== b.carryOut) used += t.c * sol.primal[t.v];
    const carriedIn = at(b.carryIn);
    const available = row.ub + carriedIn;
    return {
      year: b.year,
      region: b.region,
      region_name: namer.name("region", b.region),
      source: source.id,
      source_name: source.name,
      budget_yuan: round(row.ub * MONEY_UNIT, 2),
      carried_in_yuan: round(carriedIn * MONEY_UNIT, 2),
      used_yuan: round(used * MONEY_UNIT, 2),
      carried_out_yuan: round(at(b.carryOut) * MONEY_UNIT, 2),
      utilisation: available > 0 ? round(used / available, 6) : 0,
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
      slots_used: round(used, 6),
      utilisation: slots > 0 ? round(used / slots, 6) : 0,
      binding: slots - used <= Math.max(1e-6, 1e-6 * slots),
      ...capacityShadow(sol, c.row),
    };
  });
  return rows.sort((a, b) => a.year - b.year || a.capacity.localeCompare(b.capacity));
}
