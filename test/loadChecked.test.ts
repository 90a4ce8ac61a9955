import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCheckedScenario } from "../src/loadChecked.js";
import { ScenarioError } from "../src/scenario/problems.js";
import { tempDirs } from "./helpers/tempDirs.js";

const tmp = tempDirs("load-checked");
const BUDGET = "test/fixtures/confidence/budget.yaml";

/** The problems a load reports, as "path: message". */
function problemsOf(text: string): string[] {
  const file = join(tmp(), "s.yaml");
  writeFileSync(file, text);
  try {
    loadCheckedScenario(file);
  } catch (e) {
    if (e instanceof ScenarioError) return e.problems.map((p) => `${p.path}: ${p.message}`);
    throw e;
  }
  return [];
}

describe("loadCheckedScenario: one round of problems", () => {
  const base = readFileSync(BUDGET, "utf8");
  const badSection = base.replace("dist: {type: uniform, min: 1, max: 1.2}", "dist: {type: uniform, min: 1.2, max: 1}\n      per: regionyear");

  it("lists the uncertainty section's own problems with the scenario's (a QA review got them a round later)", () => {
    const problems = problemsOf(badSection.replace("at_least: 80, kind: soft", "at_least: 80, kind: sofft"));
    expect(problems).toContainEqual(expect.stringMatching(/^targets\[0\]\.kind: /));
    expect(problems).toContainEqual(expect.stringMatching(/^uncertainty\.inputs\[0\]\.per: "regionyear" is not one of/));
  });

  it("checks the section against the scenario once the scenario is sound, in one round with its own problems", () => {
    const other = "\n    - {id: cost2, applies_to: unit_cost, program: retrofitt, dist: {type: uniform, min: 1.2, max: 1}}\n";
    const problems = problemsOf(badSection.trimEnd() + other);
    expect(problems).toEqual([
      expect.stringMatching(/^uncertainty\.inputs\[0\]\.per: "regionyear" is not one of/),
      expect.stringMatching(/^uncertainty\.inputs\[1\]\.dist\.max: min 1\.2 > max 1/),
      expect.stringMatching(/^uncertainty\.inputs\[1\]\.program: unknown program "retrofitt"/),
    ]);
  });

  it("lists an input's wrong reference with its wrong key, not a round later (a QA review)", () => {
    const problems = problemsOf(base.replace("dist: {type: uniform, min: 1, max: 1.2}", "program: retrofitt\n      regoin: gz\n      dist: {type: uniform, min: 1, max: 1.2}"));
    expect(problems).toEqual([
      expect.stringMatching(/^uncertainty\.inputs\[0\]\.program: unknown program "retrofitt"/),
      expect.stringMatching(/^uncertainty\.inputs\[0\]\.regoin: unknown key "regoin"/),
    ]);
  });
});
