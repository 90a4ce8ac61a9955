/** A budget typed in yuan where 万 was meant is flagged at load with its path and line; sane ones are not. */
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

describe("implausible budgets", () => {
  it("names a government budget of a few thousand yuan among budgets in 万 and 亿, with path and line", () => {
    const dir = writeFiles({ "s.yaml": WITH_CITY });
    const { notices } = loadScenario(join(dir, "s.yaml"));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/^sources\[1\]\.budgets\[1\]\.by_year\.2022 \(.*s\.yaml line 27\): a budget of 6000元 is far below .* did you mean "6000万"\?/);
  });

  it("leaves plausible budgets alone (every shipped scenario)", () => {
    for (const f of ["guangdong-retrofit-2021-2025", "guangdong-retrofit-actuals-2023", "guangzhou-towns-2024-2027"]) {
      expect(loadScenario(`scenarios/${f}.yaml`).notices.filter((n) => n.includes("budget"))).toEqual([]);
    }
  });
});
