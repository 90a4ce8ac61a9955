/** The stage runner's anchor: Monte Carlo re-planning starts every draw from one kept optimum. */
import { describe, expect, it } from "vitest";
import { buildPlanningModel } from "../../src/model/build.js";
import { ANCHOR_SLOT, StagedSession } from "../../src/plan/stagedSession.js";
import { handSolvedTown } from "../helpers/scenario.js";

describe("StagedSession.anchor", () => {
  it("solves and keeps the optimum once; runs from it reach the same optima after a change is undone", async () => {
    const pm = buildPlanningModel(handSolvedTown());
    const staged = StagedSession.open(pm, "highs");
    try {
      expect(await staged.anchor("test")).toBe(true);
      expect(await staged.anchor("test")).toBe(false);
      const first = await staged.run({ duals: false, firstFrom: ANCHOR_SLOT });
      const row = pm.ctx.index.budgetRows[0].row;
      const bound = staged.model.rows[row];
      await staged.setRowBounds([{ index: row, lb: bound.lb, ub: bound.ub / 2 }]);
      const halved = await staged.run({ duals: false, firstFrom: ANCHOR_SLOT });
      expect(halved.stages[0].objective).toBeGreaterThan(first.stages[0].objective); // less money, more shortfall
      await staged.setRowBounds([{ index: row, lb: bound.lb, ub: bound.ub }]);
      const again = await staged.run({ duals: false, firstFrom: ANCHOR_SLOT });
      expect(again.stages.map((s) => s.objective)).toEqual(first.stages.map((s) => s.objective));
    } finally {
      await staged.dispose();
    }
  });

  it("names the mode when the planning model cannot be solved", async () => {
    const pm = buildPlanningModel(handSolvedTown());
    const staged = StagedSession.open(pm, "highs");
    try {
      const row = pm.ctx.index.budgetRows[0].row;
      await staged.setRowBounds([{ index: row, lb: 1, ub: -1 }]);
      await expect(staged.anchor("replan")).rejects.toThrow(/^replan: the planning model cannot be solved/);
    } finally {
      await staged.dispose();
    }
  });
});
