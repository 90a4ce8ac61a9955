/**
 * min_budget_binding.csv and min_budget.csv agree on budgets whose money is carried on
 * (docs/finance.md, "Outputs"): the budget row holds the carry column, so the min-λ stage prices a
 * budget min_budget.csv calls not binding. By explain's rule (src/finance/carriedBudget.ts) it is
 * listed only where its money runs out in a later year that is priced alike — never where a
 * whole-unit plan's LP relaxation prices a use of the money the plan does not make.
 */
import { describe, expect, it } from "vitest";
import type { BindingRow } from "../../src/finance/minBudgetBinding.js";
import { type MinBudgetResult, solveMinBudget } from "../../src/finance/minBudgetSolve.js";
import { resolveSelection } from "../../src/finance/selection.js";
import { loadScenario } from "../../src/scenario/index.js";
import type { Scenario } from "../../src/scenario/types.js";

const CARRIED = "test/fixtures/finance/carried-county.yaml";
const LATE = "test/fixtures/finance/carried-county-late.yaml";
const DABU = "test/fixtures/finance/dabu/dabu-2025-2027.yaml";
const government = { selector: { kind: "government" as const, ids: null } };

const minBudget = (s: Scenario) => solveMinBudget(s, resolveSelection(s, government), { solver: "highs" });
const budgetsListed = (r: MinBudgetResult) => r.binding.filter((b) => b.family === "budgets").map((b) => b.where);
const where = (row: { source: string; region: string; year: number }) => `budget[${row.source},${row.region},${row.year}]`;

/** A row's price per yuan: its change of the minimum budget over its step ("100万元", "1,000万元", "1亿元"). */
function perYuan(b: BindingRow): number {
  const m = /^([\d,.]+)(亿元|万元|元)$/.exec(b.per);
  if (!m) throw new Error(`not a money step: ${b.per}`);
  return b.min_budget_change_yuan / (Number(m[1].replaceAll(",", "")) * { 亿元: 1e8, 万元: 1e4, 元: 1 }[m[2] as "元"]);
}

/**
 * Every budget listed that min_budget.csv calls not binding carries its money on, year by year, to
 * a budget min_budget.csv calls binding, which is listed at the same price per yuan.
 */
function agreesWithRows(r: MinBudgetResult): void {
  const listed = new Map(r.binding.filter((b) => b.family === "budgets").map((b) => [b.where, perYuan(b)]));
  for (const row of r.rows) {
    const price = listed.get(where(row));
    if (price === undefined || row.binding) continue;
    let at = row;
    while (!at.binding) {
      const next = r.rows.find((x) => x.source === row.source && x.region === row.region && x.year === at.year + 1);
      expect(next, `${where(row)}: its money runs out in a later year`).toBeDefined();
      expect(next!.carried_in_yuan, `${where(next!)} carries money in`).toBeGreaterThan(0);
      at = next!;
    }
    const end = listed.get(where(at));
    expect(end, `${where(at)}, where ${where(row)}'s money runs out, is listed`).toBeDefined();
    expect(Math.abs(price - end!), `${where(row)} priced as ${where(at)}`).toBeLessThanOrEqual(1e-6 * Math.abs(end!));
  }
}

describe("min_budget_binding.csv's budgets whose money is carried on", () => {
  it("leaves out a whole-unit plan's budget that min_budget.csv calls not binding where the relaxation prices a use the plan does not make", async () => {
    // λ leaves the county 279.66万 in 2025, too little for a town: the plan starts both in 2026 and
    // carries all of 2025's money there; the relaxation starts a fraction of a town in 2025 and
    // prices 2025's money at 1.086 a yuan, 2026's at 0.987.
    const { scenario } = loadScenario(CARRIED);
    const r = await minBudget(scenario);
    expect(r.dualMethod).toBe("lp_relaxation");
    const county = r.rows.filter((x) => x.source === "county");
    expect(county.map((x) => [x.year, x.used_yuan, x.binding])).toEqual([[2025, 0, false], [2026, 3_355_932.2, true]]);
    expect(budgetsListed(r)).toEqual(["budget[county,county,2026]", "budget[provincial,county,2026]"]);
    agreesWithRows(r);
  });

  it("keeps one whose money runs out where it is priced alike, in whole units and in an LP", async () => {
    // No town may start in 2025: all of its money is carried to 2026, in the plan and the relaxation alike.
    const { scenario } = loadScenario(CARRIED, { overlays: [LATE] });
    const continuous = { ...scenario, programs: scenario.programs.map((p) => ({ ...p, integer: false })) };
    for (const s of [scenario, continuous]) {
      const r = await minBudget(s);
      expect(r.rows.filter((x) => x.source === "county").map((x) => [x.year, x.used_yuan, x.binding])).toEqual([[2025, 0, false], [2026, expect.any(Number), true]]);
      expect(budgetsListed(r)).toContain("budget[county,county,2025]");
      agreesWithRows(r);
    }
  });

  it("agrees with min_budget.csv on 大埔县's towns, whose county money is carried on to 2029", async () => {
    const { scenario } = loadScenario(DABU);
    const r = await minBudget(scenario);
    const county = r.rows.filter((x) => x.source === "county");
    expect(county.map((x) => x.binding)).toEqual([false, false, false, false, true]); // 2025–2028 carried, 2029 spent
    // 2025's and 2026's money is carried on in whole towns, and the relaxation prices it as it
    // spends it there, at 2.14 a yuan against 2029's 1.22: not listed. 2027's and 2028's are.
    const listed = budgetsListed(r);
    expect(listed).not.toContain("budget[county,dabu,2025]");
    expect(listed).not.toContain("budget[county,dabu,2026]");
    expect(listed).toEqual(expect.arrayContaining(["budget[county,dabu,2027]", "budget[county,dabu,2028]", "budget[county,dabu,2029]"]));
    agreesWithRows(r);
  }, 60_000);
});
