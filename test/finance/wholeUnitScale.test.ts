/**
 * min-budget's λ for whole-unit scenarios is planned as `simulate` plans it: kept when that plan
 * meets every target, grown in 0.5 % steps when it does not (the Guangzhou towns: the plan at the
 * MILP's λ missed its greenway by 0.44 km), and left as the MILP found it, with a note, when no step
 * up to +10 % does.
 */
import { describe, expect, it } from "vitest";
import { solveMinBudget } from "../../src/finance/minBudgetSolve.js";
import { resolveSelection } from "../../src/finance/selection.js";
import { scaleBudgets, selectedBudgetTotal } from "../../src/finance/cuts.js";
import { wholeUnitNotice, wholeUnitScale } from "../../src/finance/wholeUnitScale.js";
import { type PlannedScenario, planScenario } from "../../src/plan/planScenario.js";
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
    expect(note).toMatch(/exists at λ = 0\.9500 \(the MILP's, a lower bound; .*\), but `simulate` .* misses greenway 82\.5625 of 83; λ = 0\.960\d is the smallest scale found at which that plan meets every target \(at 0\.959\d it still misses one\)/);
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
    expect(wholeUnitNotice(0.95, found)).toMatch(/no plan up to 10 % above λ met every target, so λ is reported as the MILP found it/);
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
    for (const r of checked.rows) expect(r.used_yuan, `${r.source} ${r.region} ${r.year}`).toBeCloseTo(used.get(`${r.source}|${r.region}|${r.year}`) ?? 0, 0);
  }, 60_000);
});
