/**
 * actuals and as_of in the scenario file: households, completions and money paid by source in
 * YAML and CSV (`paid.<source>` columns) load into the normalised records; as_of decides which
 * years are closed and which is running; every inconsistency is a problem at its path and line.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadScenario } from "../../src/scenario/index.js";
import { errorFor, expectProblem, lineOf, patch, writeFiles } from "./helpers.js";

const WITH_ACTUALS = (actuals: string, asOf = "") => patch(["targets:", `${asOf}actuals:\n${actuals}targets:`]);

function load(yaml: string, extra: Record<string, string> = {}) {
  const dir = writeFiles({ "s.yaml": yaml, ...extra });
  return loadScenario(join(dir, "s.yaml"));
}

describe("actuals: what is recorded", () => {
  it("reads households, completions and money paid by source from YAML (amounts in Chinese units)", () => {
    const s = load(WITH_ACTUALS(
      "  - {region: gz, program: retrofit, year: 2021, started: 10, households_started: 2180, paid: {central: \"1200万\", city: 18000000}}\n" +
      "  - {region: gz, program: retrofit, year: 2022, started: 8, completed: 10, households_completed: 2180}\n",
    )).scenario;
    expect(s.actuals[0]).toEqual({
      region: "gz", program: "retrofit", year: 2021, started: 10, householdsStarted: 2180,
      paid: { central: 12_000_000, city: 18_000_000 }, partial: false,
    });
    expect(s.actuals[1]).toMatchObject({ completed: 10, householdsCompleted: 2180, partial: false });
    expect(s.actuals[1].paid).toBeUndefined();
    expect(s.asOf).toBeNull();
  });

  it("folds paid.<source> CSV columns into paid, an empty cell leaving the source out", () => {
    const csv = "region,program,year,started,households_started,paid.central,paid.city\ngz,retrofit,2021,10,2180,1200万,1800万\nsz,retrofit,2021,4,,,600万\n";
    const s = load(WITH_ACTUALS("  - {file: actuals.csv}\n"), { "actuals.csv": csv }).scenario;
    expect(s.actuals.map((a) => [a.region, a.householdsStarted, a.paid])).toEqual([
      ["gz", 2180, { central: 12_000_000, city: 18_000_000 }],
      ["sz", undefined, { city: 6_000_000 }],
    ]);
  });

  it("takes Chinese headers for the recorded columns (支付.<source> for paid.<source>)", () => {
    const csv = "区域,项目,年份,开工数,开工户数,支付.central\ngz,retrofit,2021,10,2180,1200万\n";
    const s = load(WITH_ACTUALS("  - {file: actuals.csv}\n"), { "actuals.csv": csv }).scenario;
    expect(s.actuals[0]).toMatchObject({ started: 10, householdsStarted: 2180, paid: { central: 12_000_000 } });
    // As office spreadsheets write them: the year with its character, the money's unit in the header.
    const office = "区域,项目,年份,开工数,开工户数,支付.central（万元）\ngz,retrofit,2021年,10,2180,1200\n";
    expect(load(WITH_ACTUALS("  - {file: actuals.csv}\n"), { "actuals.csv": office }).scenario.actuals[0]).toMatchObject({ year: 2021, paid: { central: 12_000_000 } });
  });

  it("reads counts with thousands separators, as WPS and Excel save them beside money cells", () => {
    const csv = '区域,项目,年份,开工数,开工户数,竣工户数,支付.central（万元）\ngz,retrofit,2021年,10,"71,111","1,234,567.5","24,000"\n';
    const s = load(WITH_ACTUALS("  - {file: actuals.csv}\n"), { "actuals.csv": csv }).scenario;
    expect(s.actuals[0]).toMatchObject({ started: 10, householdsStarted: 71_111, householdsCompleted: 1_234_567.5, paid: { central: 240_000_000 } });
  });

  it("refuses a count whose commas do not group thousands (a decimal comma?)", () => {
    const csv = 'region,program,year,started,households_started\ngz,retrofit,2021,10,"7,1111"\nsz,retrofit,2021,4,"1,5"\n';
    const { error } = errorFor(WITH_ACTUALS("  - {file: actuals.csv}\n"), { "actuals.csv": csv });
    expectProblem(error, "actuals[0].households_started", 2, "actuals.csv", 'expected a number, got "7,1111"');
    expectProblem(error, "actuals[1].households_started", 3, "actuals.csv", 'expected a number, got "1,5"');
  });

  it("reads a money cell's digits grouped in fours (\"7,1111\" = 71,111元, as 万 groups them) where a count refuses them", () => {
    const csv = 'region,program,year,started,paid.central,paid.city\ngz,retrofit,2021,10,"7,1111","1,234"\n';
    expect(load(WITH_ACTUALS("  - {file: actuals.csv}\n"), { "actuals.csv": csv }).scenario.actuals[0].paid).toEqual({ central: 71_111, city: 1234 });
    const inWan = csv.replace("paid.central", "paid.central（万元）");
    expect(load(WITH_ACTUALS("  - {file: actuals.csv}\n"), { "actuals.csv": inWan }).scenario.actuals[0].paid).toEqual({ central: 711_110_000, city: 1234 });
    const decimal = errorFor(WITH_ACTUALS("  - {file: actuals.csv}\n"), { "actuals.csv": 'region,program,year,started,paid.central\ngz,retrofit,2021,10,"1,5"\n' }).error;
    expectProblem(decimal, "actuals[0].paid.central", 2, "actuals.csv", '"1,5" is not an amount');
  });

  it("reports a misspelt money column once, naming the header an actuals table takes", () => {
    const csv = "region,program,year,started,payed.central\ngz,retrofit,2021,10,5\nsz,retrofit,2021,4,6\n";
    const { error } = errorFor(WITH_ACTUALS("  - {file: actuals.csv}\n"), { "actuals.csv": csv });
    const line = expectProblem(error, "actuals[0].file", 1, "actuals.csv", 'unknown column "payed.central"');
    expect(line).toContain("paid.<id>");
    expect(error.problems).toHaveLength(1);
  });

  it("points a bad paid.<source> cell at its CSV line", () => {
    const csv = "region,program,year,started,paid.central,paid.enterprise\ngz,retrofit,2021,10,1200万,\nsz,retrofit,2021,4,很多,5\n";
    const { error } = errorFor(WITH_ACTUALS("  - {file: actuals.csv}\n"), { "actuals.csv": csv });
    expectProblem(error, "actuals[1].paid.central", 3, "actuals.csv", "is not an amount");
    expectProblem(error, "actuals[1].paid.enterprise", 3, "actuals.csv", 'unknown source "enterprise"');
  });
});

describe("as_of", () => {
  const every = (year: number, extra = "") =>
    `  - {region: gz, program: retrofit, year: ${year}, started: 5${extra}}\n  - {region: sz, program: retrofit, year: ${year}, started: 3${extra}}\n`;

  it("closes the years before a date; the year it falls in is running (partial)", () => {
    const s = load(WITH_ACTUALS(every(2021) + every(2022) + every(2023), "as_of: 2023-09-30\n")).scenario;
    expect(s.asOf).toEqual({ text: "2023-09-30", firstOpenYear: 2023, current: 2023 });
    expect(s.actuals.map((a) => [a.year, a.partial])).toEqual([[2021, false], [2021, false], [2022, false], [2022, false], [2023, true], [2023, true]]);
  });

  it("a year closes everything before it, and 31 December closes its own year", () => {
    expect(load(WITH_ACTUALS(every(2021) + every(2022), "as_of: 2023\n")).scenario.asOf).toEqual({ text: "2023", firstOpenYear: 2023, current: null });
    expect(load(WITH_ACTUALS(every(2021) + every(2022), "as_of: 2022-12-31\n")).scenario.asOf).toEqual({ text: "2022-12-31", firstOpenYear: 2023, current: null });
  });

  it("asks for a record of every leaf in every closed year, naming the leaves", () => {
    const yaml = WITH_ACTUALS(every(2021) + "  - {region: gz, program: retrofit, year: 2022, started: 5}\n", "as_of: 2023-09-30\n");
    const { error } = errorFor(yaml);
    expectProblem(error, "as_of", lineOf(yaml, "as_of:"), "s.yaml", 'closes 2022, but actuals have no 2022 record of "retrofit" for sz');
  });

  it("does not say a closed year lacks the record whose region, programme or year is wrong (a follow-on), but names the leaves no record may stand for", () => {
    const named = (actuals: string) => WITH_ACTUALS(actuals, "as_of: 2023\n").replace("{id: gz, parent: gd}", "{id: gz, name: 广州市, parent: gd}");
    const byName = named(every(2021) + "  - {region: 广州市, program: retrofit, year: 2022, started: 5}\n  - {region: sz, program: retrofit, year: 2022, started: 3}\n");
    const { error } = errorFor(byName);
    expectProblem(error, "actuals[2].region", lineOf(byName, "region: 广州市"), "s.yaml", '"广州市" is the name of region "gz": write its id');
    expect(error.problems.map((p) => p.path)).toEqual(["actuals[2].region"]);
    // A name two leaves share may stand for either: neither is said to lack its record.
    const shared = named(every(2021) + "  - {region: 广州市, program: retrofit, year: 2022, started: 5}\n").replace("{id: sz, parent: gd}", "{id: sz, name: 广州市, parent: gd}");
    const both = errorFor(shared).error;
    expectProblem(both, "actuals[2].region", lineOf(shared, "region: 广州市"), "s.yaml", '"广州市" is the name of regions "gz", "sz": write the id of the one meant');
    expect(both.problems.map((p) => p.path)).toEqual(["actuals[2].region"]);
    // A misspelt region may stand for any leaf, a misspelt programme for any programme: each waits.
    for (const wrong of ["region: gzz, program: retrofit", "region: gz, program: retrofitt"]) {
      const yaml = named(every(2021) + `  - {${wrong}, year: 2022, started: 5}\n  - {region: sz, program: retrofit, year: 2022, started: 3}\n`);
      expect(errorFor(yaml).error.problems.map((p) => p.path)).toEqual([wrong.startsWith("region: gzz") ? "actuals[2].region" : "actuals[2].program"]);
    }
    // The record written by name stands for gz only: sz, which no record names, is still missing.
    const alone = named(every(2021) + "  - {region: 广州市, program: retrofit, year: 2022, started: 5}\n");
    expectProblem(errorFor(alone).error, "as_of", lineOf(alone, "as_of:"), "s.yaml", 'closes 2022, but actuals have no 2022 record of "retrofit" for sz (');
  });

  it("rejects a record after the date, a partial flag that contradicts it, and a day that does not exist", () => {
    const yaml = WITH_ACTUALS(every(2021) + every(2022, ", partial: true") + every(2024), "as_of: 2023-09-30\n");
    const { error } = errorFor(yaml);
    expectProblem(error, "actuals[2].partial", lineOf(yaml, "year: 2022, started: 5"), "s.yaml", "as_of 2023-09-30 closes 2022");
    expectProblem(error, "actuals[4].year", lineOf(yaml, "year: 2024, started: 5"), "s.yaml", "after as_of 2023-09-30");
    const day = WITH_ACTUALS(every(2021), "as_of: 2023-02-30\n");
    expectProblem(errorFor(day).error, "as_of", lineOf(day, "as_of:"), "s.yaml", '"2023-02-30" is not a calendar date');
    const word = WITH_ACTUALS(every(2021), "as_of: September\n");
    expectProblem(errorFor(word).error, "as_of", lineOf(word, "as_of:"), "s.yaml", "YYYY-MM-DD");
  });

  it("rejects a date that closes the whole horizon", () => {
    const yaml = WITH_ACTUALS(every(2021), "as_of: 2026\n");
    expectProblem(errorFor(yaml).error, "as_of", lineOf(yaml, "as_of:"), "s.yaml", "nothing is left to plan");
  });
});

describe("actuals: problems", () => {
  it("money from a source that does not fund the programme, or paid before the horizon", () => {
    const yaml = patch(
      ["  - id: residents\n    kind: resident\n", "  - id: residents\n    kind: resident\n  - id: bank\n    kind: enterprise\n"],
      ["targets:", "actuals:\n  - {region: gz, program: retrofit, year: 2021, started: 4, paid: {bank: 100}}\n  - {region: gz, program: retrofit, year: 2020, started: 4, paid: {central: 100}}\ntargets:"],
    );
    const { error } = errorFor(yaml);
    expectProblem(error, "actuals[0].paid.bank", lineOf(yaml, "paid: {bank"), "s.yaml", 'source "bank" does not fund programme "retrofit"');
    expectProblem(error, "actuals[1].paid", lineOf(yaml, "year: 2020"), "s.yaml", "before the horizon");
  });

  it("completions only for whole years whose starts are settled; households need units", () => {
    const yaml = WITH_ACTUALS(
      "  - {region: gz, program: retrofit, year: 2021, started: 4, partial: true}\n" +
      "  - {region: gz, program: retrofit, year: 2022, started: 4, completed: 4}\n" +
      "  - {region: sz, program: retrofit, year: 2022, started: 2, partial: true, households_completed: 30}\n" +
      "  - {region: sz, program: retrofit, year: 2021, started: 0, households_started: 50}\n",
    );
    const { error } = errorFor(yaml);
    expectProblem(error, "actuals[1].completed", lineOf(yaml, "completed: 4"), "s.yaml", "were started in 2021, which has no whole-year record");
    expectProblem(error, "actuals[2].households_completed", lineOf(yaml, "households_completed: 30"), "s.yaml", "whole years only");
    expectProblem(error, "actuals[3].households_started", lineOf(yaml, "households_started: 50"), "s.yaml", "with no units started");
  });

  it("a row naming its region by name is one problem: no follow-on about its start year's record", () => {
    const yaml = patch(["  - {id: gz, parent: gd}", "  - {id: gz, name: 广州市, parent: gd}"], ["targets:", "actuals:\n  - {file: actuals.csv}\ntargets:"]);
    const csv = "region,program,year,started,completed\ngz,retrofit,2021,4,\n广州市,retrofit,2022,3,4\n";
    const { error } = errorFor(yaml, { "actuals.csv": csv });
    expectProblem(error, "actuals[1].region", 3, "actuals.csv", '"广州市" is the name of region "gz": write its id');
    expect(error.problems).toHaveLength(1);
  });
});
