import { describe, expect, it } from "vitest";
import { buildPlanningModel } from "../../src/model/build.js";
import { withoutSmoothing } from "../../src/montecarlo/worldModel.js";
import { loadScenario } from "../../src/scenario/index.js";

const { scenario } = loadScenario("scenarios/guangdong-retrofit-2021-2025.yaml");

describe("the re-optimisation model without the smoothing family", () => {
  it("drops every smoothing row and column and keeps every other one at its index", () => {
    const pm = buildPlanningModel(scenario);
    const model = pm.model;
    const smoothingRows = model.rows.filter((r) => r.ref.family === "smoothing").length;
    expect(smoothingRows).toBeGreaterThan(0);
    const cut = withoutSmoothing(model);
    expect(cut.rows.length).toBe(model.rows.length - smoothingRows);
    expect(cut.rows.every((r, i) => r === model.rows[i] && r.ref.family !== "smoothing")).toBe(true);
    expect(cut.variables.every((v, i) => v === model.variables[i] && v.ref.role !== "smooth_up" && v.ref.role !== "smooth_down")).toBe(true);
  });

  it("refuses a model in which another row follows the smoothing rows (an index would move)", () => {
    const model = buildPlanningModel(scenario).model;
    const moved = { ...model, rows: [...model.rows, model.rows[0]] };
    expect(() => withoutSmoothing(moved)).toThrow(/must be the model's last/);
  });

  it("leaves a model without smoothing as it is", () => {
    const model = buildPlanningModel({ ...scenario, objective: { ...scenario.objective, smoothing: false } }).model;
    expect(withoutSmoothing(model)).toBe(model);
  });
});
