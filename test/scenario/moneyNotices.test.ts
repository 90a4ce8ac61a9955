/** Money a scenario makes available without meaning to is said before anything is planned. */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadScenario } from "../../src/scenario/index.js";
import { moneyNotices } from "../../src/scenario/moneyNotices.js";
import { handSolvedTown, program, region, scenario, source, tree } from "../helpers/scenario.js";
import { BASE, writeFiles } from "./helpers.js";

const place = (path: readonly (string | number)[]) => ({ en: path.join("."), zh: path.join(".") });

describe("money notices", () => {
  it("say nothing when every payment year has a budget and every source pays for a programme", () => {
    expect(moneyNotices(handSolvedTown(), place).map((n) => n.en)).toEqual([]);
  });

  it("name the tail years a budget stops before (units started last are still paid then), once per set of regions", () => {
    const s = handSolvedTown();
    s.programs[0].spendProfile = [0.5, 0.3, 0.2]; // paid over three years: 2023 and 2024 are payment years
    s.sources[0].budgets = [2021, 2022].map((year) => ({ region: "town", year, amount: 3_000_000, path: ["sources", 0, "budgets", 0, "by_year", String(year)] }));
    const [notice, ...rest] = moneyNotices(s, place);
    expect(rest).toEqual([]);
    expect(notice.en).toMatch(/^budget of gov \(gov\) for town \(sources\.0\.budgets\.0\.by_year\.2021\): no entry for 2023–2024 \(after the horizon, units started in its last 2 years are still paid for\), so those years' money from it is unlimited/);
    expect(notice.zh).toBe(
      "gov（gov）在town的预算（sources.0.budgets.0.by_year.2021）：没有2023–2024年的数额（规划期结束后，仍要为规划期最后2年开工的项目付款），" +
        "这些年份来自该来源的资金不受限制；如资金有限，请补上这些年份的预算",
    );
  });

  it("count only the payment years of the programmes the source pays for, in the budget's region", () => {
    // retrofit is paid over two years in a and b; villages, which pipes does not pay for, over three in b only.
    const share = { min: 0, max: 1, capPerHousehold: null };
    const budgets = (regions: string[], years: number[]) => regions.flatMap((r) => years.map((year) => ({ region: r, year, amount: 1e7 })));
    const make = () => scenario({
      regions: tree([region("city"), region("a", "city"), region("b", "city")]),
      programs: [
        program({ id: "retrofit", spendProfile: [0.6, 0.4], leaves: ["a", "b"].map((r) => ({ region: r, stock: 10, householdsPerUnit: 100, unitCost: 1e6 })), shares: { gov: share, pipes: share } }),
        program({ id: "villages", spendProfile: [0.3, 0.4, 0.3], leaves: [{ region: "b", stock: 2, householdsPerUnit: 500, unitCost: 2e8 }], shares: { gov: share, dev: share, pipes: { ...share, max: 0 } } }),
      ],
      sources: [
        source({ id: "gov", kind: "government", budgets: budgets(["a", "b"], [2021, 2022, 2023]) }),
        source({ id: "pipes", kind: "enterprise", budgets: budgets(["city"], [2021, 2022, 2023]) }),
        source({ id: "dev", kind: "enterprise", budgets: budgets(["b"], [2021, 2022, 2023, 2024]) }),
      ],
    });
    // pipes' money (and gov's in a) is last due in 2023, though villages are paid until 2024 (a max of 0 pays nothing).
    const s = make();
    const notes = moneyNotices(s, place);
    expect(notes.map((n) => n.en)).toEqual([expect.stringMatching(/^budget of gov \(gov\) for b: no entry for 2024 \(after the horizon, units started in its last 2 years are still paid for\), so that year's/)]);
    expect(notes[0].zh).toMatch(/^gov（gov）在b的预算：没有2024年的数额（规划期结束后，仍要为规划期最后2年开工的项目付款），该年/);
    // Stopping at the horizon's end leaves one tail year of pipes' money open: said with pipes' own count of years.
    s.sources[1].budgets = budgets(["city"], [2021, 2022]);
    expect(moneyNotices(s, place).map((n) => n.en).filter((n) => n.startsWith("budget of pipes"))).toEqual([
      expect.stringMatching(/^budget of pipes \(pipes\) for city: no entry for 2023 \(after the horizon, units started in its last year are still paid for\), so that year's/),
    ]);
    expect(moneyNotices(s, place).map((n) => n.zh).filter((n) => n.startsWith("pipes"))).toEqual([expect.stringMatching(/没有2023年的数额（规划期结束后，仍要为规划期最后一年开工的项目付款）/)]);
  });

  it("skip years an as_of has closed, and name a gap inside the horizon without the tail's reason", () => {
    const s = handSolvedTown();
    s.horizon = { start: 2021, end: 2023 };
    s.sources[0].budgets = [2021, 2023].map((year) => ({ region: "town", year, amount: 3_000_000 }));
    expect(moneyNotices(s, place).map((n) => n.en)).toEqual([expect.stringMatching(/for town: no entry for 2022, so that year's money from it is unlimited/)]);
    expect(moneyNotices(s, place).map((n) => n.zh)).toEqual(["gov（gov）在town的预算：没有2022年的数额，该年来自该来源的资金不受限制；如资金有限，请补上该年的预算"]);
    s.asOf = { text: "2022-12-31", firstOpenYear: 2023, current: null };
    expect(moneyNotices(s, place).map((n) => n.en)).toEqual([]);
  });

  it("name the leaves no budget of a source covers (a city left out of a budgets CSV): unlimited in every year", () => {
    const yaml = BASE.replace("  - id: city\n    kind: government\n", "  - id: city\n    kind: government\n    budgets:\n      - {file: city.csv}\n");
    const rows = (regions: string[]) => ["region,year,amount", ...regions.flatMap((r) => [2021, 2022, 2023, 2024, 2025, 2026].map((y) => `${r},${y},2000万`))].join("\n") + "\n";
    const dir = writeFiles({ "s.yaml": yaml, "whole.csv": rows(["gz", "sz"]), "city.csv": rows(["gz"]) });
    expect(loadScenario(join(dir, "s.yaml")).notices.map((n) => n.en).filter((n) => /no budget covers/.test(n))).toEqual([
      expect.stringMatching(/^budget of city \(city\) \(city\.csv:2\): no budget covers sz, so its money from it is unlimited in every year; add a budget for it \(or a region above\)/),
    ]);
    // Named as a reader knows the region, with the id the files use.
    const named = writeFiles({ "s.yaml": yaml.replace("{id: sz, parent: gd}", "{id: sz, name: 深圳市, parent: gd}"), "whole.csv": rows(["gz", "sz"]), "city.csv": rows(["gz"]) });
    const covers = loadScenario(join(named, "s.yaml")).notices.filter((n) => /no budget covers/.test(n.en));
    expect(covers.map((n) => n.en)).toEqual([expect.stringMatching(/no budget covers 深圳市 \(sz\), so its money/)]);
    expect(covers.map((n) => n.zh)).toEqual(["city（city）的预算（city.csv:2）：没有预算覆盖深圳市（sz），该地区来自该来源的资金每年都不受限制；如资金有限，请为该地区（或其上级地区）补上预算"]);
    // A link capping city money at a ratio of central's, which covers sz, bounds it there: not unlimited.
    const linked = yaml.replace("      - {file: city.csv}\n", "      - {file: city.csv}\n    links:\n      - {id: match, of: central, max_ratio: 1}\n");
    const cappedDir = writeFiles({ "s.yaml": linked, "city.csv": rows(["gz"]) });
    expect(loadScenario(join(cappedDir, "s.yaml")).notices.map((n) => n.en).filter((n) => /no budget covers/.test(n))).toEqual([]);
    const floorOnly = writeFiles({ "s.yaml": linked.replace("max_ratio: 1", "min_ratio: 0.5"), "city.csv": rows(["gz"]) });
    expect(loadScenario(join(floorOnly, "s.yaml")).notices.map((n) => n.en).filter((n) => /no budget covers/.test(n))).toHaveLength(1); // a floor bounds nothing
    // The link caps the sum over gd: with central budgeted at gz only, central money at sz is
    // unlimited, so city money at gz (no city budget there) is not bounded either.
    const partly = writeFiles({ "s.yaml": linked.replace('{region: gd, per_year: "3亿"}', '{region: gz, per_year: "3亿"}'), "city.csv": rows(["sz"]) });
    expect(loadScenario(join(partly, "s.yaml")).notices.map((n) => n.en).filter((n) => /^budget of city .*no budget covers gz,/.test(n))).toHaveLength(1);
    const whole = writeFiles({ "s.yaml": yaml.replace("city.csv", "whole.csv"), "whole.csv": rows(["gz", "sz"]) });
    expect(loadScenario(join(whole, "s.yaml")).notices.map((n) => n.en).filter((n) => /no budget covers/.test(n))).toEqual([]);
    // A budget of the parent covers its leaves; a source with no budgets at all is unlimited by design (BASE's residents).
    expect(moneyNotices(handSolvedTown(), place).map((n) => n.en)).toEqual([]);
  });

  it("say when a source is named in no programme's shares (its budgets are never used)", () => {
    const s = handSolvedTown();
    s.sources.push(source({ id: "bonds", kind: "government", budgets: [2021, 2022].map((year) => ({ region: "town", year, amount: 1 })) }));
    expect(moneyNotices(s, place).map((n) => n.en)).toEqual([expect.stringMatching(/^source bonds \(bonds\) is named in no programme's shares, so it pays for nothing: its budgets are never used/)]);
    expect(moneyNotices(s, place).map((n) => n.zh)).toEqual(["资金来源bonds（bonds）未列入任何项目的出资比例（shares），不承担任何出资，其预算不会被使用；如要由它出资，请将它加入 programs[…].shares"]);
  });

  it("find nothing to say about the shipped scenarios", () => {
    for (const f of ["guangdong-retrofit-2021-2025", "guangdong-retrofit-actuals-2023", "guangzhou-towns-2024-2027"]) {
      const notes = loadScenario(`scenarios/${f}.yaml`).notices.map((n) => n.en);
      expect(notes.filter((n) => /unlimited|pays for nothing|no budget covers/.test(n)), f).toEqual([]);
    }
  });

  it("say when an overlay's per_year changes nothing (a budgets CSV already gives every year)", () => {
    const yaml = BASE.replace("  - id: city\n    kind: government\n", "  - id: city\n    kind: government\n    budgets:\n      - {file: city.csv}\n");
    const csv = ["region,year,amount", ...[2021, 2022, 2023, 2024, 2025, 2026].map((y) => `gz,${y},2000万`)].join("\n") + "\n";
    const dir = writeFiles({ "s.yaml": yaml, "city.csv": csv, "cut.yaml": "sources:\n  - id: city\n    budgets:\n      - {region: gz, per_year: \"1000万\"}\n" });
    const plain = loadScenario(join(dir, "s.yaml")).notices.map((n) => n.en);
    expect(plain.filter((n) => /changes nothing/.test(n))).toEqual([]);
    const { notices, scenario } = loadScenario(join(dir, "s.yaml"), { overlays: [join(dir, "cut.yaml")] });
    expect(notices.map((n) => n.en).filter((n) => /changes nothing/.test(n))).toEqual([
      // Numbered as cut.yaml numbers it (its only source is sources[0]), as its errors are.
      expect.stringMatching(/^sources\[0\]\.budgets\[0\]\.per_year \(cut\.yaml:4\): per_year of city for gz changes nothing — the record's by_year gives every horizon year/),
    ]);
    expect(notices.filter((n) => /changes nothing/.test(n.en)).map((n) => n.zh)).toEqual([
      "sources[0].budgets[0].per_year（cut.yaml:4）：city在gz的 per_year 不起作用——该记录的 by_year 已给出规划期每一年（叠加方案的 per_year 不会替换预算 CSV 中的各行）；如要改变这些年份，请在 by_year 中给出",
    ]);
    expect(scenario.sources[1].budgets.every((b) => b.amount === 20_000_000)).toBe(true);
  });
});
