/**
 * The stage runner: its anchor (Monte Carlo re-planning starts every draw from one kept optimum) and
 * which stages it ranges.
 */
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

describe("StagedSession.run ranging", () => {
  it("ranges the rows of the stages named, and only those", async () => {
    const scenario = handSolvedTown();
    scenario.objective.smoothing = true;
    const pm = buildPlanningModel(scenario);
    expect(pm.stages.map((s) => s.name)).toEqual(["shortfall", "cost", "smoothing"]);
    const staged = StagedSession.open(pm, "highs");
    try {
      const run = await staged.run({ duals: true, ranging: ["shortfall", "cost"] });
      expect(run.status).toBe("optimal");
      expect(run.ranges.map((r) => r !== null)).toEqual([true, true, false]);
      expect(run.ranges[1]).toHaveLength(pm.model.rows.length);
      const none = await staged.run({ duals: true });
      expect(none.ranges).toEqual([null, null, null]);
    } finally {
      await staged.dispose();
    }
  });
});

describe("StagedSession.run", () => {
  it("leaves no optimum of a longer run before binding a shorter one after a change", async () => {
    const scenario = handSolvedTown();
    scenario.objective.smoothing = true; // three stages: the cost stage's fix row holds the first run's cost
    const pm = buildPlanningModel(scenario);
    const staged = StagedSession.open(pm, "highs");
    const fresh = StagedSession.open(pm, "highs");
    try {
      await staged.run({ duals: false });
      // Twice the money: eight units are affordable, at a cost the first run's cost optimum forbids.
      const row = pm.ctx.index.budgetRows[0].row;
      const bound = staged.model.rows[row];
      const doubled = [{ index: row, lb: bound.lb, ub: bound.ub * 2 }];
      await staged.setRowBounds(doubled);
      await fresh.setRowBounds(doubled);
      const shorter = await staged.run({ stages: 1, duals: false });
      const expected = await fresh.run({ stages: 1, duals: false });
      expect(expected.stages[0].objective).toBeCloseTo(0, 9);
      expect(shorter.stages[0].objective).toBeCloseTo(expected.stages[0].objective, 9);
    } finally {
      await staged.dispose();
      await fresh.dispose();
    }
  });
});

describe("StagedSession.finish", () => {
  it("solves only the stages a cut-short run left, to the run a full one gives", async () => {
    const scenario = handSolvedTown();
    scenario.objective.smoothing = true;
    const pm = buildPlanningModel(scenario);
    const whole = StagedSession.open(pm, "highs");
    const staged = StagedSession.open(pm, "highs");
    try {
      const full = await whole.run();
      const first = await staged.run({ stages: 1 });
      expect(first.stages.map((s) => s.stage)).toEqual(["shortfall"]);
      const finished = await staged.finish();
      expect(finished.stages.map((s) => s.stage)).toEqual(["shortfall", "cost", "smoothing"]);
      expect(finished.stages[0]).toBe(first.stages[0]); // the first stage's own report: not solved again
      expect(first.stages).toHaveLength(1); // the cut-short run the caller holds is left as it was
      expect(finished.optima.map((o) => o.value)).toEqual(full.optima.map((o) => o.value));
      expect([...finished.primal]).toEqual([...full.primal]);
      expect(finished.duals.map((d) => d && [...d])).toEqual(full.duals.map((d) => d && [...d]));
      await expect(staged.finish()).rejects.toThrow(/no run cut short/);
    } finally {
      await whole.dispose();
      await staged.dispose();
    }
  });

  it("has nothing to finish once the model changed", async () => {
    const pm = buildPlanningModel(handSolvedTown());
    const staged = StagedSession.open(pm, "highs");
    try {
      await staged.run({ stages: 1 });
      const row = pm.ctx.index.budgetRows[0].row;
      const bound = staged.model.rows[row];
      await staged.setRowBounds([{ index: row, lb: bound.lb, ub: bound.ub / 2 }]);
      await expect(staged.finish()).rejects.toThrow(/no run cut short/);
    } finally {
      await staged.dispose();
    }
  });
});
