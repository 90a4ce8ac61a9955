/**
 * Years as_of closes: a leaf without stock of a programme needs no record (it gets `started: 0`,
 * and the model is the one its explicit record gives); a missing record is one problem per year and
 * programme naming every leaf by id and name, at the actuals table that holds that year.
 */
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { buildPlanningModel } from "../../src/model/build.js";
import { toCplexLp } from "../../src/model/exportLp.js";
import { stageModel } from "../../src/plan/stageModels.js";
import { loadScenario } from "../../src/scenario/index.js";
import { errorFor, expectProblem, lineOf } from "./helpers.js";

const FIXTURE = resolve("test/fixtures/scenarios/asof-stock0");

describe("closed years: leaves without stock", () => {
  it("need no record, and get the started: 0 record that gives the same model as writing it", () => {
    const implicit = loadScenario(join(FIXTURE, "asof.yaml")).scenario;
    const explicit = loadScenario(join(FIXTURE, "asof-explicit.yaml")).scenario;
    const zeros = implicit.actuals.filter((a) => (a.region === "fs" && a.program === "retrofit" && a.year >= 2021) || (a.region === "gz" && a.program === "park"));
    expect(zeros.map((a) => [a.region, a.program, a.year, a.started, a.partial, a.paid])).toEqual([
      ["fs", "retrofit", 2021, 0, false, undefined],
      ["gz", "park", 2021, 0, false, undefined],
      ["fs", "retrofit", 2022, 0, false, undefined],
      ["gz", "park", 2022, 0, false, undefined],
    ]);
    // Starts fixed at 0 as by the record, not left to the stock row: a model with the same optimum
    // but other columns fixed may solve to another plan (funding.csv's split of gz's money moved).
    const lp = (s: typeof implicit) => toCplexLp(stageModel(buildPlanningModel(s), 0, []));
    expect(lp(implicit)).toBe(lp(explicit));
    expect(lp(implicit)).toContain(" starts(fs,retrofit,2021) = 0\n");
  });

  it("still need a record where the stock is not 0, even if nothing was started", () => {
    const yaml = `name: t
horizon: {start: 2021, end: 2023}
as_of: 2022
regions:
  - {id: gd}
  - {id: gz, parent: gd}
  - {id: sz, parent: gd}
programs:
  - id: retrofit
    unit_cost: 1000000
    by_region:
      - {region: gz, stock: 0}
      - {region: sz, stock: 1}
    shares:
      city: {min: 1}
sources:
  - {id: city, kind: government}
actuals:
  - {region: gz, program: retrofit, year: 2020, started: 1}
`;
    const { error } = errorFor(yaml);
    expectProblem(error, "as_of", lineOf(yaml, "as_of:"), "s.yaml", 'closes 2021, but actuals have no 2021 record of "retrofit" for sz (add it; started: 0 where nothing started)');
    expect(error.problems).toHaveLength(1);
  });
});

describe("closed years: a missing record", () => {
  const towns = Array.from({ length: 12 }, (_, i) => `t${i + 1}`);
  const yaml = `name: t
horizon: {start: 2021, end: 2023}
as_of: 2022-06-30
regions:
  - {id: gz, name: 广州市}
${towns.map((t, i) => `  - {id: ${t}, name: ${i + 1}号镇, parent: gz}`).join("\n")}
programs:
  - id: typical-town
    name: 典型镇培育（"1+4+7+9+N"）
    unit_cost: 1000000
    by_region:
${towns.map((t) => `      - {region: ${t}, stock: 1}`).join("\n")}
    shares:
      city: {min: 1}
sources:
  - {id: city, kind: government}
actuals:
  - {file: actuals.csv}
`;

  it("names every leaf that lacks it, by id and name, however many, at the actuals table (the rows go there)", () => {
    const csv = "区域,项目,年度,开工数\nt1,typical-town,2021年,1\nt2,typical-town,2021年,0\n";
    const { error } = errorFor(yaml, { "actuals.csv": csv });
    const lacking = towns.slice(2).map((t) => `${t} (${t.slice(1)}号镇)`).join(", ");
    expectProblem(error, "as_of", null, "actuals.csv",
      `as_of 2022-06-30 closes 2021, but actuals have no 2021 record of "typical-town" (典型镇培育（"1+4+7+9+N"）) for 10 leaves: ${lacking} (add them; started: 0 where nothing started)`);
    expect(error.problems).toHaveLength(1);
  });

  it("is placed at the table that holds the programme's closed year, when several tables hold actuals", () => {
    const files = { "a2021.csv": "region,program,year,started\nt1,typical-town,2021,1\n", "a2022.csv": "region,program,year,started\nt1,typical-town,2022,0\n" };
    const { error } = errorFor(yaml.replace("  - {file: actuals.csv}", "  - {file: a2022.csv}\n  - {file: a2021.csv}"), files);
    expectProblem(error, "as_of", null, "a2021.csv", "closes 2021, but actuals have no 2021 record");
  });
});
