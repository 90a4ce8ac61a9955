/**
 * A problem's YAML path is numbered as the file it names with the line numbers it: an overlay whose
 * only source is `sources[0]` is not told of `sources[2]` (the merged scenario's numbering), while a
 * header typo in the same overlay was already at `sources[0].budgets[0].file` (positions.ts, writtenPath).
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadScenario, ScenarioError } from "../../src/scenario/index.js";
import { BASE, writeFiles } from "./helpers.js";

function problemsOf(files: Record<string, string>, overlays: string[]): string[] {
  const dir = writeFiles(files);
  try {
    loadScenario(join(dir, "s.yaml"), { overlays: overlays.map((o) => join(dir, o)) });
  } catch (e) {
    if (e instanceof ScenarioError) return e.problems.map((p) => `${p.path} @ ${p.file.slice(dir.length + 1)}:${p.line}`);
    throw e;
  }
  return [];
}

describe("paths of problems in an overlay", () => {
  it("number an overlay's CSV rows and YAML records as the overlay does, like its header problems", () => {
    // BASE's sources are central, city, residents: the overlay's sources[0] (city) is the merged sources[1].
    const problems = problemsOf({
      "s.yaml": BASE,
      "o1.yaml": "sources:\n  - id: city\n    budgets:\n      - {file: bad-header.csv}\n",
      "bad-header.csv": "区域,年分,金额（万元）\ngz,2021,100\n",
      "o2.yaml": "sources:\n  - id: city\n    budgets:\n      - {file: city.csv}\n  - id: residents\n    budgets:\n      - {region: gd, per_year: \"-5万\"}\n",
      "city.csv": "区域,年份,金额（万元）\ngz,2021,3000\nsz,2021,3000\nsz,2022,-3000\n",
    }, ["o1.yaml", "o2.yaml"]);
    expect([...problems].sort()).toEqual([
      "sources[0].budgets[0].file @ bad-header.csv:1",
      "sources[0].budgets[1].by_year.2022 @ city.csv:4", // the table's second record (sz), in the overlay's sources[0]
      "sources[1].budgets[0].per_year @ o2.yaml:7",
    ]);
    expect(problems.join("\n")).not.toMatch(/sources\[2\]/);
  });

  it("keep the scenario's own numbering for the scenario's own values", () => {
    const problems = problemsOf({
      "s.yaml": BASE.replace('per_year: "3亿"', 'per_year: "-3亿"'),
      "o.yaml": "sources:\n  - id: residents\n    budgets:\n      - {region: gd, per_year: \"5万\"}\n",
    }, ["o.yaml"]);
    expect(problems).toEqual(["sources[0].budgets[0].per_year @ s.yaml:22"]);
  });

  it("number the notes on an overlay's values as its errors do", () => {
    const dir = writeFiles({ "s.yaml": BASE, "o.yaml": "sources:\n  - id: city\n    budgets:\n      - {region: gz, per_year: 5000}\n" });
    const notes = loadScenario(join(dir, "s.yaml"), { overlays: [join(dir, "o.yaml")] }).notices.map((n) => n.en);
    expect(notes).toContainEqual(expect.stringMatching(/^sources\[0\]\.budgets\[0\]\.per_year \(o\.yaml:4\): a budget of 5,000元 is far below/));
  });
});
