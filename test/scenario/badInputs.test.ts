/**
 * Bad scenarios: each must be rejected with a problem naming the YAML path and the line (and the
 * file, for overlays and CSVs) of the offending value.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadScenario } from "../../src/scenario/index.js";
import { PositionTable } from "../../src/scenario/positions.js";
import { ProblemLog } from "../../src/scenario/problems.js";
import { parseYamlLayer } from "../../src/scenario/yamlFile.js";
import { BASE, errorFor, expectProblem, lineOf, loadError, patch, writeFiles } from "./helpers.js";

interface Case {
  name: string;
  yaml: string;
  path: string;
  /** Text on the offending line (its line number is the expected one); null: no line. */
  marker: string | null;
  text: string;
}

const cases: Case[] = [
  {
    name: "an escalation rate above 100 % a year",
    yaml: patch(["    spend_profile: [0.6, 0.4]", '    spend_profile: [0.6, 0.4]\n    escalation: "300%"']),
    path: "programs[0].escalation",
    marker: "300%",
    text: '"300%" is not a yearly rate between -50% and 100% (write 0.02 or "2%")',
  },
  {
    name: "a share above 100%",
    yaml: patch(["central: {max: 0.5}", 'central: {max: "140%"}']),
    path: "programs[0].shares.central.max",
    marker: "140%",
    text: '"140%" is not a share between 0 and 1 (write 0.3 or "30%")',
  },
  {
    name: "a misspelt key",
    yaml: patch(["    unit_cost: 3000000\n", "    unit_cost: 3000000\n    unti: community\n"]),
    path: "programs[0].unti",
    marker: "unti:",
    text: 'unknown key "unti" (did you mean "unit"?)',
  },
  {
    name: "a missing required key, reported at its record",
    yaml: patch(["    unit_cost: 3000000\n", ""]),
    path: "programs[0].unit_cost",
    marker: "- id: retrofit",
    text: "required but missing",
  },
  {
    name: "a missing section, reported at the file",
    yaml: BASE.slice(0, BASE.indexOf("sources:")),
    path: "sources",
    marker: null,
    text: "required but missing",
  },
  {
    name: "a horizon that ends before it starts",
    yaml: patch(["{start: 2021, end: 2025}", "{start: 2026, end: 2025}"]),
    path: "horizon.start",
    marker: "horizon:",
    text: "the horizon starts in 2026, after it ends (2025)",
  },
  {
    name: "a duplicate region id",
    yaml: patch(["{id: sz, parent: gd}", "{id: gz, parent: gd, name: again}"]),
    path: "regions[2].id",
    marker: "name: again",
    text: 'region id "gz" is used twice (also regions[1])',
  },
  {
    name: "an unknown parent region",
    yaml: patch(["{id: sz, parent: gd}", "{id: sz, parent: gdd}"]),
    path: "regions[2].parent",
    marker: "parent: gdd",
    text: 'unknown parent region "gdd" (did you mean "gd"?)',
  },
  {
    name: "a cycle in the region tree",
    yaml: patch(["  - {id: sz, parent: gd}\n", "  - {id: sz, parent: gd}\n  - {id: a, parent: b}\n  - {id: b, parent: a}\n"]),
    path: "regions[3].parent",
    marker: "{id: a, parent: b}",
    text: "parent links form a cycle: a → b → a",
  },
  {
    name: "by_region naming a region that is not a leaf",
    yaml: patch(["{region: gz, stock: 100}", "{region: gd, stock: 100}"]),
    path: "programs[0].by_region[0].region",
    marker: "{region: gd, stock: 100}",
    text: '"gd" is not: it has children (gz, sz)',
  },
  {
    name: "a leaf listed twice in by_region",
    yaml: patch(["{region: sz, stock: 80}", "{region: gz, stock: 80}"]),
    path: "programs[0].by_region[1].region",
    marker: "{region: gz, stock: 80}",
    text: 'leaf "gz" is listed twice (also by_region[0])',
  },
  {
    name: "a min share above the max share",
    yaml: patch(["city: {min: 0.2}", "city: {min: 0.6, max: 0.4}"]),
    path: "programs[0].shares.city.min",
    marker: "city: {min: 0.6",
    text: "min share 0.6 is above max share 0.4",
  },
  {
    name: "minimum shares adding up to more than 1",
    yaml: patch(["central: {max: 0.5}", "central: {min: 0.5, max: 0.6}"], ["city: {min: 0.2}", 'city: {min: "60%"}']),
    path: "programs[0].shares",
    marker: "shares:",
    text: "minimum shares add up to 1.1, more than 1",
  },
  {
    name: "maximum shares adding up to less than 1",
    yaml: patch(["city: {min: 0.2}", "city: {min: 0.2, max: 0.3}"]),
    path: "programs[0].shares",
    marker: "shares:",
    text: "maximum shares add up to 0.9, less than 1",
  },
  {
    name: "a spend profile that does not add up to 1",
    yaml: patch(["[0.6, 0.4]", "[0.6, 0.3]"]),
    path: "programs[0].spend_profile",
    marker: "spend_profile:",
    text: "spend_profile adds up to 0.9, not 1",
  },
  {
    name: "a cost per household without households per unit",
    yaml: patch(["unit_cost: 3000000", 'unit_cost: {per_household: "2.7万元"}']),
    path: "programs[0].unit_cost.per_household",
    marker: "per_household",
    text: "missing for gz, sz",
  },
  {
    name: "cap_per_household on a government source",
    yaml: patch(["central: {max: 0.5}", "central: {max: 0.5, cap_per_household: 100}"]),
    path: "programs[0].shares.central.cap_per_household",
    marker: "central: {max: 0.5, cap",
    text: 'cap_per_household applies to resident sources only; "central" is government',
  },
  {
    name: "a budget year past the spend profile's tail",
    yaml: patch(['{region: gd, per_year: "3亿"}', '{region: gd, by_year: {2026: "1亿", 2027: "3亿"}}']),
    path: "sources[0].budgets[0].by_year.2027",
    marker: "2027",
    text: "budget year 2027 is outside the horizon 2021–2025 (allowed: 2021–2026",
  },
  {
    name: "an amount with an unknown unit",
    yaml: patch(['per_year: "3亿"', 'per_year: "3千万"']),
    path: "sources[0].budgets[0].per_year",
    marker: "3千万",
    text: '"3千万" is not an amount',
  },
  {
    name: "a decimal comma in an amount (the commas are not dropped: 0,8亿 would read as 8亿)",
    yaml: patch(['per_year: "3亿"', 'per_year: "0,8亿"']),
    path: "sources[0].budgets[0].per_year",
    marker: "0,8亿",
    text: '"0,8亿" is not an amount (write yuan, or e.g. "3500万", "8.25亿", "2.7万元"): a comma is read only between groups of three digits (1,234,567) or of four (2,0000,0000); a decimal is written with a point (0.8亿)',
  },
  {
    name: "a negative in brackets, as Excel's accounting format writes it (not sent to the hint on thousands commas)",
    yaml: patch(['per_year: "3亿"', 'per_year: "(1,234)"']),
    path: "sources[0].budgets[0].per_year",
    marker: "(1,234)",
    text: '"(1,234)" is a negative in brackets, as Excel\'s accounting format writes -1234: brackets are not read as a minus sign, and amounts are never negative (a cut is a smaller budget, or `simulate stress --cut`); if 1234 was meant, write it without brackets',
  },
  {
    name: "a negative amount in units",
    yaml: patch(['per_year: "3亿"', 'per_year: "-3亿"']),
    path: "sources[0].budgets[0].per_year",
    marker: "-3亿",
    text: '"-3亿" is negative: amounts are never negative',
  },
  {
    name: "a negative amount in yuan",
    yaml: patch(['per_year: "3亿"', "per_year: -300000000"]),
    path: "sources[0].budgets[0].per_year",
    marker: "-300000000",
    text: "-300000000 is negative: amounts are never negative",
  },
  {
    name: "a budget for the same region given twice",
    yaml: patch(['      - {region: gd, per_year: "3亿"}\n', '      - {region: gd, per_year: "3亿"}\n      - {region: gd, by_year: {2022: 1}}\n']),
    path: "sources[0].budgets[1].region",
    marker: "{2022: 1}",
    text: 'the budget for region "gd" is given twice (also budgets[0])',
  },
  {
    name: "a link matching a source against itself",
    yaml: patch(["  - id: city\n    kind: government\n", "  - id: city\n    kind: government\n    links: [{id: m, of: city, min_ratio: 0.5}]\n"]),
    path: "sources[1].links[0].of",
    marker: "links:",
    text: 'a link cannot match source "city" against itself',
  },
  {
    name: "a link with min_ratio above max_ratio",
    yaml: patch(["  - id: city\n    kind: government\n", "  - id: city\n    kind: government\n    links:\n      - id: m\n        of: central\n        min_ratio: 2\n        max_ratio: 1\n"]),
    path: "sources[1].links[0].min_ratio",
    marker: "min_ratio: 2",
    text: "min_ratio 2 is above max_ratio 1",
  },
  {
    name: "a source kind that does not exist",
    yaml: patch(["    kind: resident", "    kind: residents"]),
    path: "sources[2].kind",
    marker: "kind: residents",
    text: '"residents" is not one of government, enterprise, property_unit, resident',
  },
  {
    name: "an unknown source in shares",
    yaml: patch(["      city: {min: 0.2}\n", "      city: {min: 0.2}\n      banks: {max: 0.1}\n"]),
    path: "programs[0].shares.banks",
    marker: "banks:",
    text: 'unknown source "banks"',
  },
  {
    name: "a target for an unknown programme",
    yaml: patch(["program: retrofit, region: gd", "program: retrofitt, region: gd"]),
    path: "targets[0].program",
    marker: "retrofitt",
    text: 'unknown programme "retrofitt" (did you mean "retrofit"?)',
  },
  {
    name: "a target year outside the horizon",
    yaml: patch(["by: 2025", "by: 2030"]),
    path: "targets[0].by",
    marker: "by: 2030",
    text: "target year 2030 is outside the horizon 2021–2025",
  },
  {
    name: "a target of zero",
    yaml: patch(["at_least: 150", "at_least: 0"]),
    path: "targets[0].at_least",
    marker: "at_least: 0",
    text: "at_least must be above 0",
  },
  {
    name: "a target over a region the programme does not cover",
    yaml: patch(["{id: sz, parent: gd}", "{id: sz, parent: gd}\n  - {id: hk}"], ["region: gd, metric", "region: hk, metric"]),
    path: "targets[0]",
    marker: "region: hk, metric",
    text: 'programme "retrofit" has no by_region row under region "hk"',
  },
  {
    name: "actual starts beyond the leaf's stock",
    yaml: `${BASE}actuals:\n  - {region: sz, program: retrofit, year: 2020, started: 500}\n  - {region: sz, program: retrofit, year: 2021, started: 50}\n  - {region: sz, program: retrofit, year: 2022, started: 40}\n`,
    path: "actuals[2].started",
    marker: "year: 2022, started: 40",
    text: 'actuals start 90 units of "retrofit" in "sz" during the horizon, more than its stock 80',
  },
  {
    name: "an actual after the horizon",
    yaml: `${BASE}actuals:\n  - {region: gz, program: retrofit, year: 2026, started: 5}\n`,
    path: "actuals[0].year",
    marker: "year: 2026",
    text: "actual year 2026 is after the horizon end 2025",
  },
  {
    name: "an actual in a region that is not a leaf",
    yaml: `${BASE}actuals:\n  - {region: gd, program: retrofit, year: 2021, started: 5}\n`,
    path: "actuals[0].region",
    marker: "{region: gd, program",
    text: "an actual's region must be a leaf region",
  },
  {
    name: "a start limit without a region when there are several roots",
    yaml: patch(["{id: sz, parent: gd}", "{id: sz, parent: gd}\n  - {id: hk}"], ["    spend_profile", "    start_limits:\n      - {max: 50}\n    spend_profile"]),
    path: "programs[0].start_limits[0]",
    marker: "{max: 50}",
    text: "a start limit needs a region: the scenario has several root regions (gd, hk)",
  },
  {
    name: "a region group with an unknown member",
    yaml: patch(["programs:", "region_groups:\n  - {id: pearl, members: [gz, szz]}\nprograms:"]),
    path: "region_groups[0].members[1]",
    marker: "szz",
    text: 'unknown region "szz" (did you mean "sz"?)',
  },
  {
    name: "capacity for an unknown programme",
    yaml: `${BASE}capacity:\n  - id: crews\n    region: gd\n    programs: [retrofit, villages]\n    slots: 100\n`,
    path: "capacity[0].programs[1]",
    marker: "programs: [retrofit, villages]",
    text: 'unknown programme "villages"',
  },
];

describe("bad scenario files", () => {
  it.each(cases)("rejects $name", ({ yaml, path, marker, text }) => {
    const { error } = errorFor(yaml);
    expectProblem(error, path, marker === null ? null : lineOf(yaml, marker), "s.yaml", text);
  });

  it("has many distinct cases", () => expect(new Set(cases.map((c) => c.path)).size).toBeGreaterThanOrEqual(18));

  it("reports YAML syntax errors with their line", () => {
    const yaml = patch(["    unit_cost: 3000000", "    unit_cost: big: 3000000"]);
    const { error } = errorFor(yaml);
    expectProblem(error, "", lineOf(yaml, "big:"), "s.yaml", "YAML syntax: Nested mappings are not allowed");
  });

  it("lists a budgets CSV's bad rows (given twice, a cell missing) with the scenario's other problems, not alone", () => {
    const yaml = patch(["  - id: city\n    kind: government\n", "  - id: city\n    kind: government\n    budgets:\n      - {file: city.csv}\n"], ["central: {max: 0.5}", "centrl: {max: 0.5}"]);
    const csv = "region,year,amount\ngz,2021,2000万\ngz,2021,2000万\nsz,2022,\n";
    const { error } = errorFor(yaml, { "city.csv": csv });
    expect(error.message).toContain('budget for region "gz" in 2021 is given twice in this CSV');
    expect(error.message).toContain("this row has no amount");
    expect(error.message).toMatch(/unknown source "centrl"/);
  });

  it("says when a budgets CSV row separates its cells with full-width commas", () => {
    const yaml = patch(["  - id: city\n    kind: government\n", "  - id: city\n    kind: government\n    budgets:\n      - {file: city.csv}\n"]);
    const { error } = errorFor(yaml, { "city.csv": "region,year,amount\ngz,2021,2000万\ngz，2022，2000万\n" });
    expect(error.message).toContain('this row has no year, amount: a budgets row with a year needs region, year and amount; it separates its cells with the full-width comma "，": use "," (an ASCII comma)');
  });

  it("names a spreadsheet's totals row (合计) once, as a totals row to leave out", () => {
    const yaml = patch(['{region: gd, per_year: "3亿"}', '{region: 合计, per_year: "3亿"}']);
    const { error } = errorFor(yaml);
    expect(error.message).toContain('unknown region "合计"; a totals row? leave it out: the plan adds the rows up itself');
    expect(error.message).not.toContain("ids use letters");
  });

  it("names a budgets CSV's totals row (合计, no year) as a totals row to leave out, not as a row without a year", () => {
    const yaml = patch(["  - id: city\n    kind: government\n", "  - id: city\n    kind: government\n    budgets:\n      - {file: city.csv}\n"]);
    const { error } = errorFor(yaml, { "city.csv": "区域,年份,金额（万元）\ngz,2021,2000\ngz,2022,2000\n合计,,\"4,000\"\n" });
    expectProblem(error, "sources[1].budgets[0].file", 4, "city.csv", '"合计" is not a region; a totals row? leave it out: the plan adds the budgets up itself');
    expect(error.problems).toHaveLength(1);
  });

  it("makes an actuals table's totals row one problem, not also its empty programme, year and starts", () => {
    const yaml = patch(["targets:", "actuals:\n  - {file: actuals.csv}\ntargets:"]);
    const csv = "区域,项目,年份,开工数,开工户数\ngz,retrofit,2021,10,2180\n合计,,,,2180\n";
    const { error } = errorFor(yaml, { "actuals.csv": csv });
    expectProblem(error, "actuals[1].region", 3, "actuals.csv", 'unknown region "合计"; a totals row? leave it out');
    expect(error.problems).toHaveLength(1);
  });

  it("points from a region's name to its id", () => {
    const yaml = patch(["  - {id: gz, parent: gd}", "  - {id: gz, name: 广州市, parent: gd}"], ['{region: gd, per_year: "3亿"}', '{region: 广州市, per_year: "3亿"}']);
    const { error } = errorFor(yaml);
    expect(error.message).toContain('unknown region "广州市" ("广州市" is the name of region "gz": write its id)');
    // One message for the entry: the id format rule it also breaks adds nothing (a new user got both).
    expect(error.message).not.toContain("ids use letters");
  });

  it("points from a name two regions share to both ids, not to the first", () => {
    const yaml = patch(
      ["  - {id: gz, parent: gd}", "  - {id: gz, name: 城关镇, parent: gd}"],
      ["  - {id: sz, parent: gd}", "  - {id: sz, name: 城关镇, parent: gd}"],
      ['{region: gd, per_year: "3亿"}', '{region: 城关镇, per_year: "3亿"}'],
    );
    const { error } = errorFor(yaml);
    expectProblem(error, "sources[0].budgets[0].region", lineOf(yaml, "region: 城关镇"), "s.yaml",
      'unknown region "城关镇" ("城关镇" is the name of regions "gz", "sz": write the id of the one meant)');
    expect(error.message).not.toContain("ids use letters");
  });

  it("points from a programme's or a source's name to its id, also from the name without its bracketed qualifier", () => {
    const yaml = patch(
      ["  - id: retrofit\n", '  - id: retrofit\n    name: 老旧小区改造（"1+N"，不含加装电梯）\n'],
      ["  - id: city\n    kind: government\n", "  - id: city\n    name: 市级财政资金\n    kind: government\n"],
      ["targets:", "actuals:\n  - {region: gz, program: 老旧小区改造, year: 2021, started: 4}\n  - {region: sz, program: retrofit, year: 2021, started: 4, paid: {市级财政资金: 100}}\ntargets:"],
    );
    const { error } = errorFor(yaml);
    expectProblem(error, "actuals[0].program", lineOf(yaml, "program: 老旧小区改造"), "s.yaml", 'unknown programme "老旧小区改造" ("老旧小区改造" is the name of programme "retrofit": write its id)');
    expectProblem(error, 'actuals[1].paid["市级财政资金"]', lineOf(yaml, "paid: {市级"), "s.yaml", 'unknown source "市级财政资金" ("市级财政资金" is the name of source "city": write its id)');
    // One message for each: the id format rule they also break adds nothing.
    expect(error.message).not.toContain("ids use letters");
    expect(error.problems).toHaveLength(2);
  });

  it("lists the programmes, with their names, for a programme no hint names, in one message", () => {
    const yaml = patch(
      ["  - id: retrofit\n", "  - id: retrofit\n    name: 老旧小区改造\n"],
      ["targets:", "actuals:\n  - {region: gz, program: 加装电梯, year: 2021, started: 4}\ntargets:"],
    );
    const { error } = errorFor(yaml);
    expectProblem(error, "actuals[0].program", lineOf(yaml, "program: 加装电梯"), "s.yaml", `unknown programme "加装电梯"; the scenario's programmes are retrofit（老旧小区改造）`);
    expect(error.problems).toHaveLength(1);
  });

  it("still says what ids may hold where no region has that name", () => {
    const yaml = patch(['{region: gd, per_year: "3亿"}', '{region: 广州, per_year: "3亿"}']);
    const { error } = errorFor(yaml);
    expect(error.message).toContain(`"广州": ids use letters, digits, '_', '-' and '.' only`);
  });

  it("says to check the indentation when a key is indented one level wrong", () => {
    const yaml = patch(["      city: {min: 0.2}", "        city: {min: 0.2}"]);
    const { error } = errorFor(yaml);
    expect(error.message).toMatch(/YAML syntax: .* — check the indentation here and on the lines next to it \(YAML nests by spaces/);
  });

  it("says to quote a number with thousands commas inside {…}, where the commas split the mapping", () => {
    const yaml = patch(['{region: gd, per_year: "3亿"}', "{region: gd, per_year: 22,000,000}"]);
    const { error } = errorFor(yaml);
    const line = expectProblem(error, "", lineOf(yaml, "22,000,000"), "s.yaml", "YAML syntax: Map keys must be unique");
    expect(line).toContain('numbers with thousands commas inside {…} must be quoted: "22,000,000"');
    // The same number in block style is one text value, read as an amount (thousands commas).
    const block = patch(['      - {region: gd, per_year: "3亿"}', "      - region: gd\n        per_year: 22,000,000"]);
    expect(loadScenario(join(writeFiles({ "s.yaml": block }), "s.yaml")).scenario.sources[0].budgets[0]).toMatchObject({ region: "gd", amount: 22_000_000 });
  });

  it("says what to write for digits grouped by 万 inside {…} (2,0000,0000), which YAML splits as it does thousands", () => {
    const yaml = patch(['{region: gd, per_year: "3亿"}', "{region: gd, per_year: 2,0000,0000}"]);
    const { error } = errorFor(yaml);
    const line = expectProblem(error, "", lineOf(yaml, "2,0000,0000"), "s.yaml", "YAML syntax: Map keys must be unique");
    expect(line).toContain("2,0000,0000 inside {…} is read as separate entries");
    expect(line).toContain("write 200000000 or an amount with a unit");
  });

  it("gives the thousands-comma hint only on a line that has one inside {…}", () => {
    const yaml = patch(["    unit_cost: 3000000\n", "    unit_cost: 3000000\n    unit_cost: 5\n"]);
    expect(errorFor(yaml).error.message).not.toContain("thousands commas");
    const quoted = patch(['{region: gd, per_year: "3亿"}', '{region: gd, per_year: "22,000,000", region: sz}']);
    expect(errorFor(quoted).error.message).toMatch(/Map keys must be unique/);
    expect(errorFor(quoted).error.message).not.toContain("thousands commas");
  });

  it("refuses a number with one thousands comma inside {…}, which YAML reads as the first group and a stray key", () => {
    // `per_year: 3,000` in a flow mapping is no YAML error: it reads as per_year: 3 and a key 000
    // without a value, which the merge drops (null removes a key) — a budget of 3 yuan.
    const yaml = patch(['{region: gd, per_year: "3亿"}', "{region: gd, per_year: 3,000}"], ["{region: gz, stock: 100}", "{region: gz, stock: 1,200}"]);
    const { error } = errorFor(yaml);
    const budget = expectProblem(error, "sources[0].budgets[0].per_year", lineOf(yaml, "3,000"));
    expect(budget).toContain('per_year: 3,000 inside {…} is read as 3 and a stray key "000" (inside {…} a comma ends an entry): quote it ("3,000") or write 3000');
    const stock = expectProblem(error, "programs[0].by_region[0].stock", lineOf(yaml, "1,200"));
    expect(stock).toContain('stock: 1,200 inside {…} is read as 1 and a stray key "200"');
    // Listed with the file's other problems, not instead of them.
    const withOther = patch(['{region: gd, per_year: "3亿"}', "{region: gd, per_year: 3,000}"], ["    unit_cost: 3000000\n", "    unit_cost: 3000000\n    unti: community\n"]);
    const both = errorFor(withOther).error;
    expectProblem(both, "sources[0].budgets[0].per_year", lineOf(withOther, "3,000"), "s.yaml", "is read as 3");
    expectProblem(both, "programs[0].unti", lineOf(withOther, "unti:"), "s.yaml", 'unknown key "unti"');
  });

  it("refuses a number in several thousands groups, a decimal and a by_year amount split by commas inside {…}", () => {
    const yaml = patch(['{region: gd, per_year: "3亿"}', "{region: gd, per_year: 1,200,000, by_year: {2021: 2,500.5, 2022: 0}}"]);
    const { error } = errorFor(yaml);
    const line = lineOf(yaml, "1,200,000");
    expectProblem(error, "sources[0].budgets[0].per_year", line, "s.yaml", 'per_year: 1,200,000 inside {…} is read as 1 and stray keys "200" and "000"');
    expectProblem(error, "sources[0].budgets[0].by_year.2021", line, "s.yaml", '2021: 2,500.5 inside {…} is read as 2 and a stray key "500.5" (inside {…} a comma ends an entry): quote it ("2,500.5") or write 2500.5');
  });

  it("reads a thousands comma before a money unit inside {…} as thousands, never as a decimal comma (3,000万 is not 3.000万)", () => {
    const problems = new ProblemLog();
    parseYamlLayer("/x/s.yaml", 'b: {"2026": 3,000万, "2027": 1,200,000 元, "2028": 2,500.5亿}\n', new PositionTable(), problems);
    expect(problems.problems.map((p) => p.message)).toEqual([
      '3,000万 inside {…} is read as 3 and a stray key "000万" (inside {…} a comma ends an entry): quote it ("3,000万") or write 3000万',
      '1,200,000 元 inside {…} is read as 1 and stray keys "200" and "000 元" (inside {…} a comma ends an entry): quote it ("1,200,000 元") or write 1200000 元',
      '2,500.5亿 inside {…} is read as 2 and a stray key "500.5亿" (inside {…} a comma ends an entry): quote it ("2,500.5亿") or write 2500.5亿',
    ]);
  });

  it("keeps the money unit in the hint for equal amounts split by a thousands comma inside {…} (a YAML error: the stray key repeats), and tells a repeated decimal comma to use a point", () => {
    const money = new ProblemLog();
    parseYamlLayer("/x/s.yaml", 'b: {"2026": 3,000万, "2027": 3,000万}\n', new PositionTable(), money);
    expect(money.problems.map((p) => p.message).join("\n")).toContain('must be quoted: "3,000万" (or written without commas: 3000万)');
    const decimal = new ProblemLog();
    parseYamlLayer("/x/s.yaml", "c: {max: 0,5, min: 0,5}\n", new PositionTable(), decimal);
    expect(decimal.problems.map((p) => p.message).join("\n")).toContain("write decimals with a point (0.5)");
  });

  it("refuses a decimal comma inside {…}, which YAML reads as the whole part and a stray key", () => {
    // `{max: 0,5}` reads as max: 0 and a key 5 without a value, which the merge drops: a maximum
    // share of 0, and no error. With a space after the comma it is two entries, as written.
    const yaml = patch(["central: {max: 0.5}", "central: {max: 0,5}"], ['{region: gd, per_year: "3亿"}', '{region: gd, per_year: "3亿", by_year: {2021: 2,5亿}}']);
    const { error } = errorFor(yaml);
    expectProblem(error, "programs[0].shares.central.max", lineOf(yaml, "0,5"), "s.yaml", 'max: 0,5 inside {…} is read as 0 and a stray key "5" (inside {…} a comma ends an entry): write decimals with a point (0.5), or quote the value');
    expectProblem(error, "sources[0].budgets[0].by_year.2021", lineOf(yaml, "2,5亿"), "s.yaml", "2021: 2,5亿 inside {…} is read as 2 and a stray key \"5亿\"");
    const problems = new ProblemLog();
    expect(parseYamlLayer("/x/s.yaml", "m: {a: 0, 5: 1}\nn: {a: 1,b: 2}\n", new PositionTable(), problems)).toEqual({ m: { a: 0, 5: 1 }, n: { a: 1, b: 2 } });
    expect(problems.problems).toEqual([]);
    // A space before the comma, and every stray key after it, are named too.
    const more = new ProblemLog();
    parseYamlLayer("/x/s.yaml", "m: {max: 0 ,5}\nn: {a: 1,2,3}\n", new PositionTable(), more);
    expect(more.problems.map((p) => p.message)).toEqual([
      'max: 0,5 inside {…} is read as 0 and a stray key "5" (inside {…} a comma ends an entry): write decimals with a point (0.5), or quote the value',
      'a: 1,2,3 inside {…} is read as 1 and stray keys "2", "3" (inside {…} a comma ends an entry): write decimals with a point, or quote the value',
    ]);
  });

  it("reads flow collections with numeric keys, and lists of numbers (a space missing or not), as written, and a block-style 3,000 as 3000", () => {
    const problems = new ProblemLog();
    const doc = parseYamlLayer(
      "/x/s.yaml",
      "by_year: {2027: 0, 2028: 0}\nm: {a: 1, b: 2, 100: 5}\ny: [2021, 2022]\nz: [2021,2022]\nids: [101,102,103]\nw: [1,2,3]\none: [1,200]\nspaced: [800, 900,950]\nq: {a: \"3,000\"}\nblock: 3,000\n",
      new PositionTable(),
      problems,
    );
    expect(problems.problems).toEqual([]);
    expect(doc).toEqual({
      by_year: { 2027: 0, 2028: 0 }, m: { a: 1, b: 2, 100: 5 }, y: [2021, 2022], z: [2021, 2022], ids: [101, 102, 103], w: [1, 2, 3], one: [1, 200], spaced: [800, 900, 950], q: { a: "3,000" }, block: "3,000",
    });
    // Through the loader: by_year maps of zeros and a block-style 3,000 keep their amounts.
    const block = patch(['      - {region: gd, per_year: "3亿"}', "      - region: gd\n        per_year: 3,000\n        by_year: {2021: 0, 2022: 0}"]);
    const loaded = loadScenario(join(writeFiles({ "s.yaml": block }), "s.yaml")).scenario.sources[0].budgets;
    expect(loaded.map((b) => [b.year, b.amount])).toEqual([[2021, 0], [2022, 0], [2023, 3000], [2024, 3000], [2025, 3000]]);
  });

  it("rejects a file that is not a mapping", () => {
    const { error } = errorFor("- a\n- b\n");
    expectProblem(error, "", 1, "s.yaml", "a scenario file must be a mapping of keys");
  });

  it("reports a duplicate YAML key at the repeated key", () => {
    const yaml = patch(["    unit_cost: 3000000\n", "    unit_cost: 3000000\n    unit_cost: 5\n"]);
    const { error } = errorFor(yaml);
    expectProblem(error, "", lineOf(yaml, "unit_cost: 5"), "s.yaml", "Map keys must be unique");
  });

  it("reports every problem of a file at once, in line order", () => {
    const yaml = patch(
      ["{start: 2021, end: 2025}", "{start: 2021, end: 2025, stop: 2030}"],
      ["central: {max: 0.5}", 'central: {max: "140%"}'],
      ["[0.6, 0.4]", "[0.6, 0.3]"],
      ["program: retrofit, region: gd", "program: retrofit, region: gz2"],
    );
    const { error } = errorFor(yaml);
    expectProblem(error, "horizon.stop", lineOf(yaml, "stop: 2030"), "s.yaml", 'unknown key "stop"');
    expectProblem(error, "programs[0].spend_profile", lineOf(yaml, "[0.6, 0.3]"), "s.yaml", "adds up to 0.9");
    expectProblem(error, "programs[0].shares.central.max", lineOf(yaml, "140%"), "s.yaml", "not a share");
    expectProblem(error, "targets[0].region", lineOf(yaml, "gz2"), "s.yaml", 'unknown region "gz2"');
    expect(error.problems).toHaveLength(4);
    const lines = error.problems.map((p) => p.line!);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    expect(error.message.split("\n")).toHaveLength(4);
    expect(error.kind).toBe("scenario");
  });
});

describe("problems in other files", () => {
  it("points at the overlay that supplied a bad value", () => {
    const overlay = "# cut\nprograms:\n  - id: retrofit\n    shares:\n      central: {max: 1.5}\n    unitt: x\n";
    const dir = writeFiles({ "s.yaml": BASE, "cut.yaml": overlay });
    const error = loadError(join(dir, "s.yaml"), { overlays: [join(dir, "cut.yaml")] });
    expectProblem(error, "programs[0].shares.central.max", 5, "cut.yaml", "1.5 is not a share");
    expectProblem(error, "programs[0].unitt", 6, "cut.yaml", 'did you mean "unit"?');
  });

  it("points at the base for values the overlay did not touch", () => {
    const base = patch(["[0.6, 0.4]", "[0.6, 0.3]"]);
    const dir = writeFiles({ "base.yaml": base, "s.yaml": "extends: base.yaml\nname: child\n" });
    const error = loadError(join(dir, "s.yaml"));
    expectProblem(error, "programs[0].spend_profile", lineOf(base, "[0.6, 0.3]"), "base.yaml");
  });

  it("points at the CSV row of a bad cell", () => {
    const yaml = patch(["      - {region: gz, stock: 100}\n      - {region: sz, stock: 80}\n", "      - {file: data/stock.csv}\n"]);
    const { error } = errorFor(yaml, { "data/stock.csv": "region,stock\ngz,100\nsz,lots\n" });
    expectProblem(error, "programs[0].by_region[1].stock", 3, "stock.csv", 'expected a number, got "lots"');
  });

  it("points at the CSV row of an unknown region", () => {
    const yaml = patch(["      - {region: gz, stock: 100}\n      - {region: sz, stock: 80}\n", "      - {file: stock.csv}\n"]);
    const { error } = errorFor(yaml, { "stock.csv": "region,stock\n\ngz,100\nszz,80\n" });
    expectProblem(error, "programs[0].by_region[1].region", 4, "stock.csv", 'unknown region "szz"');
  });

  it("reports ragged CSV rows and repeated budget years at their rows", () => {
    const yaml = patch(['      - {region: gd, per_year: "3亿"}\n', "      - {file: b.csv}\n"]);
    const { error } = errorFor(yaml, { "b.csv": "region,year,amount\ngd,2021,3亿\ngd,2021,4亿\ngd,2022,1,2\n" });
    expectProblem(error, "sources[0].budgets[0].file", 3, "b.csv", 'budget for region "gd" in 2021 is given twice');
    expectProblem(error, "sources[0].budgets[0].file", 4, "b.csv", "row has 4 cells but the header names 3 columns");
  });

  it("reports a missing CSV file at the YAML line naming it", () => {
    const yaml = patch(["      - {region: gz, stock: 100}\n", "      - {region: gz, stock: 100}\n      - file: nowhere.csv\n"]);
    const { error } = errorFor(yaml);
    expectProblem(error, "programs[0].by_region[1].file", lineOf(yaml, "nowhere.csv"), "s.yaml", "cannot read CSV file nowhere.csv");
  });

  it("reports a cycle in extends, naming the chain", () => {
    const dir = writeFiles({ "a.yaml": "extends: b.yaml\nname: a\n", "b.yaml": "name: b\nextends: a.yaml\n" });
    const error = loadError(join(dir, "a.yaml"));
    const line = expectProblem(error, "extends", 2, "b.yaml");
    expect(line).toMatch(/extends cycle: .*a\.yaml → .*b\.yaml → .*a\.yaml/);
  });

  it("reports a missing base file at the extends line", () => {
    const dir = writeFiles({ "s.yaml": "name: x\nextends: [base.yaml]\n" });
    expectProblem(loadError(join(dir, "s.yaml")), "extends[0]", 2, "s.yaml", "cannot read base file");
  });

  // A missing --with file was reported as a "scenario file": the user looked at the wrong argument.
  it("names a missing overlay an overlay file, and a missing scenario a scenario file", () => {
    const dir = writeFiles({ "s.yaml": BASE });
    const overlay = loadError(join(dir, "s.yaml"), { overlays: [join(dir, "nope.yaml")] });
    expect(overlay.message).toContain(`cannot read overlay file ${join(dir, "nope.yaml")}: it does not exist`);
    expect(overlay.message).not.toContain("scenario file");
    const both = loadError(join(dir, "gone.yaml"), { overlays: [join(dir, "nope.yaml")] });
    expect(both.message).toContain(`cannot read scenario file ${join(dir, "gone.yaml")}: it does not exist`);
    expect(both.message).toContain(`cannot read overlay file ${join(dir, "nope.yaml")}: it does not exist`);
  });

  it("reports deleting a record that no earlier layer has, in the overlay", () => {
    const dir = writeFiles({ "s.yaml": BASE, "o.yaml": "regions:\n  - {id: gx, _delete: true}\n" });
    const error = loadError(join(dir, "s.yaml"), { overlays: [join(dir, "o.yaml")] });
    expectProblem(error, "regions[0]._delete", 2, "o.yaml", 'nothing to delete: no earlier layer has a record with id "gx"');
  });

  it("says an overlay's misspelt id added a new record, on that record's problems only", () => {
    const typo = "sources:\n  - id: centrl\n    budgets:\n      - {region: gd, per_year: \"4亿\"}\n";
    const dir = writeFiles({ "s.yaml": BASE, "o.yaml": typo, "ok.yaml": typo.replace("centrl", "centrl2\n    kind: government") });
    const error = loadError(join(dir, "s.yaml"), { overlays: [join(dir, "o.yaml")] });
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0].message).toBe('required but missing (one of government, enterprise, property_unit, resident); "centrl" adds a new record: no earlier layer has that id (did you mean "central"?)');
    // A complete new record with a similar id is taken as meant.
    expect(() => loadScenario(join(dir, "s.yaml"), { overlays: [join(dir, "ok.yaml")] })).not.toThrow();
  });

  it("says once that an overlay's record written under an entry's name wants that entry's id", () => {
    const named = BASE.replace("  - id: retrofit\n", "  - id: retrofit\n    name: 老旧小区改造（含加装电梯）\n");
    const dir = writeFiles({ "s.yaml": named, "o.yaml": "programs:\n  - id: 老旧小区改造\n    unit_cost: 3500000\n" });
    const error = loadError(join(dir, "s.yaml"), { overlays: [join(dir, "o.yaml")] });
    // Not also the id format, nor the by_region and shares a new programme would need.
    expect(error.problems).toHaveLength(1);
    expectProblem(error, "programs[0].id", 2, "o.yaml",
      '"老旧小区改造" adds a new record: no earlier layer has that id ("老旧小区改造" is the name of programme "retrofit": write its id)');
  });

  it("reports a misspelt spend_profile once, not again at every budget year of its tail", () => {
    // The two-year profile lets budgets run to 2026; misspelt, the default [1] would make every
    // 2026 budget "outside the horizon" — follow-on errors of the one typo.
    const tail = patch(['      - {region: gd, per_year: "3亿"}', '      - {region: gd, per_year: "3亿", by_year: {2026: "1亿"}}']);
    expect(() => loadScenario(join(writeFiles({ "s.yaml": tail }), "s.yaml"))).not.toThrow();
    const { error } = errorFor(tail.replace("spend_profile:", "spend_profiel:"));
    expectProblem(error, "programs[0].spend_profiel", lineOf(tail, "spend_profile"), "s.yaml", 'did you mean "spend_profile"');
    expect(error.problems).toHaveLength(1);
    // A year before the horizon is still wrong whatever the profile.
    const early = errorFor(tail.replace("spend_profile:", "spend_profiel:").replace("{2026:", "{2019:")).error;
    expect(early.problems.map((p) => p.message).join("\n")).toMatch(/budget year 2019 is outside the horizon/);
  });

  it("calls a missing source kind or target metric missing, with no follow-on error", () => {
    // 5,000 is more than ten times the 180 units in stock, not ten times its households: without a
    // metric the check cannot tell which, so it must stay silent.
    const yaml = patch(["  - id: city\n    kind: government\n", "  - id: city\n"], ["metric: started, by: 2025, at_least: 150", "by: 2025, at_least: 5000"]);
    const { error } = errorFor(yaml);
    const messages = error.problems.map((p) => p.message);
    expect(messages).toEqual([
      "required but missing (one of government, enterprise, property_unit, resident)",
      "required but missing (one of started, completed, households_started, households_completed)",
    ]);
  });

  it("still reports a budget year past the tail when the programme's unknown key is another misspelling", () => {
    // `escalaton` is a misspelt escalation, not spend_profile (which the programme has): the tail is
    // known, and a budget in 2027 is wrong whatever is done about the typo.
    const tail = patch(['      - {region: gd, per_year: "3亿"}', '      - {region: gd, per_year: "3亿", by_year: {2027: "1亿"}}']);
    const { error } = errorFor(tail.replace("    spend_profile:", "    escalaton: 0.02\n    spend_profile:"));
    const messages = error.problems.map((p) => p.message).join("\n");
    expect(messages).toMatch(/unknown key "escalaton" \(did you mean "escalation"\?\)/);
    expect(messages).toMatch(/budget year 2027 is outside the horizon 2021–2025/);
  });

  it("lists a data table it cannot use with the YAML's own problems, and none that only echo the missing rows", () => {
    // Regions and the programme's rows come from CSVs; the regions header is misspelt and the rows'
    // file is missing. Budgets, by_region and targets name regions that only the left-out table
    // holds: "unknown region" or "no by_region row" would only repeat that the table is missing.
    const yaml = patch(
      ["  - {id: gz, parent: gd}\n  - {id: sz, parent: gd}\n", "  - {file: regions.csv}\n"],
      ["      - {region: gz, stock: 100}\n      - {region: sz, stock: 80}\n", "      - {file: rows.csv}\n"],
      ["    spend_profile: [0.6, 0.4]", "    spend_profile: [0.6, 0.5]"],
      ["city: {min: 0.2}", "city: {min: 0.2, max: 0.1}"],
      ['      - {region: gd, per_year: "3亿"}', '      - {region: gd, per_year: "3亿"}\n      - {region: gz, per_year: "1亿"}'],
      ["region: gd, metric: started", "region: gz, metric: started"],
    );
    const { error } = errorFor(yaml, { "regions.csv": "id,parnet\ngz,gd\nsz,gd\n" });
    expect(error.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      "programs[0].spend_profile: spend_profile adds up to 1.1, not 1",
      "programs[0].by_region[0].file: cannot read CSV file rows.csv: it does not exist",
      "programs[0].shares: maximum shares add up to 0.7, less than 1: the cost can never be fully paid",
      "programs[0].shares.city.min: min share 0.2 is above max share 0.1",
      expect.stringMatching(/^regions\[1\]\.file: wrong header: unknown column "parnet" \(did you mean "parent"\?\)/),
    ]);
    // With both tables readable, the same references are checked again: a misspelt region is found.
    const fixed = errorFor(yaml.replace("region: gz, metric", "region: gx, metric"), {
      "regions.csv": "id,parent\ngz,gd\nsz,gd\n",
      "rows.csv": "region,stock\ngz,100\nsz,80\n",
    }).error;
    expect(fixed.message).toMatch(/^targets\[0\]\.region: unknown region "gx"/m);
  });

  it("hints at the Chinese column a shortened Chinese header meant, and names every column in Chinese", () => {
    // 户数 for 每单位户数 is three edits from it: too far for a spelling hint, but only one alias contains it.
    const yaml = patch(["      - {region: gz, stock: 100}\n      - {region: sz, stock: 80}\n", "      - {file: rows.csv}\n"]);
    const { error } = errorFor(yaml, { "rows.csv": "区域,存量,户数\ngz,100,300\nsz,80,250\n" });
    const header = error.problems.find((p) => /wrong header/.test(p.message))!.message;
    expect(header).toMatch(/unknown column "户数" \(did you mean "每单位户数"\?\)/);
    expect(header).toMatch(/in Chinese 区域,存量, optionally also 每单位户数, 单位造价 /);
  });

  it("finds an overlay's left-out table by its programme's id, not its index in the overlay", () => {
    // The overlay's programs[0] is the merged programs[1] (b): b's target must stay quiet, and a's
    // own bad row must still be reported.
    const base = patch(
      ["      - {region: sz, stock: 80}\n", "      - {region: gx, stock: 80}\n"],
      ["sources:\n", "  - id: b\n    unit_cost: 3000000\n    spend_profile: [1]\n    by_region:\n      - {region: gz, stock: 10}\n    shares:\n      central: {max: 1}\nsources:\n"],
      ["targets:\n", "targets:\n  - {id: tb, program: b, region: sz, metric: started, by: 2025, at_least: 5}\n"],
    );
    const dir = writeFiles({ "s.yaml": base, "o.yaml": "programs:\n  - id: b\n    by_region:\n      - {file: missing.csv}\n" });
    const error = loadError(join(dir, "s.yaml"), { overlays: [join(dir, "o.yaml")] });
    expect(error.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      expect.stringMatching(/^programs\[0\]\.by_region\[1\]\.region: unknown region "gx"/),
      expect.stringMatching(/^programs\[0\]\.by_region\[0\]\.file: cannot read CSV file missing\.csv/),
    ]);
    // Without the overlay, b's target under sz is a real problem and is reported.
    expect(loadError(join(dir, "s.yaml")).message).toMatch(/targets\[0\]: programme "b" has no by_region row under region "sz"/);
  });

  it("leaves out a CSV row with more cells than columns, naming an Excel thousands-separated number, and lists the YAML's problems too", () => {
    const yaml = patch(
      ["  - id: city\n    kind: government\n", "  - id: city\n    kind: government\n    budgets:\n      - {file: city.csv}\n"],
      ["    spend_profile: [0.6, 0.4]", "    spend_profile: [0.6, 0.5]"],
    );
    const csv = "region,year,amount\ngz,2021,55,900,000\ngz,2022,2000万\nsz,2021,1000万,note\n";
    const { error } = errorFor(yaml, { "city.csv": csv });
    expect(error.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      "programs[0].spend_profile: spend_profile adds up to 1.1, not 1",
      'sources[1].budgets[0].file: row has 5 cells but the header names 3 columns: 55,900,000 looks like a number with thousands separators, and each comma starts a new cell — write 55900000 (in Excel or WPS, format the column without separators before saving as CSV), or quote it ("55,900,000")',
      "sources[1].budgets[0].file: row has 4 cells but the header names 3 columns",
    ]);
    expect(error.problems.slice(1).map((p) => p.line)).toEqual([2, 4]);
  });

  it("reads a CSV with Excel's trailing empty columns (区域,年份,金额,,), and refuses a value under an unnamed column", () => {
    const yaml = patch(["  - id: city\n    kind: government\n", "  - id: city\n    kind: government\n    budgets:\n      - {file: city.csv}\n"]);
    const trailing = "region,year,amount,,\ngz,2021,2000万,,\ngz,2022,3000万,,\n";
    const dir = writeFiles({ "s.yaml": yaml, "city.csv": trailing });
    const city = loadScenario(join(dir, "s.yaml")).scenario.sources[1].budgets;
    expect(city.map((b) => [b.region, b.year, b.amount])).toEqual([["gz", 2021, 2e7], ["gz", 2022, 3e7]]);
    const { error } = errorFor(yaml, { "city.csv": "region,year,amount,,\ngz,2021,2000万,,\ngz,2022,3000万,,note\n" });
    expect(error.problems.map((p) => [p.line, p.message])).toEqual([[3, "cell 5 has a value but its column has no name in the header row"]]);
    // Trailing empty columns and a thousands-separated amount come from the same tools: still named.
    const both = errorFor(yaml, { "city.csv": "region,year,amount,,\nmeizhou,2021,55,900,000\n" }).error;
    expect(both.problems[0].message).toMatch(/^cell 4 has a value .*: 55,900,000 looks like a number with thousands separators/);
    // An unnamed column between named ones is still a problem.
    expect(errorFor(yaml, { "city.csv": "region,,amount\ngz,x,2000万\n" }).error.problems.map((p) => p.message)).toEqual(["column 2 has no name in the header row"]);
  });

  it("reads a year key in full-width digits (２０２１, a Chinese input method's) as the year, and still checks it against the horizon", () => {
    const yaml = patch(['{region: gd, per_year: "3亿"}', '{region: gd, per_year: "3亿", by_year: {"２０２２": "1亿", "２０３１": "1亿"}}']);
    const { error } = errorFor(yaml);
    expect(error.problems.map((p) => p.message)).toEqual([expect.stringMatching(/^budget year 2031 is outside the horizon 2021–2025/)]);
    const dir = writeFiles({ "s.yaml": yaml.replace(', "２０３１": "1亿"', "") });
    const budgets = loadScenario(join(dir, "s.yaml")).scenario.sources[0].budgets;
    expect(budgets.find((b) => b.year === 2022)!.amount).toBe(1e8);
    // Made ASCII before layers merge: an overlay's 2022 replaces the base's ２０２２.
    const overlay = "sources:\n  - id: central\n    budgets:\n      - {region: gd, by_year: {2022: \"2亿\"}}\n";
    writeFileSync(join(dir, "o.yaml"), overlay);
    const merged = loadScenario(join(dir, "s.yaml"), { overlays: [join(dir, "o.yaml")] }).scenario.sources[0].budgets;
    expect(merged.find((b) => b.year === 2022)!.amount).toBe(2e8);
    // Both forms in one mapping are one year given twice.
    const twice = errorFor(patch(['{region: gd, per_year: "3亿"}', '{region: gd, per_year: "3亿", by_year: {"２０２２": "1亿", 2022: "2亿"}}'])).error;
    expect(twice.problems.map((p) => p.message)).toContain('year 2022 is given twice, as "２０２２" and as "2022"');
  });

  it("takes a money column's unit from its header (金额（万元）, 单位造价(亿)): bare numbers get it, a cell's own unit stays", () => {
    const yaml = patch(["  - id: city\n    kind: government\n", "  - id: city\n    kind: government\n    budgets:\n      - {file: city.csv}\n"]);
    const dir = writeFiles({ "s.yaml": yaml, "city.csv": '区域,年份,金额（万元）\ngz,2021,6000\ngz,2022,"6,500"\ngz,2023,0.8亿\n' });
    const loaded = loadScenario(join(dir, "s.yaml"));
    expect(loaded.scenario.sources[1].budgets.map((b) => b.amount)).toEqual([6e7, 6.5e7, 8e7]);
    expect(loaded.notices.map((n) => n.en).filter((n) => /did you mean/.test(n))).toEqual([]); // no "6000元 … did you mean 6000万?" per year
    // A cell's own unit that is not the header's is read as written, with a note naming the cell.
    expect(loaded.notices.map((n) => n.en).filter((n) => /header's unit/.test(n)).map((n) => n.slice(n.lastIndexOf("/") + 1))).toEqual([
      'city.csv:4: "0.8亿" under the header "金额（万元）" writes its own unit, and is read as written (0.8亿, not 0.8万元); the header\'s unit applies to bare numbers only — check which was meant',
    ]);
    const yuanCell = writeFiles({ "s.yaml": yaml, "city.csv": "区域,年份,金额（万元）\ngz,2021,6000元\ngz,2022,6000万\n" });
    const slipped = loadScenario(join(yuanCell, "s.yaml"));
    expect(slipped.scenario.sources[1].budgets.map((b) => b.amount)).toEqual([6000, 6e7]);
    expect(slipped.notices.map((n) => n.en).filter((n) => /header's unit/.test(n))).toEqual([expect.stringMatching(/\/city\.csv:2: "6000元" under the header "金额（万元）" .* \(6000元, not 6000万元\)/)]);
    // In Chinese for the report and the workbook: the file and line as written, the cell and header quoted.
    expect(slipped.notices.filter((n) => /header's unit/.test(n.en)).map((n) => n.zh)).toEqual([
      expect.stringMatching(/\/city\.csv:2：表头“金额（万元）”下的“6000元”自带单位，按所写读取（6000元，而非6000万元）；表头的单位只适用于不带单位的数字，请核对本意$/),
    ]);
    const yuan = writeFiles({ "s.yaml": yaml, "city.csv": "区域,年份,amount (元)\ngz,2021,60000000\ngz,2022,6000万\n" });
    const inYuan = loadScenario(join(yuan, "s.yaml"));
    expect(inYuan.scenario.sources[1].budgets.map((b) => b.amount)).toEqual([6e7, 6e7]);
    expect(inYuan.notices.map((n) => n.en).filter((n) => /header's unit/.test(n))).toEqual([expect.stringMatching(/city\.csv:3: "6000万" under the header "amount \(元\)" .*\(6000万, not 6000元\)/)]);
    const labelled = writeFiles({ "s.yaml": yaml, "city.csv": "区域,年份,金额（单位：万元）\ngz,2021年,6000\n" });
    expect(loadScenario(join(labelled, "s.yaml")).scenario.sources[1].budgets.map((b) => [b.year, b.amount])).toEqual([[2021, 6e7]]);
    // Only money columns take a unit: 年份（万元） is still an unknown column.
    expect(errorFor(yaml, { "city.csv": "区域,年份（万元）,金额\ngz,2021,6000万\n" }).error.problems[0].message).toMatch(/^wrong header: unknown column "年份（万元）"/);
  });

  it("names a money cell in brackets (Excel's accounting negative) as a negative, with or without a yuan sign or the header's unit", () => {
    const yaml = patch(["  - id: city\n    kind: government\n", "  - id: city\n    kind: government\n    budgets:\n      - {file: city.csv}\n"]);
    const { error } = errorFor(yaml, { "city.csv": '区域,年份,金额（万元）\ngz,2021,"(1,234)"\ngz,2022,(¥1234.50)\ngz,2023,（５６）\n' });
    expect(error.problems.map((p) => [p.line, p.message.replace(/:.*/, "")])).toEqual([
      [2, '"(1,234)" is a negative in brackets, as Excel\'s accounting format writes -1234'],
      [3, '"(¥1234.50)" is a negative in brackets, as Excel\'s accounting format writes -1234.50'],
      [4, '"（５６）" is a negative in brackets, as Excel\'s accounting format writes -56'],
    ]);
  });

  it("says a spreadsheet's title row above the header is a title, not a header of unknown columns", () => {
    const yaml = patch(["  - id: city\n    kind: government\n", "  - id: city\n    kind: government\n    budgets:\n      - {file: city.csv}\n"]);
    const { error } = errorFor(yaml, { "city.csv": "北江县市级预算表（2021—2022）,,\n区域,年份,金额\ngz,2021,6000万\n" });
    expect(error.problems[0].message).toMatch(/^the first line "北江县市级预算表（2021—2022）" looks like a title, not the header: delete the rows above the header\. A budgets table has the header region,year,amount/);
    // A header with one unknown column of several is still a header.
    expect(errorFor(yaml, { "city.csv": "区域,年份,金额x\ngz,2021,6000万\n" }).error.problems[0].message).toMatch(/^wrong header: unknown column "金额x"/);
  });

  it("reads a year written with its character (2024年, as office spreadsheets write it) as the year, in YAML and in a budgets CSV", () => {
    const dir = writeFiles({
      "s.yaml": patch(['{region: gd, per_year: "3亿"}', '{region: gd, per_year: "3亿", by_year: {"2022年": "1亿"}}']),
      "b.csv": "区域,年份,金额\ngd,2023年,2亿\n",
    });
    const budgets = loadScenario(join(dir, "s.yaml")).scenario.sources[0].budgets;
    expect(budgets.find((b) => b.year === 2022)!.amount).toBe(1e8);
    const fromCsv = patch(['{region: gd, per_year: "3亿"}', "{file: b.csv}"]);
    writeFileSync(join(dir, "c.yaml"), fromCsv);
    expect(loadScenario(join(dir, "c.yaml")).scenario.sources[0].budgets.find((b) => b.year === 2023)!.amount).toBe(2e8);
    expect(errorFor(patch(['{region: gd, per_year: "3亿"}', '{region: gd, per_year: "3亿", by_year: {"2031年": "1亿"}}'])).error.problems.map((p) => p.message))
      .toEqual([expect.stringMatching(/^budget year 2031 is outside the horizon/)]);
  });

  it("reports a missing scenario file", () => {
    const error = loadError("/nonexistent/renewsim/s.yaml");
    expect(error.problems[0]).toMatchObject({ path: "", line: null, file: "/nonexistent/renewsim/s.yaml" });
  });
});
