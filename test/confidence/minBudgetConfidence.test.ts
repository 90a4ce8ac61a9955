/**
 * min-budget --confidence on the shipped Guangdong scenario, as README and docs/confidence.md run it
 * (government budgets, 90 %, the default 4,000 calibration draws). A warm re-solve in its search
 * used to end "unbounded" on a cost stage (objective ≥ 0) and the command stopped with exit 5; the
 * HiGHS session now solves such a re-solve again from scratch (src/solve/highsSession.ts).
 */
import { describe, expect, it } from "vitest";
import { minBudgetToConfidence } from "../../src/confidence/minBudgetConfidence.js";
import { resolveSelection } from "../../src/finance/selection.js";
import { loadCheckedScenario } from "../../src/loadChecked.js";

describe("min-budget --confidence on Guangdong", () => {
  it("finds the scale at which every target reaches 90 %, above the deterministic breaking point", async () => {
    const loaded = loadCheckedScenario("scenarios/guangdong-retrofit-2021-2025.yaml");
    const selection = resolveSelection(loaded.scenario, { selector: { kind: "government", ids: null } });
    const r = await minBudgetToConfidence(loaded.scenario, loaded.uncertainty, selection, { confidence: 0.9, calibrationSeed: 20212 });
    expect(r.status).toBe("optimal");
    const lambda0 = r.deterministic.scales[0].scale;
    expect(lambda0).toBeCloseTo(0.9451, 3);
    expect(r.at!.scale).toBeGreaterThan(lambda0 * 1.1);
    expect(r.at!.scale).toBeLessThan(1.25);
    expect(r.at!.calibration.status.every((s) => s === "reached")).toBe(true);
    expect(r.below!.calibration.status.some((s) => s !== "reached")).toBe(true);
  }, 300_000);
});
