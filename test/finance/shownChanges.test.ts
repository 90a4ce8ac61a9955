import { describe, expect, it } from "vitest";
import { MATERIAL, shownChanges } from "../../src/finance/compare/shownChanges.js";

describe("shownChanges: compare's rule for what counts as a change worth showing", () => {
  const view = (r: { file: string; column: string; a: number; b: number }) => ({ file: r.file, column: r.column, sizes: [Math.abs(r.a), Math.abs(r.b)] });

  it("drops price ranges and values under a thousandth of their column's largest, unchanged rows included in the largest", () => {
    const rows = [
      { file: "budgets.csv", column: "used_yuan", a: 3e8, b: 3e8 }, // unchanged, but sets the column's largest
      { file: "budgets.csv", column: "used_yuan", a: 0.5, b: 937 }, // under 3e8 × 1e-3
      { file: "budgets.csv", column: "used_yuan", a: 2e8, b: 1.5e8 },
      { file: "budgets.csv", column: "shadow_price_valid_to_yuan", a: 1e8, b: 2e8 },
      { file: "targets.csv", column: "marginal_cost_valid_from", a: 10, b: 0 },
      { file: "plan.csv", column: "used_yuan", a: 0.5, b: 937 }, // another file's column: its own largest
    ];
    expect(shownChanges(rows, view).map((r) => `${r.file}:${r.a}`)).toEqual(["budgets.csv:300000000", "budgets.csv:200000000", "plan.csv:0.5"]);
  });

  it("drops shadow_prices.csv's price per a budget's own step, which can differ between folders for the same price", () => {
    const rows = [
      { file: "shadow_prices.csv", column: "units_per_step", a: 6532, b: 0.6532 }, // per 1亿元, then per 10万元
      { file: "shadow_prices.csv", column: "step_amount", a: 1e8, b: 1e5 },
      { file: "budgets.csv", column: "shadow_price_units_per_100m_yuan", a: 6532, b: 6000 },
    ];
    expect(shownChanges(rows, view).map((r) => r.column)).toEqual(["shadow_price_units_per_100m_yuan"]);
  });

  it("keeps a value exactly at the threshold and ignores missing values (NaN)", () => {
    const rows = [{ file: "f", column: "c", a: 1000, b: Number.NaN }, { file: "f", column: "c", a: 1000 * MATERIAL, b: Number.NaN }];
    expect(shownChanges(rows, view)).toHaveLength(2);
  });
});
