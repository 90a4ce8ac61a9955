/**
 * min-budget --confidence's printout (analyst review s38, finding 3): the breaking point is headlined
 * against today — the budgets to add and the price of confidence, the government money the plan at λ
 * pays above today's plan without margins, as `simulate --confidence` prices it — and λ₀, a budget
 * smaller than today's, follows as context, no longer "confidence costs … more than that minimum".
 */
import { describe, expect, it } from "vitest";
import { minBudgetConfidenceText } from "../../src/confidence/minBudgetConfidenceFiles.js";
import type { MinBudgetFundingRow } from "../../src/finance/minBudgetFunding.js";
import { loadCheckedScenario } from "../../src/loadChecked.js";

const { scenario } = loadCheckedScenario("test/fixtures/confidence/short-budget.yaml");
const row = (source: string, kind: string, today: number | null, used: number): MinBudgetFundingRow =>
  ({ year: 2021, source, source_name: source, source_kind: kind, scaled_source: kind === "government", today_used_yuan: today, used_yuan: used, change_yuan: today === null ? null : used - today });
// Today's budgets 1亿; λ = 1.2 (1.2亿); λ₀ = 0.85 (8,500万). Government paid 8,500万 → 1.15亿, residents 0 → 500万.
const result = (funding: MinBudgetFundingRow[]) => ({
  status: "optimal",
  deterministic: { notices: [], scales: [{ scale: 0.85, budget_yuan: 1e8 }] },
  required: [0.9],
  at: { scale: 1.2, wholeUnits: false, calibration: { met: [950], planned: [96], draws: 1000, status: ["reached"] } },
  below: { scale: 1.188, wholeUnits: false, calibration: { met: [880], planned: [95], draws: 1000, status: ["limited"] } },
  belowNoPlan: null,
  limits: [[]],
  funding,
  keptBefore: null,
}) as unknown as Parameters<typeof minBudgetConfidenceText>[1];

describe("min-budget --confidence printout", () => {
  it("leads with the budgets to add and the price of confidence against today's plan, then λ₀ as context", () => {
    const text = minBudgetConfidenceText(scenario, result([row("gov", "government", 8.5e7, 1.15e8), row("residents", "resident", 0, 5e6)]), "min-budget");
    const lines = text.split("\n");
    expect(lines[1]).toBe("breaking point at 90.0% confidence: λ = 1.2000 — the selected budgets must grow to 120.0% of today's (1.2亿元 of 1亿元: +2,000万元 against today's budgets) for every target to be met with probability ≥ 90.0%.");
    expect(lines[2]).toBe("the price of confidence: the 90.0% plan at λ pays +3,000万元 of government money against the plan with today's budgets, without margins (8,500万元 → 1.15亿元; all sources +3,500万元).");
    expect(lines[3]).toBe("in the planned world λ₀ = 0.8500 (8,500万元, below today's budgets) would do: the budgets at λ are 3,500万元 above that deterministic minimum.");
    expect(text).not.toContain("confidence costs");
  });

  it("gives no price where today's budgets give no plan to compare with", () => {
    const text = minBudgetConfidenceText(scenario, result([row("gov", "government", null, 1.15e8)]), "min-budget");
    expect(text).not.toContain("the price of confidence");
    expect(text).toContain("λ₀ = 0.8500");
  });
});

describe("min-budget --confidence printout: a target reached at λ whose validation P(met) reads below the level", () => {
  // Reached at λ on the calibration sample (950 of 1,000, its lower bound ≥ 90 %), 89.8 % ± 1.0 % on 1,000 fresh draws.
  const validated = (pAt: number) => {
    const r = result([row("gov", "government", 8.5e7, 1.15e8)]) as unknown as { at: { validation: Map<string, unknown> }; below: { validation: Map<string, unknown> } };
    r.at.validation = new Map([["t-80", { p_met: pAt, p_met_se: 0.01 }]]);
    r.below.validation = new Map([["t-80", { p_met: 0.87, p_met_se: 0.011 }]]);
    return minBudgetConfidenceText(scenario, r as unknown as Parameters<typeof minBudgetConfidenceText>[1], "min-budget", 1000).split("\n");
  };

  it("marks the P(met) at λ † and says under the targets that it is reached on the calibration sample, with the P(met) there", () => {
    const lines = validated(0.898);
    const i = lines.findIndex((x) => x.startsWith("  t-80 (required 90.0%)"));
    expect(lines[i]).toBe("  t-80 (required 90.0%): 89.8% ± 1.0% (1 s.e.) † → 87.0% ± 1.1% (1 s.e.) ✗");
    expect(lines[i + 1]).toMatch(/^ {2}† reached — judged by the lower bound of P\(met\) on the calibration sample.*; P\(met\) there: t-80 95\.0% at λ — while the validation draws read below the level: sampling error/);
  });

  it("marks nothing where the validation P(met) at λ reads at or above the level", () => {
    expect(validated(0.93).join("\n")).not.toContain("†");
  });
});
