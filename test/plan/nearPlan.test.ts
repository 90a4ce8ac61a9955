import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildPlanningModel } from "../../src/model/build.js";
import { buildNearProblem } from "../../src/plan/nearPlan.js";
import { planScenario } from "../../src/plan/planScenario.js";
import { solveStages } from "../../src/plan/solvePlan.js";
import { loadScenario } from "../../src/scenario/index.js";
import { writeFiles } from "../scenario/helpers.js";

/**
 * Two cities, one year of starts paid at once, 100 households a unit. `sz` costs `szCost`; the
 * province's money is `budget`. Worked by hand below.
 */
function scenario(szCost: string, budget: string) {
  const yaml = `name: near
horizon: {start: 2021, end: 2021}
regions:
  - {id: gd}
  - {id: gz, parent: gd}
  - {id: sz, parent: gd}
programs:
  - id: retrofit
    unit_cost: "100万"
    households_per_unit: 100
    spend_profile: [1]
    by_region:
      - {region: gz, stock: 60}
      - {region: sz, stock: 60, unit_cost: "${szCost}"}
    shares:
      province: {max: 1}
sources:
  - id: province
    kind: government
    budgets:
      - {region: gd, per_year: "${budget}"}
targets:
  - {id: units, program: retrofit, region: gd, metric: started, by: 2021, at_least: 50, kind: soft}
`;
  return loadScenario(join(writeFiles({ "s.yaml": yaml }), "s.yaml")).scenario;
}

const startsBy = (tables: { plan: { region: string; units_started: number }[] }) =>
  Object.fromEntries(tables.plan.map((r) => [r.region, Number(r.units_started.toFixed(4))]));

describe("a re-plan held near an earlier plan", () => {
  it("takes, among plans as good on shortfall and cost, the one that moves fewest households from the earlier plan", async () => {
    // Earlier: sz is cheaper (90万), so the cost stage starts all 50 units there.
    const earlier = await planScenario(scenario("90万", "1亿"));
    expect(startsBy(earlier.tables)).toEqual({ gz: 0, sz: 50 });
    // Now both cost 100万 and 4000万 buys 40 units: any split of 40 is as good on shortfall (10 short)
    // and cost (4000万); the one nearest the earlier plan keeps every unit in sz.
    const cut = scenario("100万", "4000万");
    const near = await planScenario(cut, "highs", undefined, earlier.solution);
    expect(startsBy(near.tables)).toEqual({ gz: 0, sz: 40 });
    const plain = await planScenario(cut, "highs");
    // Without the near stage HiGHS moved all 40 units to gz here; with it no plan moves fewer.
    const moved = (p: typeof near) => Math.abs(startsBy(p.tables).gz - 0) + Math.abs(startsBy(p.tables).sz - 50);
    expect(moved(near)).toBeLessThanOrEqual(moved(plain));
    const stage = (p: typeof near, name: string) => p.solution.stages.find((s) => s.stage === name)!.objective;
    for (const name of ["shortfall", "cost"]) expect(stage(near, name)).toBeCloseTo(stage(plain, name), 9);
    // The near stage's optimum: 10 units × 100 households moved, over the 12,000 households of stock.
    expect(near.solution.stages.map((s) => s.stage)).toEqual(["shortfall", "cost", "near"]);
    expect(stage(near, "near")).toBeCloseTo(1000 / 12_000, 6);
  });

  it("adds its rows and columns after the planning model's, so every planning index still holds", () => {
    const base = buildPlanningModel(scenario("100万", "4000万"));
    const earlier = { pm: base, primal: new Float64Array(base.model.variables.length) };
    const rows = base.model.rows.length;
    const columns = base.model.variables.length;
    const near = buildNearProblem(base, earlier);
    expect(near.model.rows.slice(0, rows)).toEqual(base.model.rows);
    expect(near.model.variables.slice(0, columns)).toEqual(base.model.variables);
    expect(near.model.rows.slice(rows).map((r) => r.ref)).toEqual([
      { family: "near", region: "gz", program: "retrofit", year: 2021 },
      { family: "near", region: "sz", program: "retrofit", year: 2021 },
    ]);
  });

  it("refuses an earlier plan of other leaves", async () => {
    const other = scenario("100万", "1亿");
    const fewer = { ...other, programs: other.programs.map((p) => ({ ...p, leaves: p.leaves.slice(0, 1) })) };
    const pm = buildPlanningModel(other);
    const earlier = await solveStages(buildPlanningModel(fewer), "highs");
    expect(() => buildNearProblem(pm, earlier)).toThrow(/other leaves or years/);
  });
});
