import { describe, expect, it } from "vitest";
import { countsHouseholds, householdPrograms } from "../../src/scenario/householdPrograms.js";
import { loadScenario } from "../../src/scenario/index.js";
import type { Actual } from "../../src/scenario/types.js";
import { program, region, scenario, source, target, tree } from "../helpers/scenario.js";

describe("which programmes count households", () => {
  it("counts a programme given households per unit, not one left at the default (a 典型镇 of towns)", () => {
    const { scenario: s } = loadScenario("test/fixtures/finance/towns-typical.yaml");
    expect(s.programs.map((p) => [p.id, p.householdsPerUnitGiven])).toEqual([["retrofit", true], ["typical-town", false]]);
    // Both carry households per unit for the model's arithmetic; only the communities hold households.
    expect(s.programs[1].leaves.map((l) => l.householdsPerUnit)).toEqual([1, 1]);
    expect([...householdPrograms(s)]).toEqual(["retrofit"]);
  });

  it("counts a programme at 1 household per unit when a households target or a recorded households figure says its units are households", () => {
    const leaves = [{ region: "town", stock: 10, householdsPerUnit: 1, unitCost: 100_000 }];
    const shares = { gov: { min: 0, max: 1, capPerHousehold: null } };
    const actual: Actual = { region: "town", program: "houses", year: 2021, started: 2, householdsStarted: 2, partial: false };
    const base = {
      regions: tree([region("town")]),
      programs: [program({ id: "towns", leaves, shares }), program({ id: "houses", leaves, shares }), program({ id: "given", leaves, shares, householdsPerUnitGiven: true })],
      sources: [source({ id: "gov", kind: "government" })],
    };
    const withTarget = scenario({ ...base, targets: [target({ id: "hh", program: "houses", region: "town", metric: "households_started", atLeast: 5 })] });
    expect([...householdPrograms(withTarget)]).toEqual(["houses", "given"]);
    const withActual = scenario({ ...base, actuals: [actual] });
    expect(base.programs.map((p) => countsHouseholds(withActual, p))).toEqual([false, true, true]);
    expect([...householdPrograms(scenario(base))]).toEqual(["given"]);
  });

  it("counts a programme whose residents are capped per household: the cap is per household, so plan.csv shows the households it capped", () => {
    const leaves = [{ region: "town", stock: 10, householdsPerUnit: 1, unitCost: 100_000 }];
    const capped = program({ id: "capped", leaves, shares: { gov: { min: 0, max: 1, capPerHousehold: null }, res: { min: 0, max: 0.2, capPerHousehold: 5_000 } } });
    const plain = program({ id: "plain", leaves, shares: { gov: { min: 0, max: 1, capPerHousehold: null } } });
    const s = scenario({ regions: tree([region("town")]), programs: [capped, plain], sources: [source({ id: "gov", kind: "government" }), source({ id: "res", kind: "resident" })] });
    expect([...householdPrograms(s)]).toEqual(["capped"]);
  });
});
