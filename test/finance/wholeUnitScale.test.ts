/**
 * min-budget's λ for whole-unit scenarios is planned as `simulate` plans it: kept when that plan
 * meets every target, grown in 0.5 % steps when it does not (the Guangzhou towns: the plan at the
 * MILP's λ missed its greenway by 0.44 km), and left as the MILP found it, with a note, when no step
 * up to +10 % does.
 */
import { describe, expect, it, vi } from "vitest";
import { solveMinBudget } from "../../src/finance/minBudgetSolve.js";
import { resolveSelection } from "../../src/finance/selection.js";
import { scaleBudgets, selectedBudgetTotal } from "../../src/finance/cuts.js";
import { wholeUnitNotice, wholeUnitScale } from "../../src/finance/wholeUnitScale.js";
import { type PlannedScenario, planScenario } from "../../src/plan/planScenario.js";
import { stageTimedOut } from "../../src/plan/diagnosticText.js";
import { StagedSession } from "../../src/plan/stagedSession.js";
import { loadScenario } from "../../src/scenario/index.js";
import type { Scenario } from "../../src/scenario/types.js";
import { handSolvedTown } from "../helpers/scenario.js";

const government = { selector: { kind: "government" as const, ids: null } };

/** A planner that meets the target once the selected budgets reach `needed` yuan, and misses it by 0.44 below. */
function plannerNeeding(needed: number, total: (s: Scenario) => number) {
  const scales: number[] = [];
  const plan = async (s: Scenario): Promise<PlannedScenario> => {
    const money = total(s);
    scales.push(money);
    const met = money >= needed;
    const target = { target: "greenway", planned: met ? 83 : 82.5625, target_value: 83, met };
    return { solution: { status: "optimal" }, tables: { targets: [target] } } as unknown as PlannedScenario;
  };
  return { plan, scales };
}

describe("whole-unit λ", () => {
  const s = handSolvedTown();
  const sel = resolveSelection(s, government);
  const total = (x: Scenario) => selectedBudgetTotal(x, sel);
  const today = total(s);

  it("keeps λ when the plan there meets every target, and says nothing", async () => {
    const { plan, scales } = plannerNeeding(0.9 * today, total);
    const found = await wholeUnitScale(s, sel, 0.95, plan);
    expect(found.scale).toBe(0.95);
    expect(scales).toHaveLength(1);
    expect(wholeUnitNotice(0.95, found)).toBeNull();
  });

  it("grows λ by 0.5 % steps to the first at which the plan meets every target, bisects the last step, and names what λ missed", async () => {
    const { plan, scales } = plannerNeeding(0.96 * today, total);
    const found = await wholeUnitScale(s, sel, 0.95, plan);
    // 0.95 · 1.005² = 0.9595 misses, 0.95 · 1.005³ = 0.9643 meets; three halvings end within 0.06 % above 0.96.
    expect(found.scale).toBeGreaterThanOrEqual(0.96);
    expect(found.scale).toBeLessThan(0.96 * 1.0007);
    expect(found.missedAt).toBeLessThan(0.96);
    expect(scales).toHaveLength(4 + 3);
    const note = wholeUnitNotice(0.95, found)!;
    expect(note.en).toMatch(/exists at λ = 0\.9500 \(the MILP's, a lower bound; .*\), but `simulate` .* misses greenway 82\.5625 of 83; λ = 0\.960\d is the smallest scale found at which that plan meets every target \(at 0\.959\d it still misses one\)/);
    expect(note.zh).toMatch(/其方案未完成greenway（计划82\.5625，目标83）；λ = 0\.960\d 是所找到的该方案完成全部目标的最小缩放系数（λ = 0\.959\d 时仍有目标未完成），本文件夹按此报告$/);
  });

  it("steps up from λ = 0 by 0.5 % of today's budgets (a multiple of 0 stays 0)", async () => {
    const { plan, scales } = plannerNeeding(0.012 * today, total);
    const found = await wholeUnitScale(s, sel, 0, plan);
    expect(found.scale).toBeGreaterThanOrEqual(0.012);
    expect(found.scale).toBeLessThan(0.0127);
    expect(scales).toHaveLength(4 + 3); // 0, 0.005, 0.01 miss; 0.015 meets; three halvings
  });

  it("gives up after +10 %, reporting the MILP's λ with a note", async () => {
    const { plan, scales } = plannerNeeding(2 * today, total);
    const found = await wholeUnitScale(s, sel, 0.95, plan);
    expect(found).toMatchObject({ scale: 0.95, planned: null });
    expect(scales).toHaveLength(21);
    expect(wholeUnitNotice(0.95, found)!.en).toMatch(/no plan up to 10 % above λ met every target, so λ is reported as the MILP found it/);
  });

  it("with no plan up to +10 %, keeps the MILP's λ and the rows of its own cost stage, solving the λ MILP once", async () => {
    // 8 whole units × 90万 of government money in two years of 300万: λ = 1.2. The planner never
    // meets the target below twice today's budgets, so no step up to +10 % gives a plan.
    const town: Scenario = { ...s, programs: s.programs.map((p) => ({ ...p, integer: true })) };
    const { plan, scales } = plannerNeeding(2 * today, total);
    // Every run of the min-budget model starts with its λ stage.
    const runs = vi.spyOn(StagedSession.prototype, "run");
    let r;
    try {
      r = await solveMinBudget(town, sel, { solver: "highs", plan });
      const lambdaRuns = (runs.mock.contexts as StagedSession[]).filter((session) => session.problem.stages[0].name === "min_budget");
      expect(lambdaRuns).toHaveLength(1);
    } finally {
      runs.mockRestore();
    }
    expect(scales).toHaveLength(21); // λ and its 20 steps
    expect(r.status).toBe("optimal");
    expect(r.stages.map((st) => st.stage)).toEqual(["min_budget", "cost"]);
    expect(r.grownFrom).toBeUndefined();
    expect(r.notices).toHaveLength(1);
    expect(r.notices[0].en).toMatch(/exists at λ = 1\.2000 .* misses greenway 82\.5625 of 83; no plan up to 10 % above λ met every target, so λ is reported as the MILP found it/);
    // The report and the workbook say it in Chinese (run.json's warnings_zh).
    expect(r.notices[0].zh).toMatch(/^λ = 1\.2000 时存在完成全部目标的整数方案.*其方案未完成greenway（计划82\.5625，目标83）；λ 以上10%范围内没有方案完成全部目标，故按混合整数规划求得的 λ 报告$/);
    // The MILP's λ and prices, and the money its own cost stage uses at λ: 4 units × 90万 a year.
    const unchecked = await solveMinBudget(town, sel, { solver: "highs", checkWholeUnits: false });
    expect(r.scales[0].scale).toBeCloseTo(1.2, 6); // the cost stage holds λ to its optimum within 1e-7
    expect(r.scales).toEqual(unchecked.scales);
    expect(r.binding).toEqual(unchecked.binding);
    expect(r.rows).toEqual(unchecked.rows);
    for (const row of r.rows) {
      expect(row).toMatchObject({ scale: r.scales[0].scale, binding: true });
      expect(row.min_budget_yuan).toBeCloseTo(3_600_000, -1);
      expect(row.used_yuan).toBeCloseTo(3_600_000, 0);
    }
  });

  it("passes on the warnings of the plan at the scale found, in English and in Chinese", async () => {
    const town: Scenario = { ...s, programs: s.programs.map((p) => ({ ...p, integer: true })) };
    const warning = stageTimedOut("cost", 300, 12);
    const met = { target: "greenway", planned: 83, target_value: 83, met: true };
    const plan = async () => ({ solution: { status: "optimal", warnings: [warning] }, tables: { targets: [met], budgets: [], funding: [], diagnostics: [] } }) as unknown as PlannedScenario;
    const r = await solveMinBudget(town, sel, { solver: "highs", plan });
    expect(r.notices.map((n) => n.en)).toEqual([`the plan at λ = 1.2000: ${warning.en}`]);
    expect(r.notices.map((n) => n.zh)).toEqual([`λ = 1.2000 时的方案：${warning.zh}`]);
    expect(r.notices[0].zh).toMatch(/^λ = 1\.2000 时的方案：.*阶段在300秒时间上限处停止/);
  });

  it("changes nothing for a whole-unit county whose plan at λ meets every target (GBK budgets)", async () => {
    const county = loadScenario("test/fixtures/confidence/whole-units/qinghe.yaml").scenario;
    const countySel = resolveSelection(county, government);
    const checked = await solveMinBudget(county, countySel, { solver: "highs" });
    const unchecked = await solveMinBudget(county, countySel, { solver: "highs", checkWholeUnits: false });
    expect(checked.scales[0].scale).toBe(unchecked.scales[0].scale);
    expect(checked.notices).toEqual(unchecked.notices);
    // Its rows are simulate's plan at λ, so the min-budget model's own cost stage (a MIP at the
    // tightest budgets) is not solved.
    expect(checked.stages.map((st) => st.stage)).toEqual(["min_budget"]);
    expect(unchecked.stages.map((st) => st.stage)).toEqual(["min_budget", "cost"]);
    const atLambda = await planScenario(scaleBudgets(county, countySel, checked.scales[0].scale), "highs");
    const used = new Map(atLambda.tables.budgets.map((b) => [`${b.source}|${b.region}|${b.year}`, b.used_yuan]));
    for (const r of checked.rows) expect(r.used_yuan, `${r.source} ${r.region} ${r.year}`).toBe(used.get(`${r.source}|${r.region}|${r.year}`) ?? 0);
  }, 60_000);
});
