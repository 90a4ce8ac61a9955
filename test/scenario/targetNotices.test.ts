/** A target above its region's whole stock is said before planning, exactly where the stock bounds it. */
import { describe, expect, it } from "vitest";
import { buildPlanningModel } from "../../src/model/build.js";
import { solveStages } from "../../src/plan/solvePlan.js";
import { loadScenario } from "../../src/scenario/index.js";
import { targetNotices } from "../../src/scenario/targetNotices.js";
import { handSolvedTown, target } from "../helpers/scenario.js";

const place = (path: readonly (string | number)[]) => ({ en: path.join("."), zh: path.join(".") });

describe("target notices", () => {
  it("say nothing for a target the stock can reach", () => {
    expect(targetNotices(handSolvedTown(), place).map((n) => n.en)).toEqual([]);
  });

  it("name a units target above the stock, and by how much a soft one is missed at least", () => {
    const s = handSolvedTown(); // stock 10
    s.targets = [target({ id: "t", program: "retrofit", region: "town", atLeast: 12, path: ["targets", 0, "at_least"] })];
    expect(targetNotices(s, place).map((n) => n.en)).toEqual([
      "target t (t) (targets.0.at_least): at_least 12 is more than the whole stock of retrofit under town (town) can count " +
        "(10 units), so it is missed by at least 2 whatever the budgets; check the target or the stock",
    ]);
    expect(targetNotices(s, place)[0].zh).toBe(
      "目标t（t）（targets.0.at_least）：目标值12（at_least）超过了town（town）retrofit的全部存量所能计入的数量（10个单位），因此无论预算多少，都至少差2；请核对目标或存量",
    );
    s.targets[0].kind = "hard";
    expect(targetNotices(s, place).map((n) => n.en)[0]).toMatch(/\(10 units\), so no plan can meet it whatever the budgets/);
    expect(targetNotices(s, place)[0].zh).toMatch(/（10个单位），因此无论预算多少，任何方案都无法完成；请核对目标或存量$/);
  });

  it("agree with the plan: with unlimited money a soft target above the stock is missed by exactly the excess", async () => {
    const s = handSolvedTown();
    s.sources[0].budgets = []; // unlimited
    s.targets = [target({ id: "t", program: "retrofit", region: "town", atLeast: 12 })];
    const sol = await solveStages(buildPlanningModel(s), "highs");
    expect(sol.status).toBe("optimal");
    const started = sol.pm.ctx.years.reduce((sum, _, h) => sum + sol.primal[sol.pm.ctx.index.startsCol(0, h)], 0);
    expect(started).toBeCloseTo(10, 5); // within the stage fix tolerance
    expect(targetNotices(s, place).map((n) => n.en)[0]).toMatch(/missed by at least 2 /);
  });

  it("count households as stock × households per unit, and stay silent where actuals record households", () => {
    const s = handSolvedTown(); // 10 units × 100 households
    s.targets = [target({ id: "h", program: "retrofit", region: "town", metric: "households_started", atLeast: 1001 })];
    expect(targetNotices(s, place).map((n) => n.en)).toEqual([expect.stringMatching(/can count \(1000 households\), so it is missed by at least 1 /)]);
    expect(targetNotices(s, place)[0].zh).toMatch(/所能计入的数量（1000户），因此无论预算多少，都至少差1；/);
    s.actuals = [{ region: "town", program: "retrofit", year: 2021, started: 2, householdsStarted: 260, partial: false }];
    expect(targetNotices(s, place).map((n) => n.en)).toEqual([]);
    s.targets[0].atLeast = 1000;
    s.actuals = [];
    expect(targetNotices(s, place).map((n) => n.en)).toEqual([]);
  });

  it("bound completed metrics by the stock and the units started before the horizon (they complete in it too)", () => {
    const s = handSolvedTown(); // stock 10
    s.targets = [target({ id: "c", program: "retrofit", region: "town", metric: "completed", atLeast: 12 })];
    expect(targetNotices(s, place).map((n) => n.en)).toEqual([
      expect.stringMatching(/stock of retrofit under town \(town\) and the units started before the horizon can count \(10 units\), so it is missed by at least 2 /),
    ]);
    expect(targetNotices(s, place)[0].zh).toMatch(/retrofit的全部存量加上规划期前已开工的项目所能计入的数量（10个单位），因此无论预算多少，都至少差2；/);
    s.actuals = [{ region: "town", program: "retrofit", year: 2020, started: 3, partial: false }];
    expect(targetNotices(s, place).map((n) => n.en)).toEqual([]); // 10 + 3 can complete
    s.targets[0].atLeast = 14;
    expect(targetNotices(s, place).map((n) => n.en)).toEqual([expect.stringMatching(/can count \(13 units\), so it is missed by at least 1 /)]);
    s.actuals[0].completed = 3; // recorded completions: left to the plan
    expect(targetNotices(s, place).map((n) => n.en)).toEqual([]);
  });

  it("find nothing to say about the shipped scenarios", () => {
    for (const f of ["guangdong-retrofit-2021-2025", "guangdong-retrofit-actuals-2023", "guangzhou-towns-2024-2027"]) {
      expect(loadScenario(`scenarios/${f}.yaml`).notices.map((n) => n.en).filter((n) => /whole stock/.test(n))).toEqual([]);
    }
  });
});
