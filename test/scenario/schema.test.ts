/**
 * Values the schema reads for every key of a kind: true/false keys also take 是 / 否, as a
 * Chinese office writes yes and no, in YAML and in a CSV column, and the cross-field checks read
 * them as the schema does.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadScenario } from "../../src/scenario/index.js";
import { errorFor, expectProblem, lineOf, patch, writeFiles } from "./helpers.js";

const ACTUALS = "actuals:\n  - {region: gz, program: retrofit, year: 2021, started: 4, partial: 是}\n  - {region: sz, program: retrofit, year: 2021, started: 2, partial: 否}\n";

const YES_NO = patch(
  ["    unit_cost: 3000000\n", "    unit_cost: 3000000\n    integer: 是\n"],
  ["  - id: city\n    kind: government\n", "  - id: city\n    kind: government\n    carryover: 否\n    links: [{id: m, of: central, min_ratio: 0.5, region: gd, each_child: 是}]\n"],
  ["targets:", `objective: {smoothing: 是}\n${ACTUALS}targets:`],
);

describe("true/false keys", () => {
  it("read 是 as true and 否 as false, in every such key", () => {
    const s = loadScenario(join(writeFiles({ "s.yaml": YES_NO }), "s.yaml")).scenario;
    expect(s.programs[0].integer).toBe(true);
    const city = s.sources.find((x) => x.id === "city")!;
    expect(city.carryover).toBe(false);
    expect(city.links[0].eachChild).toBe(true);
    expect(s.objective.smoothing).toBe(true);
    expect(s.actuals.map((a) => a.partial)).toEqual([true, false]);
  });

  it("read 是 / 否 in a CSV's 部分年度 (partial) column", () => {
    const yaml = patch(["targets:", "actuals:\n  - {file: actuals.csv}\ntargets:"]);
    const csv = "区域,项目,年份,开工数,部分年度\ngz,retrofit,2021,4,是\nsz,retrofit,2021,2,否\n";
    const s = loadScenario(join(writeFiles({ "s.yaml": yaml, "actuals.csv": csv }), "s.yaml")).scenario;
    expect(s.actuals.map((a) => a.partial)).toEqual([true, false]);
  });

  it("check 是 in the cross-field checks as true: a partial year before the horizon, each_child on a leaf", () => {
    const yaml = patch(
      ["  - id: city\n    kind: government\n", "  - id: city\n    kind: government\n    links: [{id: m, of: central, min_ratio: 0.5, region: gz, each_child: 是}]\n"],
      ["targets:", "actuals:\n  - {region: gz, program: retrofit, year: 2020, started: 4, partial: 是}\ntargets:"],
    );
    const { error } = errorFor(yaml);
    expectProblem(error, "actuals[0].partial", lineOf(yaml, "year: 2020"), "s.yaml", "partial marks a year still running");
    expectProblem(error, "sources[1].links[0].each_child", lineOf(yaml, "each_child: 是"), "s.yaml", "each_child needs a region with children");
  });

  it("refuse any other word, saying to write true or false", () => {
    const yaml = patch(["    unit_cost: 3000000\n", "    unit_cost: 3000000\n    integer: yes\n"]);
    const { error } = errorFor(yaml);
    expectProblem(error, "programs[0].integer", lineOf(yaml, "integer: yes"), "s.yaml", "write true or false (or 是 / 否)");
  });
});
