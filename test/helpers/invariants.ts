/**
 * Independent checks of a plan's result tables against the scenario — computed from the CSV-level
 * numbers, not from the model — so a modelling or extraction bug shows up as a violation:
 * money balances (to 1 yuan), shares (none of a zero cost), residents' caps, recorded money paid as
 * recorded, budgets (with carry-over), capacity, stock, start limits, and every met target really
 * reached. Tests run them on every shipped scenario and on generated ones.
 */
import type { Scenario } from "../../src/scenario/types.js";
import type { PlanTables } from "../../src/results/types.js";

export interface Violation {
  invariant: string;
  where: string;
  detail: string;
}

const YUAN = 1; // money tolerance
const UNITS = 1e-4; // unit tolerance (LP values are rounded to 6 decimals)

export function checkInvariants(scenario: Scenario, t: PlanTables): Violation[] {
  const out: Violation[] = [];
  const add = (invariant: string, where: string, detail: string) => out.push({ invariant, where, detail });
  const key = (...k: (string | number)[]) => k.join("|");

  const cost = new Map(t.plan.map((r) => [key(r.year, r.region, r.program), r.cost_due_yuan]));
  // Whole years whose money actuals record: paid as recorded, whatever the shares say.
  const recorded = new Map(scenario.actuals.flatMap((a) => {
    const money = a.frozen?.paid ?? (a.partial ? undefined : a.paid);
    return money ? [[key(a.year, a.region, a.program), money] as const] : [];
  }));
  const paid = new Map<string, number>();
  for (const f of t.funding) {
    const k = key(f.year, f.region, f.program);
    paid.set(k, (paid.get(k) ?? 0) + f.amount_yuan);
    const due = cost.get(k) ?? 0;
    if (due === 0 && f.share_of_cost !== 0) add("phantom_share", k + `|${f.source}`, `share ${f.share_of_cost} of a cost of 0`);
    const money = recorded.get(k);
    if (money) {
      const want = money[f.source] ?? 0;
      if (Math.abs(f.amount_yuan - want) > YUAN) add("actual_money", k + `|${f.source}`, `${f.amount_yuan} paid, ${want} recorded`);
      continue;
    }
    const program = scenario.programs.find((p) => p.id === f.program)!;
    const bound = program.shares[f.source];
    const tol = YUAN + 1e-9 * due;
    if (f.amount_yuan < bound.min * due - tol) add("share_min", k + `|${f.source}`, `${f.amount_yuan} < ${bound.min} × ${due}`);
    if (f.amount_yuan > bound.max * due + tol) add("share_max", k + `|${f.source}`, `${f.amount_yuan} > ${bound.max} × ${due}`);
  }
  for (const [k, due] of cost) {
    const p = paid.get(k) ?? 0;
    if (Math.abs(p - due) > YUAN + 1e-9 * due) add("money_balance", k, `paid ${p} ≠ due ${due}`);
  }
  for (const b of t.budgets) {
    const available = b.budget_yuan + b.carried_in_yuan;
    if (b.used_yuan + b.carried_out_yuan > available + YUAN + 1e-9 * available) {
      add("budget", key(b.source, b.region, b.year), `used ${b.used_yuan} + carried ${b.carried_out_yuan} > ${available}`);
    }
    const leaves = new Set(scenario.regions.find((r) => r.id === b.region)!.leaves);
    const used = t.funding.filter((f) => f.source === b.source && f.year === b.year && leaves.has(f.region)).reduce((s, f) => s + f.amount_yuan, 0);
    if (Math.abs(used - b.used_yuan) > YUAN + 1e-9 * used) add("budget_used", key(b.source, b.region, b.year), `funding sums to ${used}, budgets.csv says ${b.used_yuan}`);
  }
  for (const c of t.capacity) {
    if (c.slots_used > c.slots + UNITS) add("capacity", key(c.capacity, c.year), `${c.slots_used} > ${c.slots}`);
  }
  checkUnits(scenario, t, add);
  for (const target of t.targets) {
    if (target.met && target.planned < target.target_value * (1 - 1e-6) - UNITS) add("target_met", target.target, `met but planned ${target.planned} < ${target.target_value}`);
    if (target.kind === "hard" && !target.met) add("hard_target", target.target, `hard target missed in an optimal plan`);
  }
  return out;
}

function checkUnits(scenario: Scenario, t: PlanTables, add: (i: string, w: string, d: string) => void): void {
  const recordedMoney = new Set(scenario.actuals.filter((a) => a.frozen || (a.paid && !a.partial)).map((a) => `${a.year}|${a.region}|${a.program}`));
  const horizon = (y: number) => y >= scenario.horizon.start && y <= scenario.horizon.end;
  for (const program of scenario.programs) {
    for (const leaf of program.leaves) {
      const rows = t.plan.filter((r) => r.program === program.id && r.region === leaf.region);
      const started = rows.filter((r) => horizon(r.year)).reduce((s, r) => s + r.units_started, 0);
      if (started > leaf.stock + UNITS) add("stock", `${leaf.region}|${program.id}`, `${started} started > stock ${leaf.stock}`);
      for (const r of rows) {
        if (r.units_started < -UNITS) add("nonnegative", `${r.year}|${leaf.region}|${program.id}`, `${r.units_started} starts`);
        if (program.integer && Math.abs(r.units_started - Math.round(r.units_started)) > UNITS) add("integer", `${r.year}|${leaf.region}|${program.id}`, `${r.units_started} is not whole`);
        if (r.actual_started > 0 && r.units_started < r.actual_started - UNITS) add("actuals", `${r.year}|${leaf.region}|${program.id}`, `${r.units_started} < actual ${r.actual_started}`);
        const share = program.shares;
        for (const [sourceId, bound] of Object.entries(share)) {
          if (bound.capPerHousehold === null || recordedMoney.has(`${r.year}|${leaf.region}|${program.id}`)) continue;
          const paidBy = t.funding.find((f) => f.year === r.year && f.region === leaf.region && f.program === program.id && f.source === sourceId);
          const households = householdsPaidFor(t, program.spendProfile, leaf, program.id, r.year);
          if (paidBy && households !== null && paidBy.amount_yuan > bound.capPerHousehold * households + YUAN) {
            add("resident_cap", `${r.year}|${leaf.region}|${program.id}|${sourceId}`, `${paidBy.amount_yuan} > ${bound.capPerHousehold} × ${households}`);
          }
        }
      }
    }
    for (const limit of program.startLimits) {
      const leaves = new Set(scenario.regions.find((r) => r.id === limit.region)!.leaves);
      for (const year of limit.year === null ? scenario.years : [limit.year]) {
        const s = t.plan.filter((r) => r.program === program.id && r.year === year && leaves.has(r.region)).reduce((a, r) => a + r.units_started, 0);
        if (limit.max !== null && s > limit.max + UNITS) add("start_max", `${program.id}|${limit.region}|${year}`, `${s} > ${limit.max}`);
        if (limit.min !== null && s < limit.min - UNITS) add("start_min", `${program.id}|${limit.region}|${year}`, `${s} < ${limit.min}`);
      }
    }
  }
}

/**
 * Households being paid for in a year, weighted by the spend profile; null when pre-horizon starts
 * are unknown here. A programme whose plan.csv households are empty (its units hold none) is capped
 * on the model's households per unit all the same.
 */
function householdsPaidFor(t: PlanTables, profile: number[], leaf: { region: string; householdsPerUnit: number }, program: string, year: number): number | null {
  let h = 0;
  for (let k = 0; k < profile.length; k++) {
    const row = t.plan.find((r) => r.region === leaf.region && r.program === program && r.year === year - k);
    if (!row) return null;
    h += profile[k] * (row.households_started ?? row.units_started * leaf.householdsPerUnit);
  }
  return h;
}
