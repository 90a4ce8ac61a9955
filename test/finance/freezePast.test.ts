/**
 * A cut from a year never rewrites the years before it: every row of plan.csv and funding.csv
 * before `--from` is the baseline's, on the shipped Guangdong scenario (before the freeze, a 30 %
 * cut from 2024 moved 2021 starts and 2022–23 provincial money) and on its as_of re-plan, whose
 * closed years' money the re-plan only estimated.
 */
import { describe, expect, it } from "vitest";
import { freezePast } from "../../src/finance/freezePast.js";
import { resolveSelection } from "../../src/finance/selection.js";
import { levelStatus, runStress } from "../../src/finance/stress.js";
import { monteCarloAtEveryLevel } from "../../src/finance/stressMonteCarlo.js";
import { loadCheckedScenario } from "../../src/loadChecked.js";
import { UsageError } from "../../src/errors.js";
import { buildPlanningModel } from "../../src/model/build.js";
import { solveStages } from "../../src/plan/solvePlan.js";
import { loadScenario } from "../../src/scenario/index.js";
import { runMonteCarlo } from "../../src/montecarlo/monteCarlo.js";
import { targetStatistics } from "../../src/montecarlo/tables.js";
import { planScenario } from "../../src/plan/planScenario.js";
import type { PlanSolution } from "../../src/plan/solvePlan.js";
import { handSolvedTown } from "../helpers/scenario.js";

const government = { kind: "government" as const, ids: null };

async function pastAfterCut(file: string, from: number, cut: number) {
  const { scenario } = loadScenario(file);
  const levels = await runStress(scenario, resolveSelection(scenario, { selector: government, from }), [cut]);
  expect(levels.map(levelStatus)).toEqual(["optimal", "optimal"]);
  const [base, cutPlan] = levels.map((l) => l.planned!.tables);
  const past = <T extends { year: number }>(rows: T[]) => rows.filter((r) => r.year < from);
  return { base, cutPlan, past };
}

describe("stress --from freezes the past", () => {
  it("leaves 2021–2023 of the Guangdong plan unchanged under a 30 % cut from 2024", async () => {
    const { base, cutPlan, past } = await pastAfterCut("scenarios/guangdong-retrofit-2021-2025.yaml", 2024, 0.3);
    expect(past(cutPlan.plan)).toEqual(past(base.plan));
    expect(past(cutPlan.funding)).toEqual(past(base.funding));
    expect(past(cutPlan.budgets).map((b) => [b.used_yuan, b.carried_out_yuan])).toEqual(past(base.budgets).map((b) => [b.used_yuan, b.carried_out_yuan]));
    // The cut does bite from 2024 on.
    const gov = (rows: typeof base.funding) => rows.filter((f) => f.year >= 2024 && f.source_kind === "government").reduce((s, f) => s + f.amount_yuan, 0);
    expect(gov(cutPlan.funding)).toBeLessThan(gov(base.funding) - 1e8);
  }, 120_000);

  it("keeps the estimated money of the re-plan's closed years too", async () => {
    const { base, cutPlan, past } = await pastAfterCut("scenarios/guangdong-retrofit-actuals-2023.yaml", 2024, 0.2);
    expect(past(cutPlan.plan)).toEqual(past(base.plan));
    expect(past(cutPlan.funding)).toEqual(past(base.funding));
  }, 120_000);

  it("executes the frozen years under uncertainty as the 0 % level does, not as certain records", async () => {
    // Targets due by 2023 depend only on the frozen years: with the same plan for them and the same
    // draws, P(met) must be exactly the 0 % level's. (Were the frozen past certain in every draw, as
    // recorded actuals are, they would be met in every draw — and a confidence plan at any cut
    // level would look far surer than the uncut one.)
    const loaded = loadCheckedScenario("scenarios/guangdong-retrofit-2021-2025.yaml", { overlays: [] });
    const scenario = { ...loaded.scenario, targets: loaded.scenario.targets.map((t) => ({ ...t, by: 2023, atLeast: Math.round(t.atLeast / 2) })) };
    const selection = resolveSelection(scenario, { selector: government, from: 2024 });
    const onLevel = monteCarloAtEveryLevel(loaded.uncertainty, { draws: 300, seed: 5, workers: 1 });
    const levels = await runStress(scenario, selection, [0.1], { onLevel });
    const pMet = (i: number) => scenario.targets.map((t) => (levels[i].extras.targets![t.id] as { p_met: number }).p_met);
    expect(pMet(0).some((p) => p < 0.9)).toBe(true); // the plan meets them exactly: draws fall short
    expect(pMet(1)).toEqual(pMet(0));
  }, 120_000);

  it("draws a frozen year's budgets as the plan's own: freezing the whole plan changes no outcome of any draw", async () => {
    // freezePast closes the frozen years with as_of so that the model keeps them; they were then
    // taken as history, their budgets certain in every draw. A plan frozen whole met its targets
    // far more often than itself (a 90 % plan's province communities 12 % → 76 % on Guangdong), so
    // every --from level of stress --draws, and min-budget --confidence --from, looked surer.
    const loaded = loadCheckedScenario("scenarios/guangdong-retrofit-2021-2025.yaml", { overlays: [] });
    const plan = await planScenario(loaded.scenario, "highs");
    const frozen = await planScenario(freezePast(loaded.scenario, plan.solution, 2026), "highs");
    const outcomes = async (solution: PlanSolution) => {
      const run = await runMonteCarlo(solution, loaded.uncertainty, { mode: "evaluate", draws: 300, seed: 5, workers: 1 });
      return [...targetStatistics(run.layout, run.shard).values()].map((t) => [t.p10, t.p50, t.p90]);
    };
    const [whole, kept] = [await outcomes(plan.solution), await outcomes(frozen.solution)];
    kept.flat().forEach((x, i) => expect(x).toBeCloseTo(whole.flat()[i], 0));
    // The budget draws matter here: without them the province's P10 of communities rises by hundreds.
    expect(whole[0][0]).toBeLessThan(loaded.scenario.targets[0].atLeast - 100);
  }, 120_000);

  it("carries everything a carrying-over source left unspent into the cut years", async () => {
    // The city source gets 3亿 in 2024 and 0.5亿 a year after. The plan used to carry only part of
    // 2024's leftover (the LP was indifferent), the freeze fixed that part, and a 50 % cut from 2025
    // then missed the 90-unit target (71.3) that the same past recorded as actuals meets.
    const { base, cutPlan } = await pastAfterCut("test/fixtures/finance/carryover.yaml", 2025, 0.5);
    for (const b of base.budgets.filter((r) => r.source === "city" && r.year < 2027)) {
      expect(b.carried_out_yuan).toBeCloseTo(b.budget_yuan + b.carried_in_yuan - b.used_yuan, 0);
    }
    const city2024 = base.budgets.find((r) => r.source === "city" && r.year === 2024)!;
    expect(city2024.carried_out_yuan).toBeGreaterThan(2e8);
    expect(cutPlan.budgets.find((r) => r.source === "city" && r.year === 2025)!.carried_in_yuan).toBeCloseTo(city2024.carried_out_yuan, 0);
    expect(cutPlan.targets.map((t) => t.met)).toEqual([true, true]);
  }, 120_000);

  it("refuses a cut from a year the scenario's as_of has already closed", () => {
    const { scenario } = loadScenario("scenarios/guangdong-retrofit-actuals-2023.yaml");
    expect(() => resolveSelection(scenario, { selector: government, from: 2022 })).toThrow(UsageError);
    expect(() => resolveSelection(scenario, { selector: government, from: 2022 })).toThrow(/as_of 2023-09-30 closes every year before 2023/);
    expect(() => resolveSelection(scenario, { selector: government, from: 2023 })).not.toThrow();
  });
});

describe("freezePast", () => {
  it("turns the baseline's years before the cut into frozen whole years, reported figures untouched", async () => {
    const s = handSolvedTown();
    s.actuals = [{ region: "town", program: "retrofit", year: 2021, started: 1, partial: true }];
    const baseline = await solveStages(buildPlanningModel(s), "highs");
    const frozen = freezePast(s, baseline, 2022);
    expect(frozen.asOf).toEqual({ text: "2022", firstOpenYear: 2022, current: null, historyBefore: 2021 }); // closed, but not history
    expect(frozen.actuals).toHaveLength(1);
    const a = frozen.actuals[0];
    expect(a).toMatchObject({ year: 2021, started: 1, partial: true }); // the record as reported
    expect(a.frozen!.started).toBe(baseline.primal[baseline.pm.ctx.index.startsCol(0, 0)]); // the baseline's 2021 starts, exactly
    expect(a.frozen!.started).toBeCloseTo(10 / 3, 5);
    expect(a.frozen!.paid.gov).toBeCloseTo(3e6, -1);
    expect(a.frozen!.paid.residents).toBeCloseTo(1e6 / 3, -1);
    expect(s.actuals[0].frozen).toBeUndefined(); // the input is not modified
  });
});
