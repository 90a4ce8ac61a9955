import { describe, expect, it } from "vitest";
import { cutBudgets, moneyCut, scaleBudgets, selectedBudgetTotal } from "../../src/finance/cuts.js";
import { resolveSelection } from "../../src/finance/selection.js";
import type { Scenario } from "../../src/scenario/types.js";
import { program, region, scenario, source, tree } from "../helpers/scenario.js";

/** Province → two cities (one with two towns) and a group of the two towns; budgets everywhere. */
function nested(): Scenario {
  const regions = tree([region("prov"), region("cityA", "prov"), region("cityB", "prov"), region("a1", "cityA"), region("a2", "cityA")]);
  regions.push({ id: "towns", name: "towns", parent: null, children: [], leaves: ["a1", "a2"], isLeaf: false, isGroup: true });
  const years = [2021, 2022, 2023];
  const at = (r: string, amount: number) => years.map((year) => ({ region: r, year, amount }));
  return scenario({
    horizon: { start: 2021, end: 2023 },
    regions,
    programs: [program({ id: "p", leaves: [], shares: {} })],
    sources: [
      source({ id: "central", kind: "government", budgets: at("prov", 100) }),
      source({ id: "city", kind: "government", budgets: [...at("cityA", 10), ...at("cityB", 20), ...at("a1", 1), ...at("towns", 5)] }),
      source({ id: "firms", kind: "enterprise", budgets: at("prov", 7) }),
    ],
  });
}

const gov = { kind: "government" as const, ids: null };

describe("budget cuts as a scenario transform", () => {
  it("scales only the selected sources' budgets and leaves the input untouched", () => {
    const s = nested();
    const before = JSON.stringify(s);
    const cut = cutBudgets(s, resolveSelection(s, { selector: gov }), 0.2);
    expect(JSON.stringify(s)).toBe(before);
    expect(cut.sources[0].budgets.map((b) => b.amount)).toEqual([80, 80, 80]);
    expect(cut.sources[2]).toBe(s.sources[2]); // enterprise untouched, same object
    expect(cut.programs).toBe(s.programs);
  });

  it("returns the very same scenario for a 0% cut", () => {
    const s = nested();
    expect(cutBudgets(s, resolveSelection(s, { selector: gov }), 0)).toBe(s);
  });

  it("cuts from a year on", () => {
    const s = nested();
    const sel = resolveSelection(s, { selector: { kind: null, ids: ["central"] }, from: 2022 });
    expect(cutBudgets(s, sel, 0.5).sources[0].budgets.map((b) => b.amount)).toEqual([100, 50, 50]);
    expect(moneyCut(s, sel, 0.5)).toBe(100);
  });

  it("cuts at a node, the nodes below it and groups inside it, not above or beside it", () => {
    const s = nested();
    const sel = resolveSelection(s, { selector: gov, region: "cityA" });
    const city = cutBudgets(s, sel, 0.1).sources[1].budgets;
    const byRegion = (r: string) => city.filter((b) => b.region === r).map((b) => b.amount);
    expect(byRegion("cityA")).toEqual([9, 9, 9]);
    expect(byRegion("a1")).toEqual([0.9, 0.9, 0.9]);
    expect(byRegion("towns")).toEqual([4.5, 4.5, 4.5]);
    expect(byRegion("cityB")).toEqual([20, 20, 20]);
    expect(cutBudgets(s, sel, 0.1).sources[0]).toEqual(s.sources[0]); // the provincial budget is above cityA
  });

  it("scales per year with a map", () => {
    const s = nested();
    const sel = resolveSelection(s, { selector: { kind: null, ids: ["central"] } });
    const scaled = scaleBudgets(s, sel, new Map([[2021, 0.5], [2023, 2]]));
    expect(scaled.sources[0].budgets.map((b) => b.amount)).toEqual([50, 100, 200]);
    expect(selectedBudgetTotal(s, sel, 2022)).toBe(100);
  });

  it("rejects unknown sources and regions, kind mismatches, years outside the horizon and empty selections", () => {
    const s = nested();
    expect(() => resolveSelection(s, { selector: { kind: null, ids: ["centrl"] } })).toThrow(/unknown source "centrl" \(did you mean "central"\?\)/);
    expect(() => resolveSelection(s, { selector: { kind: "government", ids: ["firms"] } })).toThrow(/firms" is enterprise money, not government/);
    expect(() => resolveSelection(s, { selector: gov, region: "cityC" })).toThrow(/unknown region "cityC"/);
    expect(() => resolveSelection(s, { selector: gov, from: 2030 })).toThrow(/outside the scenario's horizon 2021–2023/);
    expect(() => resolveSelection(s, { selector: { kind: "resident", ids: null } })).toThrow(/no resident sources/);
    expect(() => resolveSelection(s, { selector: { kind: "enterprise", ids: null }, region: "cityB" })).toThrow(/no budget matches/);
  });
});
