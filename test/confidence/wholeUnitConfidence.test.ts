import { describe, expect, it } from "vitest";
import { ConfidenceSolver } from "../../src/confidence/confidenceSolver.js";
import { minBudgetToConfidence } from "../../src/confidence/minBudgetConfidence.js";
import { resolveSelection } from "../../src/finance/selection.js";
import { planToConfidence } from "../../src/confidence/planToConfidence.js";
import { loadCheckedScenario } from "../../src/loadChecked.js";
import { planScenario } from "../../src/plan/planScenario.js";

const QINGHE = "test/fixtures/confidence/whole-units/qinghe.yaml";

describe("confidence planning of whole units", () => {
  it("reports the plan it judged, in whole units, at its level", async () => {
    const loaded = loadCheckedScenario(QINGHE);
    const out = await planToConfidence(loaded.scenario, loaded.uncertainty, { confidence: 0.9, calibrationSeed: 1, calibrationDraws: 4000, solver: "highs" });
    for (const id of ["t-retrofit", "t-village"]) {
      const t = out.targets.find((x) => x.target === id)!;
      expect(t.status, id).toBe("reached");
      expect(t.met / t.draws, id).toBeGreaterThanOrEqual(0.9);
      // The reported plan is the one judged: its starts are the final solution's.
      expect(out.planned.tables.targets.find((x) => x.target === id)!.planned, id).toBeCloseTo(t.planned, 6);
    }
    const retrofit = out.targets.find((t) => t.target === "t-retrofit")!;
    expect(retrofit.planned).toBeGreaterThan(100); // a margin over the 100 communities consent failures take
    expect(Number.isInteger(retrofit.planned)).toBe(true);
  }, 120_000);

  it("raises the margins when the final whole-unit plan falls short of the level, and reports those rounds", async () => {
    // The final solve can land on another whole-unit optimum than the calibrated one (an earlier
    // version then reported 102 communities that met their target in 2,733 of 4,000 draws as the
    // 90 % plan). Made certain here: the final plan starts from no margin at all.
    const loaded = loadCheckedScenario(QINGHE);
    const plain = await planScenario(loaded.scenario, "highs");
    const cs = ConfidenceSolver.open(plain.solution.pm, loaded.uncertainty, 1, 4000, "highs");
    try {
      const required = [0.9, 0.9];
      const calibrated = await cs.calibrate({ required, relaxedOnly: true });
      const bare = { ...calibrated, levels: Float64Array.from(loaded.scenario.targets, (t) => t.atLeast) };
      const rounds: number[][] = [];
      const { calibration } = await cs.finalPlan(bare, { required, onRound: (_r, c) => rounds.push([...c.met]) });
      expect(rounds.length).toBeGreaterThan(0);
      expect(calibration.status).toEqual(["reached", "reached"]);
      expect(Math.min(...calibration.met) / calibration.draws).toBeGreaterThanOrEqual(0.9);
      expect(calibration.levels[0]).toBeGreaterThan(100);
    } finally {
      await cs.dispose();
    }
  }, 120_000);

  it("min-budget --confidence searches an integer plan's relaxation, then checks in whole units, and its search says which", async () => {
    const loaded = loadCheckedScenario(QINGHE);
    const selection = resolveSelection(loaded.scenario, { selector: { kind: "government", ids: null } });
    const r = await minBudgetToConfidence(loaded.scenario, loaded.uncertainty, selection, { confidence: 0.9, calibrationSeed: 1 });
    expect(r.status).toBe("optimal");
    expect(r.trials.some((t) => !t.wholeUnits)).toBe(true);
    // The answer, in whole units, then its check 1 % lower, which falls short (min_budget_search.csv's last rows).
    const [answer, below] = r.trials.slice(-2);
    expect(answer).toMatchObject({ wholeUnits: true, reached: true, scale: r.at!.scale });
    expect(below).toMatchObject({ wholeUnits: true, reached: false, scale: r.below!.scale });
  }, 300_000);
});
