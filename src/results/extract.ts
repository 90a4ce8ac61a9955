/**
 * Reads the solved model back into tidy tables in planning units: yuan (not the LP's 万元),
 * units, households, with names beside ids. Shadow prices are converted here (see shadow.ts).
 */
import { type Expr, type ModelContext, MONEY_UNIT } from "../model/context.js";
import { activeUnits, startsIn } from "../model/expressions.js";
import { carryName, costName, fundsName } from "../model/names.js";
import { Namer } from "../plan/describe.js";
import type { PlanSolution } from "../plan/solvePlan.js";
import { budgetShadow, capacityShadow, targetMarginalCost } from "./shadow.js";
import { extractTargets } from "./targets.js";
import type { BudgetRow, CapacityRow, FundingRow, PlanRow, PlanTables } from "./types.js";

export function valueOf(e: Expr, primal: Float64Array): number {
  let s = e.constant;
  for (const t of e.terms) s += t.c * primal[t.v];
  return s;
}

/** Whole units for integer programmes; otherwise keep 6 decimals so CSVs are stable. */
export function roundUnits(x: number, integer: boolean): number {
  return integer ? Math.round(x) : round(x, 6);
}

export function round(x: number, digits: number): number {
  const k = 10 ** digits;
  const r = Math.round(x * k) / k;
  return r === 0 ? 0 : r; // no "-0" in CSVs
}

/**
 * A limit is binding when less than 1 yuan (or a millionth of it, for large budgets) is left:
 * stage tolerances let later stages give back a few yuan, which is not slack a planner could use.
 */
export function isBinding(available: number, used: number): boolean {
  return available - used <= Math.max(1 / MONEY_UNIT, 1e-6 * Math.abs(available));
}

export function extractTables(sol: PlanSolution): PlanTables {
  const ctx = sol.pm.ctx;
  const namer = new Namer(ctx.scenario);
  return {
    plan: extractPlan(ctx, sol.primal, namer),
    funding: extractFunding(ctx, sol.primal, namer),
    budgets: extractBudgets(sol, namer),
    capacity: extractCapacity(sol, namer),
    targets: extractTargets(sol, namer, targetMarginalCost),
    diagnostics: [],
  };
}

function extractPlan(ctx: ModelContext, primal: Float64Array, namer: Namer): PlanRow[] {
  const rows: PlanRow[] = [];
  for (const year of ctx.paymentYears) {
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
        cost_due_yuan: round(primal[ctx.lookup(costName(leaf.region, program.id, year))!] * MONEY_UNIT, 2),
        slots_used: round(active * program.slotsPerUnit, 6),
      });
    }
  }
  return rows;
}

function extractFunding(ctx: ModelContext, primal: Float64Array, namer: Namer): FundingRow[] {
  const rows: FundingRow[] = [];
  for (const year of ctx.paymentYears) {
    for (const { program, leaf } of ctx.leafPrograms) {
      const cost = primal[ctx.lookup(costName(leaf.region, program.id, year))!];
      for (const source of ctx.scenario.sources) {
        const v = ctx.lookup(fundsName(leaf.region, program.id, year, source.id));
        if (v === undefined) continue;
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
      }
    }
  }
  return rows;
}

function extractBudgets(sol: PlanSolution, namer: Namer): BudgetRow[] {
  const ctx = sol.pm.ctx;
  const rows: BudgetRow[] = [];
  ctx.model.rows.forEach((row, i) => {
    if (row.family !== "budgets") return;
    const source = ctx.source(String(row.key.source));
    const region = String(row.key.region);
    const year = Number(row.key.year);
    const carry = (y: number) => {
      const v = ctx.lookup(carryName(source.id, region, y));
      return v === undefined ? 0 : sol.primal[v];
    };
    const used = row.terms.reduce((s, t) => s + (ctx.model.variables[t.v].role === "funds" ? t.c * sol.primal[t.v] : 0), 0);
    const carriedIn = carry(year - 1);
    const available = row.ub + carriedIn;
    const shadow = budgetShadow(sol, i);
    rows.push({
      year,
      region,
      region_name: namer.name("region", region),
      source: source.id,
      source_name: source.name,
      budget_yuan: round(row.ub * MONEY_UNIT, 2),
      carried_in_yuan: round(carriedIn * MONEY_UNIT, 2),
      used_yuan: round(used * MONEY_UNIT, 2),
      carried_out_yuan: round(carry(year) * MONEY_UNIT, 2),
      utilisation: available > 0 ? round(used / available, 6) : 0,
      binding: isBinding(available, used), // carried-over money is slack, not a bound reached
      ...shadow,
    });
  });
  return rows.sort((a, b) => a.year - b.year || a.source.localeCompare(b.source) || a.region.localeCompare(b.region));
}

function extractCapacity(sol: PlanSolution, namer: Namer): CapacityRow[] {
  const ctx = sol.pm.ctx;
  const rows: CapacityRow[] = [];
  ctx.model.rows.forEach((row, i) => {
    if (row.family !== "capacity") return;
    const cap = ctx.scenario.capacity.find((c) => c.id === row.key.capacity)!;
    const year = Number(row.key.year);
    const slots = cap.slots[year];
    const used = slots - (row.ub - row.terms.reduce((s, t) => s + t.c * sol.primal[t.v], 0));
    rows.push({
      capacity: cap.id,
      year,
      region: cap.region,
      region_name: namer.name("region", cap.region),
      slots,
      slots_used: round(used, 6),
      utilisation: slots > 0 ? round(used / slots, 6) : 0,
      binding: slots - used <= Math.max(1e-6, 1e-6 * slots),
      ...capacityShadow(sol, i),
    });
  });
  return rows.sort((a, b) => a.year - b.year || a.capacity.localeCompare(b.capacity));
}
