/**
 * Confidence planning against answers worked out by hand (fixtures in test/fixtures/confidence/):
 * the margin a consent-failure risk needs, and the budget a unit-cost risk needs. The calibrated
 * plan aims at the Agresti–Coull lower bound (criterion.ts), so its true P(met) — known here in
 * closed form — must lie between α and the calibration level it was tuned to, within sampling error.
 */
import { describe, expect, it } from "vitest";
import { metNeeded } from "../../src/confidence/criterion.js";
import { minBudgetToConfidence } from "../../src/confidence/minBudgetConfidence.js";
import { planToConfidence } from "../../src/confidence/planToConfidence.js";
import { resolveSelection } from "../../src/finance/selection.js";
import { loadCheckedScenario } from "../../src/loadChecked.js";
import { simulate } from "../../src/pipeline.js";

const CONSENT = "test/fixtures/confidence/consent.yaml";
const BUDGET = "test/fixtures/confidence/budget.yaml";
const K = 4000;
const ALPHA = 0.9;
/** Sampling error of a proportion near α on the calibration sample. */
const SE = Math.sqrt((ALPHA * (1 - ALPHA)) / K);
/** The share of calibration draws the criterion asks for (≈ α + 2 SE). */
const AIM = metNeeded(K, ALPHA) / K;

describe("confidence planning: closed-form margin (consent failure u ~ uniform(0, 0.2))", () => {
  it("plans N with P(met | N) = (1 − 100/N)/0.2 at the calibrated level, above α", async () => {
    const loaded = loadCheckedScenario(CONSENT);
    const outcome = await planToConfidence(loaded.scenario, loaded.uncertainty, { confidence: ALPHA, calibrationSeed: 101, calibrationDraws: K });
    const t = outcome.targets[0];
    expect(t.status).toBe("reached");
    const truth = (1 - 100 / t.planned) / 0.2;
    expect(Math.abs(truth - AIM)).toBeLessThan(4 * SE);
    expect(truth).toBeGreaterThan(ALPHA - 3 * SE);
    // The closed-form margin for α itself, and the plan's margin just above it.
    expect(t.planned).toBeGreaterThan(100 / (1 - 0.2 * (ALPHA - 3 * SE)));
    expect(t.planned).toBeLessThan(100 / (1 - 0.2 * (AIM + 4 * SE)));
    // The plain plan starts exactly 100 (P = 0); the margin costs money.
    expect(outcome.plain.tables.targets[0].planned).toBeCloseTo(100, 6);
    expect(outcome.planned.tables.funding[0].amount_yuan).toBeCloseTo(t.planned * 1e6, 0);
  });

  it("holds on fresh draws: validation P(met) ≥ α − 2 SE, and run.json records both seeds", async () => {
    const outcome = await simulate(CONSENT, {
      dryRun: true, confidence: { level: ALPHA, calibrationDraws: K }, monteCarlo: { mode: "evaluate", draws: 20000, workers: 1 },
    });
    const row = outcome.monteCarlo!.tables!.targets[0] as unknown as Record<string, number | string>;
    expect(Number(row.p_met)).toBeGreaterThanOrEqual(ALPHA - 2 * Number(row.p_met_se));
    expect(row.confidence_required).toBe(ALPHA);
    expect(row.confidence_status).toBe("reached");
    expect(Number(row.planned_margin)).toBeGreaterThan(20);
    const info = outcome.runJson.confidence!;
    expect(info.calibration.seed).toBe(12); // the scenario's seed + 1
    expect(info.validation_seed).toBe(11);
    expect(info.price_of_confidence_yuan).toBeGreaterThan(0);
  });

  it("plans 0 margin when nothing is uncertain", async () => {
    const loaded = loadCheckedScenario(CONSENT);
    const outcome = await planToConfidence(loaded.scenario, { ...loaded.uncertainty, inputs: [] }, { confidence: ALPHA, calibrationSeed: 1, calibrationDraws: 200 });
    expect(outcome.targets[0].status).toBe("reached");
    expect(outcome.targets[0].planned).toBeCloseTo(100, 3);
  });
});

describe("min-budget --confidence: closed-form budget (unit cost factor f ~ uniform(1, 1.2))", () => {
  it("finds λ with P(f ≤ λ/0.8) = α at the calibrated level, and 1 % less falls short", async () => {
    const loaded = loadCheckedScenario(BUDGET);
    const selection = resolveSelection(loaded.scenario, { selector: { kind: "government", ids: null } });
    const r = await minBudgetToConfidence(loaded.scenario, loaded.uncertainty, selection, {
      confidence: ALPHA, calibrationSeed: 202, calibrationDraws: K, validation: { draws: 20000, seed: 13, workers: 1 },
    });
    expect(r.status).toBe("optimal");
    expect(r.deterministic.scales[0].scale).toBeCloseTo(0.8, 6);
    const lambda = r.at!.scale;
    const truth = (lambda / 0.8 - 1) / 0.2;
    expect(Math.abs(truth - AIM)).toBeLessThan(4 * SE + 0.01); // + the bisection's 0.1 % on λ
    expect(lambda).toBeGreaterThan(0.8 * (1 + 0.2 * (ALPHA - 3 * SE)));
    const at = r.at!.validation!.get("t-80")!;
    expect(at.p_met).toBeGreaterThanOrEqual(ALPHA - 2 * at.p_met_se);
    const below = r.below!.validation!.get("t-80")!;
    expect(r.below!.scale).toBeCloseTo(0.99 * lambda, 9);
    expect(below.p_met).toBeLessThan(ALPHA - 2 * below.p_met_se);
    // One target: P(all targets met) would be its P(met) again, so none is counted (as plan prints none).
    expect([r.at!.allTargetsMet, r.below!.allTargetsMet]).toEqual([null, null]);
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0].min_budget_yuan).toBeCloseTo(1e8 * lambda, 0);
  });
});
