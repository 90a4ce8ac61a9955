/** Budgets and unit costs typed in yuan where 万 or 亿 was meant are flagged at load with path and line; sane ones are not. */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadScenario } from "../../src/scenario/index.js";
import { BASE, writeFiles } from "./helpers.js";

const WITH_CITY = BASE.replace("  - id: city\n    kind: government\n", `  - id: city
    kind: government
    budgets:
      - {region: gz, per_year: "8000万"}
      - {region: sz, by_year: {"2021": "6000万", "2022": 6000}}
`);

/** The unit-slip notes: BASE leaves its tail year 2026 unbudgeted, which moneyNotices.ts notes too. */
const slips = (notices: string[]) => notices.filter((n) => !/money from it is unlimited/.test(n));

describe("implausible budgets", () => {
  it("names a government budget of a few thousand yuan among budgets in 万 and 亿, with path and line", () => {
    const dir = writeFiles({ "s.yaml": WITH_CITY });
    const notices = slips(loadScenario(join(dir, "s.yaml")).notices.map((n) => n.en));
    expect(notices).toHaveLength(1);
    // Relative to the scenario's folder, file:line, as the other load-time notes (a new user saw both styles).
    expect(notices[0]).toMatch(/^sources\[1\]\.budgets\[1\]\.by_year\.2022 \(s\.yaml:27\): a budget of 6,000元 is far below .* did you mean "6000万"\?/);
  });

  it("lists the slip with the errors of the same file, so one round trip shows both", () => {
    const dir = writeFiles({ "s.yaml": WITH_CITY.replace("  - {id: t1, program: retrofit", "  - {id: t1, program: retrofitt") });
    let message = "";
    try {
      loadScenario(join(dir, "s.yaml"));
    } catch (e) {
      message = (e as Error).message;
    }
    const lines = message.split("\n");
    expect(lines[0]).toMatch(/^targets\[0\]\.program: unknown programme "retrofitt"/);
    expect(lines.slice(1)).toEqual([expect.stringMatching(/^note: sources\[1\]\.budgets\[1\]\.by_year\.2022 \(s\.yaml:27\): a budget of 6,000元 is far below .* did you mean "6000万"\?/)]);
  });

  it("still lists the problems of a document the notes' checks cannot read (an empty budgets entry, a null source)", () => {
    for (const broken of [WITH_CITY.replace('      - {region: gz, per_year: "8000万"}\n', "      -\n"), WITH_CITY.replace("  - id: residents\n    kind: resident\n", "  - ~\n")]) {
      let error: unknown = null;
      try {
        loadScenario(join(writeFiles({ "s.yaml": broken }), "s.yaml"));
      } catch (e) {
        error = e;
      }
      expect((error as { kind?: string }).kind).toBe("scenario");
      expect((error as Error).message).toMatch(/^sources\[\d\]|\nsources\[\d\]/);
    }
  });

  it("names a year far below the same budget's other years, though a small county's budget could be that size", () => {
    // 46240 for 46240万 among a big city's 4–5亿 a year: above a thousandth of the scenario's typical
    // budget (2000万, a smaller city's), so only the budget's own years show the slip.
    const city = (gz2021: string) => BASE.replace("  - id: city\n    kind: government\n", `  - id: city
    kind: government
    budgets:
      - {region: gz, by_year: {"2021": ${gz2021}, "2022": "4亿", "2023": "4.5亿", "2024": "5亿", "2025": "5亿", "2026": "1亿"}}
      - {region: sz, by_year: {"2021": "2000万", "2022": "2000万", "2023": "2000万", "2024": "2000万", "2025": "2000万", "2026": "2000万"}}
`);
    const notices = slips(loadScenario(join(writeFiles({ "s.yaml": city("46240") }), "s.yaml")).notices.map((n) => n.en));
    expect(notices).toEqual([expect.stringMatching(/^sources\[1\]\.budgets\[0\]\.by_year\.2021 \(s\.yaml:\d+\): a budget of 4\.62万元 is far below the same budget's other years \(median 4\.5亿元\); .* did you mean "46240万"\?/)]);
    expect(slips(loadScenario(join(writeFiles({ "s.yaml": city('"4.624亿"') }), "s.yaml")).notices.map((n) => n.en))).toEqual([]);
    // An extra zero: 46亿 among 4–5亿 a year.
    expect(slips(loadScenario(join(writeFiles({ "s.yaml": city('"46亿"') }), "s.yaml")).notices.map((n) => n.en)))
      .toEqual([expect.stringMatching(/^sources\[1\]\.budgets\[0\]\.by_year\.2021 \(s\.yaml:\d+\): a budget of 46(\.00)?亿元 is 10 times the same budget's other years \(median 4\.5亿元\); an extra zero\?$/)]);
    expect(slips(loadScenario(join(writeFiles({ "s.yaml": city('"9亿"') }), "s.yaml")).notices.map((n) => n.en))).toEqual([]); // twice: a big year, not a slip
  });

  it("suggests the unit that brings a bare number nearest the scenario's budgets: 亿 among budgets of 亿", () => {
    const yiBudgets = WITH_CITY.replace('per_year: "8000万"', 'per_year: "8亿"').replace('"2021": "6000万", "2022": 6000', '"2021": "6亿", "2022": 6');
    const notices = slips(loadScenario(join(writeFiles({ "s.yaml": yiBudgets }), "s.yaml")).notices.map((n) => n.en));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/a budget of 6元 is far below .* did you mean "6亿"\?/);
  });

  it("judges budgets against those of at least 1万元: a whole source typed in 万 is named, the right ones are not", () => {
    const inWan = BASE.replace("  - id: city\n    kind: government\n", `  - id: city
    kind: government
    budgets:
      - {region: gz, per_year: 600}
      - {region: sz, per_year: 400}
      - {region: gd, per_year: 500}
`);
    const notices = slips(loadScenario(join(writeFiles({ "s.yaml": inWan }), "s.yaml")).notices.map((n) => n.en));
    expect(notices).toHaveLength(3);
    // Once the median of all budgets (600元) made the slips look typical and the right 3亿 "far above".
    expect(notices[0]).toMatch(/^sources\[1\]\.budgets\[0\]\.per_year .*: a budget of 600元 is far below this scenario's typical budget \(median 3亿元 of those from 1万元\); .* did you mean "600万"\?/);
    expect(notices.join("\n")).not.toMatch(/far above|sources\[0\]/);
  });

  it("names a unit cost of a few yuan per household, however it is written", () => {
    const perHousehold = BASE.replace(/unit_cost: [^\n]+/, "unit_cost: {per_household: 2.7}\n    households_per_unit: 200");
    const a = slips(loadScenario(join(writeFiles({ "s.yaml": perHousehold }), "s.yaml")).notices.map((n) => n.en));
    expect(a).toHaveLength(1);
    expect(a[0]).toMatch(/^programs\[0\]\.unit_cost\.per_household \(s\.yaml:\d+\): a unit cost of 2\.7元 is far below .* did you mean "2\.7万"\?/);
    const perUnit = BASE.replace(/unit_cost: [^\n]+/, "unit_cost: 3000\n    households_per_unit: 200");
    const b = slips(loadScenario(join(writeFiles({ "s.yaml": perUnit }), "s.yaml")).notices.map((n) => n.en));
    expect(b).toHaveLength(1);
    expect(b[0]).toMatch(/^programs\[0\]\.unit_cost \(.*\): a unit cost of 3,000元 \(.*per household\) is far below/);
  });

  it("names a unit's cost written per household (8000万 a household: 416亿 a village of 520), not a town's cost that counts no households", () => {
    const village = BASE.replace(/unit_cost: [^\n]+/, "unit_cost: {per_household: \"8000万\"}\n    households_per_unit: 520");
    const a = slips(loadScenario(join(writeFiles({ "s.yaml": village }), "s.yaml")).notices.map((n) => n.en));
    expect(a).toHaveLength(1);
    expect(a[0]).toMatch(/^programs\[0\]\.unit_cost\.per_household \(s\.yaml:\d+\): a unit cost of 8,000万元 per household is far above .* write it as `per_unit`/);
    const perUnit = BASE.replace(/unit_cost: [^\n]+/, "unit_cost: \"300亿\"\n    households_per_unit: 500");
    expect(slips(loadScenario(join(writeFiles({ "s.yaml": perUnit }), "s.yaml")).notices.map((n) => n.en))[0]).toMatch(/a unit cost of 300亿元 \(6,000万元 per household\) is far above .* is the unit right\?/);
    const town = BASE.replace(/unit_cost: [^\n]+/, "unit_cost: \"3亿\"");
    expect(slips(loadScenario(join(writeFiles({ "s.yaml": town }), "s.yaml")).notices.map((n) => n.en))).toEqual([]);
  });

  it("names a region's unit cost far off its programme's cost per household: a column of costs per household read per unit", () => {
    const scenario = BASE.replace(/unit_cost: [^\n]+/, 'unit_cost: {per_household: "2.5万"}\n    households_per_unit: 120')
      .replace("{region: gz, stock: 100}", '{region: gz, stock: 100, unit_cost: "2.5万"}')
      .replace("{region: sz, stock: 80}", '{region: sz, stock: 80, unit_cost: "400万"}');
    const loaded = loadScenario(join(writeFiles({ "s.yaml": scenario }), "s.yaml")).notices.filter((n) => !/money from it is unlimited/.test(n.en));
    const notes = loaded.map((n) => n.en);
    expect(notes).toHaveLength(1); // sz's 400万 (3.33万 a household) is a dearer region, not a slip
    expect(loaded[0].zh).toMatch(/单位造价2\.5万元（每户208\.33元）只有项目本身每户造价2\.5万元的1\/120（programs\[0\]\.unit_cost\.per_household）；地区的 unit_cost 是一个单位（120户）的造价：这是否为每户造价（如是，每单位300万元）？$/);
    expect(notes[0]).toMatch(/^programs\[0\]\.by_region\[0\]\.unit_cost \(s\.yaml:\d+\): a unit cost of 2\.5万元 \(208\.33元 per household\) is 1\/120 of the programme's own 2\.5万元 per household \(programs\[0\]\.unit_cost\.per_household\); .* \(then 300万元 a unit\)\?/);
    // Ten times the programme's cost per household the other way.
    const dear = scenario.replace('unit_cost: "2.5万"}', 'unit_cost: "5亿"}');
    expect(slips(loadScenario(join(writeFiles({ "s.yaml": dear }), "s.yaml")).notices.map((n) => n.en))[0]).toMatch(/a unit cost of 5亿元 \(416\.67万元 per household\) is 167 times the programme's own 2\.5万元 per household .*; is the unit right\?/);
  });

  it("leaves plausible budgets and unit costs alone (every shipped scenario)", () => {
    for (const f of ["guangdong-retrofit-2021-2025", "guangdong-retrofit-actuals-2023", "guangzhou-towns-2024-2027"]) {
      expect(loadScenario(`scenarios/${f}.yaml`).notices.map((n) => n.en)).toEqual([]);
    }
  });
});

describe("implausible amounts in Chinese (run.json's warnings_zh, shown by the report and the workbook)", () => {
  const zh = (yaml: string) => loadScenario(join(writeFiles({ "s.yaml": yaml }), "s.yaml")).notices.filter((n) => !/money from it is unlimited/.test(n.en)).map((n) => n.zh);

  it("say a budget far below the typical one with its path, line, median and the unit meant", () => {
    expect(zh(WITH_CITY)).toEqual([
      "sources[1].budgets[1].by_year.2022（s.yaml:27）：预算6,000元远低于本方案的一般预算水平（1万元及以上预算的中位数为8,000万元）；未写单位的金额按元计，是否应为“6000万”？",
    ]);
  });

  it("say a government budget under 1万元 a year, and a budget far above the typical one", () => {
    const small = WITH_CITY.replace('per_year: "8000万"', 'per_year: "100万"').replace('"2021": "6000万", "2022": 6000', '"2021": "100万", "2022": 5000');
    expect(zh(small)).toEqual([expect.stringMatching(/^sources\[1\]\.budgets\[1\]\.by_year\.2022（s\.yaml:\d+）：政府预算每年5,000元，不足1万元；未写单位的金额按元计，是否应为“5000万”？$/)]);
    const huge = zh(WITH_CITY.replace('per_year: "8000万"', 'per_year: "80000亿"')).filter((n) => n.includes("远高于"));
    expect(huge).toEqual([expect.stringMatching(/^sources\[1\]\.budgets\[0\]\.per_year（s\.yaml:\d+）：预算\S+元远高于本方案的一般预算水平（1万元及以上预算的中位数为3亿元）；单位是否写对？$/)]);
  });

  it("say a year far off its own budget's other years: an extra zero, or a unit slip", () => {
    const city = (gz2021: string) => BASE.replace("  - id: city\n    kind: government\n", `  - id: city
    kind: government
    budgets:
      - {region: gz, by_year: {"2021": ${gz2021}, "2022": "4亿", "2023": "4.5亿", "2024": "5亿", "2025": "5亿", "2026": "1亿"}}
      - {region: sz, by_year: {"2021": "2000万", "2022": "2000万", "2023": "2000万", "2024": "2000万", "2025": "2000万", "2026": "2000万"}}
`);
    expect(zh(city('"46亿"'))).toEqual([expect.stringMatching(/^sources\[1\]\.budgets\[0\]\.by_year\.2021（s\.yaml:\d+）：预算46(\.00)?亿元是同一预算其他年份（中位数4\.5亿元）的10倍；是否多写了一个0？$/)]);
    expect(zh(city("46240"))).toEqual([expect.stringMatching(/：预算4\.62万元远低于同一预算其他年份（中位数4\.5亿元）；未写单位的金额按元计，是否应为“46240万”？$/)]);
  });

  it("say a unit cost far below or far above real renewal work", () => {
    expect(zh(BASE.replace(/unit_cost: [^\n]+/, "unit_cost: 3000\n    households_per_unit: 200"))).toEqual([
      expect.stringMatching(/^programs\[0\]\.unit_cost（s\.yaml:\d+）：单位造价3,000元（每户15元）远低于任何实际的更新改造工程（每户数千元至数万元）；未写单位的金额按元计，是否应为“3000万”？$/),
    ]);
    expect(zh(BASE.replace(/unit_cost: [^\n]+/, "unit_cost: {per_household: \"8000万\"}\n    households_per_unit: 520"))).toEqual([
      expect.stringMatching(/^programs\[0\]\.unit_cost\.per_household（s\.yaml:\d+）：每户造价8,000万元远高于任何实际的更新改造工程（每户至多几十万元）；是否为一个单位的全部造价？如是，请写作 `per_unit`$/),
    ]);
  });
});
