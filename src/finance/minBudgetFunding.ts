/**
 * min_budget_funding.csv: per payment year and source, what the plan at λ pays (funding.csv of that
 * plan summed over regions and programmes) and its change against the scenario's own plan with
 * today's budgets. λ scales only the selected budgets: the plan at λ may pay more from the others
 * (residents, enterprises, a source not selected), and only a table by source says who pays at the
 * minimum — as stress_funding.csv does per cut level. Amounts are funding.csv's, to the fen, so a
 * source's rows add up to what it pays in all, and every year's to that year's funding. With
 * --confidence the plan at λ is the plan to the level (minBudgetConfidence.ts), compared with the
 * same plain plan with today's budgets.
 */
import type { Label } from "../format/labels.js";
import { formatMoney, formatMoneyChange } from "../format/numbers.js";
import type { ModelContext } from "../model/context.js";
import { Namer } from "../plan/describe.js";
import { extractFunding } from "../results/extract.js";
import { reportedPayments } from "../results/payments.js";
import { roundingNotice, roundingRow } from "../results/roundingNotes.js";
import type { FundingRow } from "../results/types.js";
import { sumYuan } from "../results/numbers.js";
import { REPORT_TOLERANCE } from "../results/tolerance.js";
import { usedBySource } from "../results/usedBySource.js";
import type { Scenario } from "../scenario/types.js";
import { notesOf } from "../runWarnings.js";
import type { MinBudgetRow } from "./minBudgetRows.js";
import { sourceChange } from "./sourceChange.js";

export const MIN_BUDGET_FUNDING_FILE = "min_budget_funding.csv";

export interface MinBudgetFundingRow {
  year: number;
  source: string;
  source_name: string;
  source_kind: string;
  /** Whether λ scales a budget of this source in this year (min_budget.csv has a row of it). */
  scaled_source: boolean;
  /** What the source pays that year in the scenario's own plan (today's budgets); null when they give no plan. */
  today_used_yuan: number | null;
  /** What it pays that year in the plan at λ. */
  used_yuan: number;
  /** used_yuan − today_used_yuan; null without today's plan. */
  change_yuan: number | null;
}

/**
 * Every source of the scenario (its order) in every payment year; a source that pays nothing has 0.
 * `rows`: min_budget.csv's, which name the budgets scaled.
 */
export function minBudgetFundingRows(
  scenario: Scenario, rows: readonly MinBudgetRow[], atScale: readonly FundingRow[], today: readonly FundingRow[] | null,
): MinBudgetFundingRow[] {
  const years = [...new Set([...atScale, ...(today ?? [])].map((f) => f.year))].sort((a, b) => a - b);
  return years.flatMap((year) => {
    const used = byYear(atScale, year);
    const before = today && byYear(today, year);
    return scenario.sources.map((s) => {
      const { before_yuan, used_yuan, ...money } = sourceChange(s, used, before);
      return { year, ...money, scaled_source: rows.some((r) => r.source === s.id && r.year === year), today_used_yuan: before_yuan, used_yuan: used_yuan! };
    });
  });
}

/**
 * What a plan at a scale pays, as funding.csv reads it (payments rounded to the fen together,
 * results/payments.ts), and the sums that rounding could not hold as notes naming the plan (`plan`):
 * the plan at λ of min-budget, with or without --confidence.
 */
export function fundingOfPlan(ctx: ModelContext, primal: Float64Array, plan: Label, namer = new Namer(ctx.scenario)): { funding: FundingRow[]; notices: Label[] } {
  const { paid, notes } = reportedPayments(ctx, primal);
  return { funding: extractFunding(ctx, paid, namer), notices: notesOf(plan, notes.map((n) => roundingNotice(roundingRow(n)))) };
}

function byYear(funding: readonly FundingRow[], year: number): Map<string, number> {
  return usedBySource({ funding: funding.filter((f) => f.year === year) });
}

/** How the printed heading names the two plans (min-budget --confidence names its own). */
export interface FundingPlans {
  at: string;
  today: string;
}

const PLAIN_PLANS: FundingPlans = { at: "the plan at λ", today: "the plan with today's budgets" };

/**
 * The printed lines: per source (those that pay in either plan), what it pays over the horizon in
 * the plan at λ and the change against today's plan, then all sources; "(scaled)" marks the sources
 * whose budgets λ scales.
 */
export function moneyBySourceLines(rows: readonly MinBudgetFundingRow[], plans: FundingPlans = PLAIN_PLANS): string[] {
  const compared = rows.every((r) => r.today_used_yuan !== null);
  const total = (of: readonly MinBudgetFundingRow[]) => ({
    used: sumYuan(of.map((r) => r.used_yuan)),
    change: compared ? sumYuan(of.map((r) => r.change_yuan!)) : null,
    today: compared ? sumYuan(of.map((r) => r.today_used_yuan!)) : 0,
  });
  const line = (name: string, t: ReturnType<typeof total>) =>
    `  ${name}: ${formatMoney(t.used)}${t.change === null ? "" : ` (${Math.abs(t.change) < REPORT_TOLERANCE.yuan ? "no change" : formatMoneyChange(t.change)})`}`;
  const sources = [...new Set(rows.map((r) => r.source))].flatMap((id) => {
    const own = rows.filter((r) => r.source === id);
    const t = total(own);
    if (t.used === 0 && t.today === 0) return [];
    return [line(`${own[0].source_name}${own.some((r) => r.scaled_source) ? " (scaled)" : ""}`, t)];
  });
  const heading = compared
    ? `who pays in ${plans.at} (${MIN_BUDGET_FUNDING_FILE}; change against ${plans.today}):`
    : `who pays in ${plans.at} (${MIN_BUDGET_FUNDING_FILE}; today's budgets give no plan to compare with):`;
  return [heading, ...sources, line("all sources", total(rows))];
}
