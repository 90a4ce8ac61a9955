/**
 * A whole budget table typed in the wrong unit gets one note for the file, counting every row that
 * is off and naming the header to fix (src/scenario/unitSlips.ts); a finance officer's 万元 sheet
 * under 金额（亿元） once got 47 scattered notes for 126 wrong rows, and an 亿 sheet under 金额（万元）
 * 114 notes saying "amounts without a unit are yuan" though the header's 万元 had been applied.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadScenario } from "../../src/scenario/index.js";
import { BASE, writeFiles } from "./helpers.js";

/** County budgets for gz and sz in every year: the scenario's other budgets (3,000万 a year), against which the city table is judged. */
const WITH_TABLE = BASE.replace("  - id: city\n    kind: government\n", `  - id: city
    kind: government
    budgets:
      - {file: data/city.csv}
  - id: county
    kind: government
    budgets:
      - {region: gz, by_year: {"2021": "3000万", "2022": "3000万", "2023": "3000万", "2024": "3000万", "2025": "3000万", "2026": "3000万"}}
      - {region: sz, by_year: {"2021": "3000万", "2022": "3000万", "2023": "3000万", "2024": "3000万", "2025": "3000万", "2026": "3000万"}}
`);

/** A city budgets table: its header's amount column, then one figure per region and year 2021–2026. */
function cityTable(header: string, figure: (region: number, year: number) => string): string {
  const rows = ["gz", "sz"].flatMap((r, i) => [2021, 2022, 2023, 2024, 2025, 2026].map((y) => `${r},${y},${figure(i, y)}`));
  return [`区域,年份,${header}`, ...rows].join("\n") + "\n";
}

/** 4,624万–7,046万 a year in each region, as a finance office's sheet writes them in 万元. */
const wan = (region: number, year: number) => String(4624 + 100 * region + 300 * (year - 2021));
const yi = (region: number, year: number) => String((4624 + 100 * region + 300 * (year - 2021)) / 1e4);

const notesOf = (table: string) => {
  const loaded = loadScenario(join(writeFiles({ "s.yaml": WITH_TABLE, "data/city.csv": table }), "s.yaml"));
  return { loaded, en: loaded.notices.map((n) => n.en), zh: loaded.notices.map((n) => n.zh) };
};

describe("a budget table in the wrong unit", () => {
  it("is one note for the file, counting every row, naming the header that gave the unit and the header to write (亿元 over 万 figures)", () => {
    const { loaded, en, zh } = notesOf(cityTable("金额（亿元）", wan));
    const about = en.filter((n) => n.includes("city.csv"));
    expect(about).toEqual([
      "data/city.csv: 12 of its 12 budgets are about 10,000 times above the scenario's other budgets (median 3,000万元; e.g. gz 2021 4,624亿元 (line 2), gz 2022 4,924亿元 (line 3)): the header 金额（亿元） gives 亿元; these figures look like 万元: write the header 金额（万元）",
    ]);
    expect(zh.filter((n) => n.includes("city.csv"))).toEqual([
      "data/city.csv：本文件12个预算中有12个约为本方案其他预算（中位数3,000万元）的1万倍（如 gz 2021年 4,624亿元（第2行）、gz 2022年 4,924亿元（第3行））：表头“金额（亿元）”给出的单位是亿元，这些数字看来是万元：请把表头改为“金额（万元）”",
    ]);
    // Apart, for the summary, run.json's unit_slips and the report's key figures; and first among the notes.
    expect(loaded.unitSlips.map((n) => n.en)).toEqual(about);
    expect(en[0]).toBe(about[0]);
  });

  it("says the header's 万元 was applied to 亿 figures, and suggests the header once, not a unit per cell", () => {
    const { en } = notesOf(cityTable("金额（万元）", yi));
    expect(en.filter((n) => n.includes("city.csv"))).toEqual([
      expect.stringMatching(/^data\/city\.csv: 12 of its 12 budgets are about 10,000 times below the scenario's other budgets \(median 3,000万元; e\.g\. gz 2021 4,624元 \(line 2\), .*\): the header 金额（万元） gives 万元; these figures look like 亿元: write the header 金额（亿元）$/),
    ]);
    expect(en.join("\n")).not.toMatch(/amounts without a unit are yuan/);
  });

  it("says bare figures are yuan when the header gives no unit, and where to give it", () => {
    const { en } = notesOf(cityTable("金额", wan));
    expect(en.filter((n) => n.includes("city.csv"))).toEqual([
      expect.stringMatching(/^data\/city\.csv: 12 of its 12 budgets are about 10,000 times below .*: amounts without a unit are yuan; these figures look like 万元: write 万 after them \(or give the unit once in the header: 金额（万元）\)$/),
    ]);
  });

  it("says of one slip under a header with a unit that the unit is the header's, not that bare amounts are yuan", () => {
    const { en } = notesOf(cityTable("金额（万元）", (r, y) => (r === 0 && y === 2021 ? "0.4624" : wan(r, y))));
    expect(en.filter((n) => n.includes("city.csv"))).toEqual([
      expect.stringMatching(/^sources\[1\]\.budgets\[0\]\.by_year\.2021 \(data\/city\.csv:2\): a budget of 4,624元 is far below .*; its unit is the header's \(金额（万元）\): is that the unit of this figure\?$/),
    ]);
  });

  it("leaves a table in the right unit alone", () => {
    const { loaded, en } = notesOf(cityTable("金额（万元）", wan));
    expect(en.filter((n) => /city\.csv|far (above|below)|unit is|unit right/.test(n))).toEqual([]);
    expect(loaded.unitSlips).toEqual([]);
  });

  it("names a table outside the scenario's folder as given, not as ../../ from the scenario", () => {
    const dir = writeFiles({ "scenario/s.yaml": WITH_TABLE.replace("      - {file: data/city.csv}\n", "") });
    mkdirSync(join(dir, "office", "data"), { recursive: true });
    writeFileSync(join(dir, "office", "o.yaml"), "sources:\n  - id: city\n    budgets:\n      - {file: data/city.csv}\n");
    writeFileSync(join(dir, "office", "data", "city.csv"), cityTable("金额（亿元）", wan));
    const loaded = loadScenario(join(dir, "scenario", "s.yaml"), { overlays: [join(dir, "office", "o.yaml")] });
    expect(loaded.unitSlips.map((n) => n.en)).toEqual([expect.stringMatching(new RegExp(`^${join(dir, "office", "data", "city.csv").replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: 12 of its 12 budgets`))]);
    expect(loaded.notices.map((n) => n.en).join("\n")).not.toContain("../");
  });
});
