/**
 * min_budget.csv adds up to the fen (docs/finance.md, "Outputs"): budget + change = minimum on every
 * row, run.json's totals are the sums of the rows, and the rows' money is the plan `simulate` makes
 * with the minimum budgets as written. A county planner's λ budgets have fractions of a fen; each
 * figure rounded on its own left four rows a fen out and the total 2 fen below its rows.
 */
import { describe, expect, it } from "vitest";
import { scaleBudgets } from "../../src/finance/cuts.js";
import { MONEY_UNIT } from "../../src/model/context.js";
import { minBudgetTotals } from "../../src/finance/minBudgetReport.js";
import { minBudgetRow } from "../../src/finance/minBudgetRows.js";
import { solveMinBudget } from "../../src/finance/minBudgetSolve.js";
import { resolveSelection } from "../../src/finance/selection.js";
import { Namer } from "../../src/plan/describe.js";
import { planScenario } from "../../src/plan/planScenario.js";
import { loadScenario } from "../../src/scenario/index.js";
import { handSolvedTown } from "../helpers/scenario.js";

const fen = (yuan: number) => Math.round(yuan * 100);
const government = { selector: { kind: "government" as const, ids: null } };

describe("min_budget.csv to the fen", () => {
  it("writes a row's change as its minimum less today's budget, as written", () => {
    const s = handSolvedTown();
    // 35,000,000 × λ ends in half a fen: rounding minimum and change each on its own split it two ways.
    for (const scale of [0.970786517, 0.9707865170155038, 1.0000000001428572, 0.3333333333]) {
      const row = minBudgetRow(new Namer(s), s.sources[0], "town", 2021, 35_000_000, scale, { used: 0, carriedIn: 0 });
      expect(fen(row.budget_yuan) + fen(row.change_yuan), `λ ${scale}`).toBe(fen(row.min_budget_yuan));
      expect(row.min_budget_yuan).toBe(Math.round(35_000_000 * scale * 100) / 100);
    }
  });

  it("never reads a spent budget's used money above the minimum and what was carried in, as written", () => {
    const s = handSolvedTown();
    // 3,000,000 × λ = 3,600,000.004 (written 3,600,000.00) and 100.004 carried in (100.00), all spent:
    // used, rounded on its own, read 3,600,100.01 of 3,600,000.00 + 100.00.
    const scale = 3_600_000.004 / 3_000_000;
    const carriedIn = 100.004 / MONEY_UNIT;
    const used = (3_000_000 * scale) / MONEY_UNIT + carriedIn;
    const row = minBudgetRow(new Namer(s), s.sources[0], "town", 2022, 3_000_000, scale, { used, carriedIn });
    expect([row.min_budget_yuan, row.carried_in_yuan, row.used_yuan]).toEqual([3_600_000, 100, 3_600_100]);
    expect(row.binding).toBe(true);
    // A plan over its money (whole units at a breaking point, docs/model.md) reads over.
    const over = minBudgetRow(new Namer(s), s.sources[0], "town", 2022, 3_000_000, scale, { used: used + 0.09 / MONEY_UNIT, carriedIn });
    expect(over.used_yuan).toBe(3_600_100.1);
  });

  it("totals its rows in run.json, and its rows' money is the plan at the minimum budgets as written (大埔县 towns)", async () => {
    const county = loadScenario("test/fixtures/finance/dabu/dabu-2025-2027.yaml").scenario;
    const sel = resolveSelection(county, government);
    const r = await solveMinBudget(county, sel, { solver: "highs" });
    expect(r.status).toBe("optimal");
    for (const row of r.rows) expect(fen(row.budget_yuan) + fen(row.change_yuan), `${row.source} ${row.year}`).toBe(fen(row.min_budget_yuan));
    const sum = (k: "budget_yuan" | "min_budget_yuan") => r.rows.reduce((a, row) => a + fen(row[k]), 0);
    const totals = minBudgetTotals(r);
    expect(fen(totals.min_budget_yuan)).toBe(sum("min_budget_yuan"));
    expect(fen(totals.budget_yuan)).toBe(sum("budget_yuan"));
    expect(fen(r.scales[0].min_budget_yuan)).toBe(sum("min_budget_yuan"));
    // The minimum budgets are what the plan at λ was given: a planner's overlay of them re-plans it.
    const atLambda = await planScenario(scaleBudgets(county, sel, r.scales[0].scale), "highs");
    const budgets = new Map(atLambda.tables.budgets.map((b) => [`${b.source}|${b.year}`, b]));
    for (const row of r.rows) {
      const b = budgets.get(`${row.source}|${row.year}`)!;
      expect([b.budget_yuan, b.carried_in_yuan, b.used_yuan], `${row.source} ${row.year}`).toEqual([row.min_budget_yuan, row.carried_in_yuan, row.used_yuan]);
    }
  }, 60_000);
});
