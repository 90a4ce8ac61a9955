/**
 * min-budget --confidence on the shipped Guangdong scenario, as README and docs/confidence.md run it
 * (government budgets, 90 %, the default 4,000 calibration draws). A warm re-solve in its search
 * used to end "unbounded" on a cost stage (objective ≥ 0) and the command stopped with exit 5; the
 * HiGHS session now solves such a re-solve again from scratch (src/solve/highsSession.ts).
 * With --from the years before it are today's plan to 90 %, as at stress --confidence's 0 % level.
 */
import { describe, expect, it } from "vitest";
import { minBudgetConfidenceText } from "../../src/confidence/minBudgetConfidenceFiles.js";
import { MAX_STEPS_DOWN, minBudgetToConfidence, settleBelow } from "../../src/confidence/minBudgetConfidence.js";
import { planToConfidence } from "../../src/confidence/planToConfidence.js";
import type { PlanSolution } from "../../src/plan/solvePlan.js";
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

  it("with --from, keeps the years before it at today's plan to 90 %, not at the plain plan", async () => {
    const loaded = loadCheckedScenario("scenarios/guangdong-retrofit-2021-2025.yaml");
    const from = 2024;
    const selection = resolveSelection(loaded.scenario, { selector: { kind: "government", ids: null }, from });
    const options = { confidence: 0.9, calibrationSeed: 20212 };
    const r = await minBudgetToConfidence(loaded.scenario, loaded.uncertainty, selection, options);
    expect(r.status).toBe("optimal");
    expect(r.at!.calibration.status.every((s) => s === "reached")).toBe(true);
    // Said in the printed λ₀ line: its planned world keeps 2021–2023 at the 90 % plan.
    expect(r.keptBefore).toBe(2024);
    expect(minBudgetConfidenceText(loaded.scenario, r, "t")).toContain("in the planned world (the years before 2024 kept at today's 90.0% plan, where plain min-budget keeps today's plain plan) λ₀ = ");
    const sure = await planToConfidence(loaded.scenario, loaded.uncertainty, options);
    // Starts per (region, programme, year) before `from` in a solution.
    const startsBefore = (sol: PlanSolution) => {
      const { ctx } = sol.pm;
      const out = new Map<string, number>();
      for (const lp of ctx.leafPrograms) {
        ctx.years.forEach((year, h) => {
          if (year < from) out.set(`${lp.leaf.region}|${lp.program.id}|${year}`, sol.primal[ctx.index.startsCol(lp.index, h)]);
        });
      }
      return out;
    };
    const kept = new Map(r.at!.pm.ctx.scenario.actuals.filter((a) => a.year < from).map((a) => [`${a.region}|${a.program}|${a.year}`, a.frozen?.started]));
    const toConfidence = startsBefore(sure.planned.solution);
    const plain = startsBefore(sure.plain.solution);
    expect(kept.size).toBe(toConfidence.size);
    for (const [k, v] of toConfidence) expect(kept.get(k)).toBe(v);
    // The two plans differ before 2024, so the check above tells which one was kept.
    expect([...plain].some(([k, v]) => Math.abs(v - toConfidence.get(k)!) > 1e-6)).toBe(true);
  }, 300_000);
});

describe("min-budget --confidence with no scale that reaches the level", () => {
  it("says where the search started (λ₀) and how sure each target was at the largest scale tried", () => {
    const { scenario } = loadCheckedScenario("test/fixtures/confidence/short-budget.yaml");
    const result = {
      status: "unreachable",
      deterministic: { notices: [], scales: [{ scale: 1e-7, budget_yuan: 1e8 }] },
      required: scenario.targets.map(() => 0.9),
      at: { scale: 100, wholeUnits: false, calibration: { met: scenario.targets.map(() => 665), planned: scenario.targets.map((t) => t.atLeast), draws: 1000, status: scenario.targets.map(() => "limited") } },
      limits: scenario.targets.map(() => []),
      funding: [],
      keptBefore: 2024,
    } as unknown as Parameters<typeof minBudgetConfidenceText>[1];
    const text = minBudgetConfidenceText(scenario, result, "min-budget");
    expect(text).toContain("no scale up to 100× today's budgets makes every target 90.0% sure");
    expect(text).toContain("in the planned world λ₀ = 0.0000 (10元) meets every target (the years before 2024 kept at today's 90.0% plan, so λ₀ can differ from plain min-budget's λ).");
    expect(text).toContain(`  ${scenario.targets[0].id} (required 90.0%): 66.5% ✗ — planned `);
  });
});

describe("settleBelow: the answer fails 1 % lower", () => {
  const plans = (reaches: (scale: number) => boolean) => async (scale: number) => ({ scale, reached: reaches(scale) });

  it("keeps the bisection's scale when the plan 1 % lower misses", async () => {
    const s = await settleBelow({ scale: 1, reached: true }, 0.5, plans((x) => x >= 0.995));
    expect(s.at.scale).toBe(1);
    expect(s.below).toEqual({ scale: 0.99, reached: false });
    expect(s.passed).toEqual([]);
  });

  it("steps down while the plan 1 % lower reaches too (plans not monotone in money), to the last that reaches", async () => {
    const s = await settleBelow({ scale: 1, reached: true }, 0.5, plans((x) => x >= 0.975));
    expect(s.passed.map((p) => p.scale)).toEqual([0.99, 0.99 * 0.99]);
    expect(s.at.scale).toBeCloseTo(0.9801, 12);
    expect(s.below.reached).toBe(false);
    expect(s.below.scale).toBeCloseTo(0.9801 * 0.99, 12);
  });

  it("stops at λ₀: no plan below the planned world's minimum is taken", async () => {
    const s = await settleBelow({ scale: 1, reached: true }, 0.985, plans(() => true));
    expect(s.at.scale).toBe(0.99);
    expect(s.below.scale).toBeCloseTo(0.9801, 12);
  });
});

describe("settleBelow's bounds", () => {
  it("stops after MAX_STEPS_DOWN steps even with a floor of 0 (λ₀ = 0: targets met without the money)", async () => {
    let calls = 0;
    const s = await settleBelow({ scale: 1e-6, reached: true }, 0, async (scale) => {
      calls++;
      return { scale, reached: true };
    });
    expect(calls).toBe(MAX_STEPS_DOWN + 1);
    expect(s.passed).toHaveLength(MAX_STEPS_DOWN);
  });
});
