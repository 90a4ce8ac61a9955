/** Deltas of compare.csv carry no binary noise: no more decimals than the values they came from. */
import { describe, expect, it } from "vitest";
import { compareTable } from "../../src/finance/compare/alignTables.js";

const table = (validTo: string, cost: string) => ({
  columns: ["target", "marginal_cost_valid_to", "marginal_cost_yuan_per_unit"],
  rows: [{ target: "gd-households", marginal_cost_valid_to: validTo, marginal_cost_yuan_per_unit: cost }],
});

describe("compareTable", () => {
  it("gives the delta at the precision the CSV values were written with", () => {
    const rows = compareTable("targets.csv", [table("1420024.3338", "30863.7"), table("1420000.8307", "38481.95")]);
    const delta = (column: string) => rows.find((r) => r.column === column)!.deltas[0];
    expect(delta("marginal_cost_valid_to")).toBe(-23.5031); // not −23.5030999999
    expect(delta("marginal_cost_yuan_per_unit")).toBe(7618.25);
    expect(rows.find((r) => r.column === "marginal_cost_valid_to")!.relDeltas[0]).toBeCloseTo(-23.5031 / 1420024.3338, 12);
  });

  it("gives a share or probability no relative change: its change is the delta, in percentage points", () => {
    const targets = (pMet: string, planned: string) => ({ columns: ["target", "p_met", "planned"], rows: [{ target: "lj", p_met: pMet, planned }] });
    const rows = compareTable("targets.csv", [targets("0.007", "400"), targets("0.926", "420"), targets("0.007", "400")]);
    const pMet = rows.find((r) => r.column === "p_met")!;
    expect(pMet.deltas).toEqual([0.919, 0]);
    expect(pMet.relDeltas).toEqual([null, 0]); // not +13,128.6 %; unchanged is still 0
    expect(rows.find((r) => r.column === "planned")!.relDeltas).toEqual([0.05, 0]);
  });
});
