/**
 * min-budget --confidence on a whole-unit scenario whose target capacity holds (village-sites.yaml:
 * 12 villages by 2027, 14 construction sites): each scale is judged by the whole-unit plan it would
 * report, a larger scale is never judged less sure than a smaller one's plan already is, and a
 * target no scale makes sure is printed with what stops it.
 */
import { describe, expect, it } from "vitest";
import { minBudgetConfidenceText } from "../../src/confidence/minBudgetConfidenceFiles.js";
import { type MinBudgetConfidenceResult, minBudgetToConfidence } from "../../src/confidence/minBudgetConfidence.js";
import { planToConfidence } from "../../src/confidence/planToConfidence.js";
import { resolveSelection } from "../../src/finance/selection.js";
import { loadCheckedScenario } from "../../src/loadChecked.js";
import type { Scenario } from "../../src/scenario/types.js";

const VILLAGES = "test/fixtures/confidence/village-sites.yaml";
const DRAWS = 1000;
const SEED = 2026;

function withSites(scenario: Scenario, slots: number): Scenario {
  return { ...scenario, capacity: scenario.capacity.map((c) => ({ ...c, slots: Object.fromEntries(Object.keys(c.slots).map((y) => [y, slots])) })) } as Scenario;
}

async function minBudget(scenario: Scenario): Promise<MinBudgetConfidenceResult> {
  const loaded = loadCheckedScenario(VILLAGES);
  const selection = resolveSelection(scenario, { selector: { kind: "government", ids: null } });
  return minBudgetToConfidence(scenario, loaded.uncertainty, selection, { confidence: 0.9, calibrationSeed: SEED, calibrationDraws: DRAWS, solver: "highs" });
}

async function todaysPlan(scenario: Scenario) {
  const loaded = loadCheckedScenario(VILLAGES);
  const out = await planToConfidence(scenario, loaded.uncertainty, { confidence: 0.9, calibrationSeed: SEED, calibrationDraws: DRAWS, solver: "highs" });
  return out.targets.find((t) => t.target === "village-started")!;
}

describe("min-budget --confidence with whole units held by capacity", () => {
  it("finds the scale today's whole-unit plan already shows, instead of calling the level unreachable at 100× on the relaxation's late starts", async () => {
    const { scenario } = loadCheckedScenario(VILLAGES);
    const today = await todaysPlan(scenario);
    expect(today.status).toBe("reached"); // 14 villages, 99 % sure with today's budgets
    const r = await minBudget(scenario);
    // Before: the LP relaxation's plans, which start the villages in 2027 once money no longer
    // pins the years, read 41.8 % at every scale up to 100×: "unreachable".
    expect(r.status).toBe("optimal");
    expect(r.at!.scale).toBeLessThanOrEqual(1);
    expect(r.trials.at(-2)).toMatchObject({ wholeUnits: true, reached: true, scale: r.at!.scale });
  }, 300_000);

  it("judges the largest scale by its whole-unit plan, not below today's, and prints what stops the target", async () => {
    const { scenario } = loadCheckedScenario(VILLAGES);
    // 12 sites for 12 villages: every one must start and pass its vote. A soft target: the limit a
    // hard one reports at its own level is the target row itself.
    const twelve = withSites({ ...scenario, targets: scenario.targets.map((t) => ({ ...t, kind: "soft" as const, weight: 1 })) }, 12);
    const today = await todaysPlan(twelve);
    expect(today.status).toBe("limited");
    const r = await minBudget(twelve);
    expect(r.status).toBe("unreachable");
    const at = r.at!;
    // P(met) at 100× is not below the whole-unit plan's at today's budgets (on the same calibration
    // sample): before, the relaxation's plan at 100× was reported, below it.
    expect(at.calibration.met[0]).toBeGreaterThanOrEqual(today.met);
    expect(r.trials.at(-1)).toMatchObject({ wholeUnits: true, scale: at.scale });
    const text = minBudgetConfidenceText(twelve, r, "min-budget");
    expect(text).toContain("(the plan in whole units)");
    expect(text).toMatch(/village-started \(required 90\.0%\): [\d.]+% ✗ — planned 12 for 12; held by .*construction capacity 'village-sites'/);
  }, 300_000);
});
