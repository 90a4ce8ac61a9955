/**
 * budgets: Σ funds of a source over a region node's leaves (and the programmes it funds) in a year
 * ≤ that year's budget, plus what was left unspent last year when the source carries over.
 * carry[s,n,y] is the unspent amount moved from year y into y+1.
 */
import type { Budget, Source } from "../../scenario/types.js";
import type { ModelContext } from "../context.js";
import { MONEY_UNIT } from "../context.js";
import { carryName, fundsName, nameOf } from "../names.js";
import type { Term } from "../types.js";

export function addBudgetConstraints(ctx: ModelContext): void {
  for (const source of ctx.scenario.sources) {
    const byNode = groupByRegion(source.budgets);
    for (const [region, budgets] of byNode) {
      const amountIn = new Map(budgets.map((b) => [b.year, b.amount]));
      const carries = source.carryover ? addCarryVariables(ctx, source, region, amountIn) : new Map<number, number>();
      for (const b of budgets) {
        if (!ctx.paymentYears.includes(b.year)) continue;
        const terms = fundsTerms(ctx, source, region, b.year);
        const out = carries.get(b.year);
        const inn = carries.get(b.year - 1);
        if (out !== undefined) terms.push({ v: out, c: 1 });
        if (inn !== undefined) terms.push({ v: inn, c: -1 });
        ctx.addRow(
          "budgets",
          nameOf("budget", source.id, region, b.year),
          { terms, constant: 0 },
          { ub: b.amount / MONEY_UNIT },
          { source: source.id, region, year: b.year },
        );
      }
    }
  }
}

/** Σ funds[l,p,year,source] over the node's leaves, every programme the source funds. */
export function fundsTerms(ctx: ModelContext, source: Source, region: string, year: number): Term[] {
  const terms: Term[] = [];
  for (const lp of ctx.leafProgramsIn(region)) {
    const v = ctx.lookup(fundsName(lp.leaf.region, lp.program.id, year, source.id));
    if (v !== undefined) terms.push({ v, c: 1 });
  }
  return terms;
}

/** A carry variable for every budget year whose next year also has a budget. */
function addCarryVariables(
  ctx: ModelContext,
  source: Source,
  region: string,
  amountIn: Map<number, number>,
): Map<number, number> {
  const carries = new Map<number, number>();
  for (const year of ctx.paymentYears) {
    if (!amountIn.has(year) || !amountIn.has(year + 1)) continue;
    carries.set(
      year,
      ctx.addVariable({
        name: carryName(source.id, region, year),
        role: "carry",
        lb: 0,
        ub: Infinity,
        integer: false,
        key: { source: source.id, region, year },
      }),
    );
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
