/**
 * Every limit a diagnosis can name leads back to the file and line that states it: YAML lines,
 * CSV lines (budgets, by_region stock), the right key within a record (min or max share,
 * min_ratio, cap_per_household).
 */
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { buildPlanningModel } from "../../src/model/build.js";
import { rowName } from "../../src/model/names.js";
import { inputPathOf } from "../../src/plan/rowInputs.js";
import { inputLocator, loadScenario } from "../../src/scenario/index.js";

describe("where each limit is written", () => {
  const loaded = loadScenario(resolve("test/fixtures/scenarios/good/base.yaml"));
  const { model } = buildPlanningModel(loaded.scenario);
  const locate = inputLocator(loaded.file, loaded.locate);
  const at = (name: string) => {
    const row = model.rows.find((r) => rowName(r) === name);
    if (!row) throw new Error(`no row ${name}`);
    const path = inputPathOf(row, loaded.scenario);
    return path ? locate(path) : null;
  };

  it("names YAML lines for per_year budgets, shares, caps, links, capacity, start limits and targets", () => {
    expect(at("budget[central,gd,2023]")).toBe("base.yaml:31");
    expect(at("share_max[gz,retrofit,2022,central]")).toBe("base.yaml:22");
    expect(at("share_min[gz,retrofit,2022,city]")).toBe("base.yaml:23");
    expect(at("resident_cap[gz,retrofit,2022,residents]")).toBe("base.yaml:24");
    expect(at("link_min[city_match,gz,2022]")).toBe("base.yaml:38");
    expect(at("capacity[crews,2021]")).toBe("base.yaml:43");
    expect(at("start_limit[retrofit,gd,2021]")).toBe("base.yaml:26");
    expect(at("target[t_pearl]")).toBe("base.yaml:46");
  });

  it("names the CSV line of a budget and of a leaf's stock, relative to the scenario's folder", () => {
    expect(at("budget[city,gz,2022]")).toBe("data/city_budgets.csv:3");
    expect(at("budget[city,sz,2021]")).toBe("data/city_budgets.csv:4");
    expect(at("stock[sz,retrofit]")).toBe("data/retrofit.csv:3");
  });

  it("has none for rows no scenario entry states", () => {
    expect(at("balance[gz,retrofit,2022]")).toBeNull();
    expect(at("commit[gz,retrofit,2022]")).toBeNull();
  });
});
