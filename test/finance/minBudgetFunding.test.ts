/**
 * min_budget_funding.csv: what each source pays per payment year in the plan at λ, against the
 * scenario's own plan (docs/finance.md, "Outputs"). Its amounts are funding.csv's, to the fen: each
 * row is the sum of that plan's payments, so a source's rows, a year's and the table add up exactly.
 */
import { describe, expect, it } from "vitest";
import { scaleBudgets } from "../../src/finance/cuts.js";
import type { MinBudgetFundingRow } from "../../src/finance/minBudgetFunding.js";
import { minBudgetText } from "../../src/finance/minBudgetReport.js";
import { solveMinBudget } from "../../src/finance/minBudgetSolve.js";
import { resolveSelection } from "../../src/finance/selection.js";
import { planScenario } from "../../src/plan/planScenario.js";
import type { FundingRow } from "../../src/results/types.js";
import { loadScenario } from "../../src/scenario/index.js";
import { handSolvedTown } from "../helpers/scenario.js";

const TOWNS = "test/fixtures/finance/towns.yaml";
const DABU = "test/fixtures/finance/dabu/dabu-2025-2027.yaml";
const QINGHE = "test/fixtures/confidence/whole-units/qinghe.yaml";
const government = { selector: { kind: "government" as const, ids: null } };
const fen = (yuan: number) => Math.round(yuan * 100);

/** funding.csv's amounts of a source in a year, summed in fen. */
function paidFen(funding: readonly FundingRow[], source: string, year: number): number {
  return funding.filter((f) => f.source === source && f.year === year).reduce((t, f) => t + fen(f.amount_yuan), 0);
}

/** Each row's change is its two amounts' difference, to the fen. */
function changesAddUp(rows: readonly MinBudgetFundingRow[]): void {
  for (const r of rows) expect(fen(r.change_yuan!), `${r.source} ${r.year}`).toBe(fen(r.used_yuan) - fen(r.today_used_yuan!));
}

describe("min_budget_funding.csv: who pays at λ", () => {
  it("has every source in every payment year, the scaled ones marked, the money min_budget.csv says is used, and today's plan's (towns, LP)", async () => {
    const { scenario } = loadScenario(TOWNS);
    const r = await solveMinBudget(scenario, resolveSelection(scenario, government), { solver: "highs" });
    expect(r.funding.map((x) => `${x.year}:${x.source}:${x.scaled_source}`)).toEqual([2021, 2022, 2023, 2024].flatMap((y) =>
      [`${y}:central:true`, `${y}:county:true`, `${y}:enterprise:false`, `${y}:residents:false`]));
    // Central money is held at the county, county money in each town: min_budget.csv's rows of a
    // source and year hold its payments — each budget's rounded on its own, never over its minimum,
    // the table's as funding.csv rounds them, together — so the two agree within a fen a budget.
    for (const row of r.funding.filter((x) => x.scaled_source)) {
      const budgets = r.rows.filter((b) => b.source === row.source && b.year === row.year);
      expect(budgets.length).toBeGreaterThan(0);
      expect(Math.abs(budgets.reduce((t, b) => t + fen(b.used_yuan), 0) - fen(row.used_yuan)), `${row.source} ${row.year}`).toBeLessThanOrEqual(budgets.length);
    }
    changesAddUp(r.funding);
    // Today's money is the scenario's own plan, as `simulate` writes its funding.csv.
    const today = await planScenario(scenario, "highs");
    for (const row of r.funding) expect(fen(row.today_used_yuan!), `${row.source} ${row.year}`).toBe(paidFen(today.tables.funding, row.source, row.year));
    // The question the table answers: central money falls with λ, and the county pays much of it instead.
    const change = (source: string) => r.funding.filter((x) => x.source === source).reduce((t, x) => t + x.change_yuan!, 0);
    expect(change("central")).toBeLessThan(-1e7);
    expect(change("county")).toBeGreaterThan(1e7);
    const printed = minBudgetText(r, "min-budget: towns", 3);
    expect(printed).toContain("who pays in the plan at λ (min_budget_funding.csv; change against the plan with today's budgets):");
    expect(printed).toMatch(/\n {2}中央补助 \(scaled\): [\d,.]+亿元 \(−[\d,.]+万元\)\n {2}县级财政 \(scaled\): [\d,.]+亿元 \(\+[\d,.]+万元\)\n {2}管线单位: /);
    expect(printed).toMatch(/\n {2}all sources: [\d,.]+亿元 \(/);
  });

  it("is the plan `simulate` makes with the minimum budgets, to the fen (大埔县's towns, whole units)", async () => {
    const { scenario } = loadScenario(DABU);
    const sel = resolveSelection(scenario, government);
    const r = await solveMinBudget(scenario, sel, { solver: "highs" });
    const atLambda = await planScenario(scaleBudgets(scenario, sel, r.scales[0].scale), "highs");
    for (const row of r.funding) expect(fen(row.used_yuan), `${row.source} ${row.year}`).toBe(paidFen(atLambda.tables.funding, row.source, row.year));
    const total = (rows: readonly { used_yuan?: number; amount_yuan?: number }[]) => rows.reduce((t, x) => t + fen(x.used_yuan ?? x.amount_yuan!), 0);
    expect(total(r.funding)).toBe(total(atLambda.tables.funding));
    expect(new Set(r.funding.map((x) => x.year))).toEqual(new Set([2025, 2026, 2027, 2028, 2029])); // the tail payment years too
    // Its budgets are the county's own: min_budget.csv's used money is the table's, to the fen.
    for (const b of r.rows) expect(fen(b.used_yuan), `${b.source} ${b.year}`).toBe(fen(r.funding.find((x) => x.source === b.source && x.year === b.year)!.used_yuan));
    const today = await planScenario(scenario, "highs");
    for (const row of r.funding) expect(fen(row.today_used_yuan!), `${row.source} ${row.year}`).toBe(paidFen(today.tables.funding, row.source, row.year));
    changesAddUp(r.funding);
  }, 60_000);

  it("with --from, keeps the years before it as the plan `simulate` writes pays them, to the fen, in whole units too", async () => {
    // Qinghe's whole-unit plan solved without duals is another plan than `simulate`'s: the years
    // --from keeps must be the plan the table compares with, or a year kept would show a change.
    for (const [file, from] of [[TOWNS, 2023], [QINGHE, 2023]] as const) {
      const { scenario } = loadScenario(file);
      const r = await solveMinBudget(scenario, resolveSelection(scenario, { ...government, from }), { solver: "highs" });
      const kept = r.funding.filter((x) => x.year < from);
      expect(kept.length, file).toBeGreaterThan(0);
      expect(kept.map((x) => x.change_yuan), file).toEqual(kept.map(() => 0));
      expect(kept.every((x) => !x.scaled_source)).toBe(true);
      const today = await planScenario(scenario, "highs");
      for (const row of kept) expect(fen(row.used_yuan), `${file} ${row.source} ${row.year}`).toBe(paidFen(today.tables.funding, row.source, row.year));
      expect(r.funding.some((x) => x.year >= from && x.change_yuan !== 0)).toBe(true);
    }
  }, 60_000);

  it("leaves the change empty where today's budgets give no plan, and says so", async () => {
    const s = handSolvedTown();
    s.targets = s.targets.map((t) => ({ ...t, kind: "hard" as const })); // 8 units need 720万 of 600万: no plan today
    const r = await solveMinBudget(s, resolveSelection(s, government), { solver: "highs" });
    expect(r.scales[0].scale).toBeCloseTo(1.2, 9);
    expect(r.funding.length).toBeGreaterThan(0);
    expect(r.funding.every((x) => x.today_used_yuan === null && x.change_yuan === null)).toBe(true);
    // 8 units of 100万: 90 % government, 10 % residents.
    const paid = (source: string) => fen(r.funding.filter((x) => x.source === source).reduce((t, x) => t + x.used_yuan, 0));
    expect([paid("gov"), paid("residents")]).toEqual([fen(7_200_000), fen(800_000)]);
    expect(minBudgetText(r, "min-budget: town", 3)).toContain("who pays in the plan at λ (min_budget_funding.csv; today's budgets give no plan to compare with):");
  });
});
