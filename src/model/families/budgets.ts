/**
 * budgets: Σ funds of a source over a region node's leaves (and the programmes it funds) in a year
 * ≤ that year's budget, plus what was left unspent last year when the source carries over.
 * carry[s,n,y] is the unspent amount moved from year y into y+1. What happened is not re-decided:
 * a carry the scenario records (a frozen past) is fixed, and in a year closed by `as_of` everything
 * left unspent is carried (the row holds with equality), so no re-plan can move money into the past.
 */
import type { Budget, Source } from "../../scenario/types.js";
import type { ModelContext } from "../context.js";
import { MONEY_UNIT } from "../context.js";
import { round } from "../../results/numbers.js";
import type { Term } from "../types.js";

export function addBudgetConstraints(ctx: ModelContext): void {
  ctx.scenario.sources.forEach((source, s) => {
    for (const [region, budgets] of groupByRegion(source.budgets)) {
      const budgetIn = new Map(budgets.map((b) => [b.year, b]));
      const carries = source.carryover ? addCarryVariables(ctx, source, region, budgetIn) : new Map<number, number>();
      for (const b of budgets) {
        if (ctx.paymentYearIndex(b.year) < 0) continue;
        const terms = fundsTerms(ctx, s, region, b.year);
        const out = carries.get(b.year) ?? -1;
        const inn = carries.get(b.year - 1) ?? -1;
        if (out >= 0) terms.push({ v: out, c: 1 });
        if (inn >= 0) terms.push({ v: inn, c: -1 });
        // Money is counted in fen: a budget written to more decimals, or scaled by a factor, is the
        // fen amount budgets.csv writes, so what the plan pays and carries adds up to it as written.
        const ub = round(b.amount, 2) / MONEY_UNIT;
        const spentOrCarried = out >= 0 && b.carriedOut === undefined && ctx.closed(b.year);
        const row = ctx.addRow({ family: "budgets", source: source.id, region, year: b.year }, { terms, constant: 0 }, { ub, ...(spentOrCarried ? { lb: ub } : {}) });
        ctx.index.budgetRows.push({ row, source: s, region, year: b.year, carryIn: inn, carryOut: out });
      }
    }
  });
}

/** Σ funds[l,p,year,source s] over the node's leaves, every programme the source funds. */
export function fundsTerms(ctx: ModelContext, s: number, region: string, year: number): Term[] {
  const y = ctx.paymentYearIndex(year);
  const terms: Term[] = [];
  if (y < 0) return terms;
  for (const lp of ctx.leafProgramsIn(region)) {
    const v = ctx.index.fundsCol(lp.index, y, s);
    if (v >= 0) terms.push({ v, c: 1 });
  }
  return terms;
}

/** A carry variable for every budget year whose next year also has a budget. */
function addCarryVariables(
  ctx: ModelContext,
  source: Source,
  region: string,
  budgetIn: Map<number, Budget>,
): Map<number, number> {
  const carries = new Map<number, number>();
  for (const year of ctx.paymentYears) {
    if (!budgetIn.has(year) || !budgetIn.has(year + 1)) continue;
    const recorded = budgetIn.get(year)!.carriedOut;
    const fixed = recorded === undefined ? null : recorded / MONEY_UNIT;
    carries.set(year, ctx.addVariable({ lb: fixed ?? 0, ub: fixed ?? Infinity, integer: false, ref: { role: "carry", source: source.id, region, year } }));
  }
  return carries;
}

function groupByRegion(budgets: Budget[]): Map<string, Budget[]> {
  const out = new Map<string, Budget[]>();
  for (const b of budgets) {
    const list = out.get(b.region) ?? [];
    list.push(b);
    out.set(b.region, list);
  }
  for (const list of out.values()) list.sort((a, b) => a.year - b.year);
  return out;
}
