/**
 * A whole-unit plan is priced by its LP relaxation: which targets it misses is its own (targets.csv),
 * and its prices are the relaxation's rates, which whole units follow in steps. The fixture, worked
 * by hand in its header, misses both targets while its relaxation meets community-hh (a Foshan
 * district plan missed community-hh by 90 households and explain named only village-hh as missed).
 * What explain and the plan summary print of it: wholeUnitExplain.test.ts.
 */
import { describe, expect, it } from "vitest";
import { simulate } from "../../src/pipeline.js";
import { missedInPlan, unitSteps } from "../../src/results/wholeUnitTargets.js";
import { metByRelaxationText, rateCaveatText } from "../../src/results/wholeUnitText.js";
import { handSolvedTown } from "../helpers/scenario.js";
import { planScenario } from "../../src/plan/planScenario.js";

const FIXTURE = "test/fixtures/finance/whole-village-missed.yaml";

describe("whole-unit plans: missed targets are the plan's, prices the relaxation's rates", () => {
  it("plans one village and four communities, missing both, while the relaxation meets community-hh (the fixture by hand)", async () => {
    const { tables, solution } = await simulate(FIXTURE, { dryRun: true });
    expect(tables.targets.map((t) => [t.target, t.planned, t.met])).toEqual([["village-hh", 1000, false], ["community-hh", 800, false]]);
    const missed = missedInPlan(solution, tables.targets);
    expect(missed.map((m) => [m.row.target, m.relaxationMeets])).toEqual([["village-hh", false], ["community-hh", true]]);
    expect([...unitSteps(solution).values()]).toEqual([
      { target: "village-hh", name: "village-hh", unit: "村", households: true, from: 1000, to: 1000 },
      { target: "community-hh", name: "community-hh", unit: "小区", households: true, from: 200, to: 200 },
    ]);
    expect(metByRelaxationText(missed[1], unitSteps(solution).get("community-hh")).zh).toBe(
      "community-hh：整数方案未完成（计划800，目标1,000），但价格所依据的线性松弛（可开工小数个单位）已完成该目标，故没有哪项限制的价格能提高它；整数方案按整小区推进community-hh，每小区200户",
    );
    expect(rateCaveatText([unitSteps(solution).get("village-hh")!]).zh).toBe("线性松弛（可开工小数个单位）的边际比率；整数方案按整村推进village-hh，每村1,000户");
  });

  it("an LP plan's prices are its own: no relaxation, no caveat", async () => {
    const { solution, tables } = await planScenario(handSolvedTown(), "highs");
    expect(solution.dualMethod).toBe("lp");
    expect(solution.relaxedPrimal).toBeNull();
    expect(unitSteps(solution).size).toBe(0);
    expect(missedInPlan(solution, tables.targets).every((m) => !m.relaxationMeets)).toBe(true);
  });
});
