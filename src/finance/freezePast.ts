/**
 * What already happened does not change when a budget is cut "from 2024": every year before the
 * cut is frozen at the baseline plan — its starts, the money each source paid, the money carried
 * into the cut year (all it left unspent) — as `frozen` actuals of those years (whole years, money
 * fixed; the records' own figures still report as actual), closed with `as_of`. The cut plan then
 * decides only the years from the cut on, so 2021–2023 rows of plan.csv and funding.csv stay the
 * baseline's.
 * Monte Carlo takes only the records as certain: a frozen year is the baseline's plan for it, executed
 * in every draw as at the 0 % level, so P(met) is comparable across the levels.
 */
import { type Label, statusLabel } from "../format/labels.js";
import { MONEY_UNIT } from "../model/context.js";
import type { PlanSolution } from "../plan/solvePlan.js";
import { budgetMoney } from "../results/carry.js";
import type { Actual, Budget, Scenario } from "../scenario/types.js";

export interface FrozenSelection {
  scenario: Scenario;
  /** Said to the planner when the years before `from` could not be kept (no plan to keep). */
  notice: Label | null;
}

/**
 * The scenario a budget selection from a year (`--from`) re-plans: the years before it frozen at
 * the plan today's budgets give (`baseline`, stress's 0 % level), so that min-budget's λ* and the
 * deepest cut stress finds harmless answer the same question. The scenario itself without a year
 * or without a horizon year before it; when today's budgets give no plan, there is nothing to keep,
 * and the notice says that those years are re-planned with the rest.
 */
export async function freezeBeforeSelection(
  scenario: Scenario,
  from: number | null,
  baseline: (scenario: Scenario) => Promise<PlanSolution>,
): Promise<FrozenSelection> {
  if (from === null || from <= scenario.horizon.start) return { scenario, notice: null };
  const solution = await baseline(scenario);
  if (solution.status === "optimal") return { scenario: freezePast(scenario, solution, from), notice: null };
  return {
    scenario,
    notice: {
      en: `today's budgets give no plan (${solution.status}), so the years before ${from} cannot be kept as planned: they are re-planned together with the later years`,
      zh: `现有预算下没有方案（${statusLabel(solution.status).zh}），因此${from}年以前的年份无法按原计划保留，与以后各年一并重新规划`,
    },
  };
}

export function freezePast(scenario: Scenario, baseline: PlanSolution, from: number): Scenario {
  const { ctx } = baseline.pm;
  const { primal } = baseline;
  // Years an as_of already closes are frozen too: their money may have been estimated, not recorded.
  const closedBefore = scenario.asOf?.firstOpenYear ?? -Infinity;
  const own = new Map(scenario.actuals.map((a) => [key(a.region, a.program, a.year), a]));
  const frozen = new Set<string>();
  const actuals: Actual[] = [];
  for (const lp of ctx.leafPrograms) {
    ctx.years.forEach((year, h) => {
      if (year >= from) return;
      const started = primal[ctx.index.startsCol(lp.index, h)];
      const paid: Record<string, number> = {};
      scenario.sources.forEach((source, s) => {
        const v = ctx.index.fundsCol(lp.index, h, s); // horizon year h is payment year h
        if (v >= 0) paid[source.id] = primal[v] * MONEY_UNIT;
      });
      const k = key(lp.leaf.region, lp.program.id, year);
      frozen.add(k);
      // Without a record of its own the year is the baseline plan, not a record: `partial` with no
      // starts, so a sampled world executes it under uncertainty like the 0 % level does.
      const record = own.get(k) ?? { region: lp.leaf.region, program: lp.program.id, year, started: 0, partial: true };
      actuals.push({ ...record, frozen: { started, paid } });
    });
  }
  // All the frozen years left unspent is carried (results/carry.ts), not only what the LP carried.
  const { carriedOut } = budgetMoney(ctx, primal);
  return {
    ...scenario,
    actuals: [...scenario.actuals.filter((a) => !frozen.has(key(a.region, a.program, a.year))), ...actuals],
    // The years the scenario's own as_of closed stay history; the frozen ones are a plan.
    asOf: from > closedBefore ? { text: String(from), firstOpenYear: from, current: null, historyBefore: scenario.asOf?.firstOpenYear ?? scenario.horizon.start } : scenario.asOf,
    sources: scenario.sources.map((source, s) => {
      if (!source.carryover) return source;
      const carried = new Map<string, number>();
      ctx.index.budgetRows.forEach((b, k) => {
        if (b.source === s && b.carryOut >= 0 && b.year < from) carried.set(`${b.region}|${b.year}`, carriedOut[k] * MONEY_UNIT);
      });
      const budgets = source.budgets.map((b): Budget => {
        const amount = carried.get(`${b.region}|${b.year}`);
        return amount === undefined ? b : { ...b, carriedOut: amount };
      });
      return { ...source, budgets };
    }),
  };
}

function key(region: string, program: string, year: number): string {
  return `${region}|${program}|${year}`;
}
