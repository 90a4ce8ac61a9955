import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCheckedScenario } from "../src/loadChecked.js";
import { simulate } from "../src/pipeline.js";
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

  // A planner's review: a correlation naming `district-budgt` came only after the inputs' `vilage`
  // and `developr` were fixed, and `vilage` only after the scenario's own errors were.
  const typos = base.trimEnd() + `
      program: retrofitt
    - {id: gov-budget, applies_to: budget, source: govv, dist: {type: uniform, min: 0.8, max: 1}, per: year}
  correlations:
    - {between: [cost, gov-budgt], rho: 0.4}
`;
  const typoLines = [
    /^uncertainty\.inputs\[0\]\.program: unknown program "retrofitt" \(did you mean "retrofit"\?\)$/,
    /^uncertainty\.inputs\[1\]\.source: unknown source "govv" \(did you mean "gov"\?\)$/,
    /^uncertainty\.correlations\[0\]\.between\[1\]: unknown input id "gov-budgt" \(did you mean "gov-budget"\?\)$/,
  ];

  it("lists a correlation naming an unknown input, with the nearest id, beside the inputs' unknown programme and source", () => {
    expect(problemsOf(typos)).toEqual(typoLines.map((line) => expect.stringMatching(line)));
  });

  it("lists the inputs' unknown references and the correlation's with the scenario's own problems, in one round", () => {
    const problems = problemsOf(typos.replace("at_least: 80, kind: soft", "at_least: 80, kind: sofft"));
    expect(problems).toEqual([expect.stringMatching(/^targets\[0\]\.kind: /), ...typoLines.map((line) => expect.stringMatching(line))]);
  });

  it("lists an input's wrong reference with its wrong key, not a round later (a QA review)", () => {
    const problems = problemsOf(base.replace("dist: {type: uniform, min: 1, max: 1.2}", "program: retrofitt\n      regoin: gz\n      dist: {type: uniform, min: 1, max: 1.2}"));
    expect(problems).toEqual([
      expect.stringMatching(/^uncertainty\.inputs\[0\]\.program: unknown program "retrofitt"/),
      expect.stringMatching(/^uncertainty\.inputs\[0\]\.regoin: unknown key "regoin"/),
    ]);
  });
});

describe("loadCheckedScenario: an overlay naming another distribution kind", () => {
  // The closed-form budget fixture: the 80 units fit the budget iff the cost factor is at most 1.25.
  const base = readFileSync(BUDGET, "utf8").replace("dist: {type: uniform, min: 1, max: 1.2}", "dist: {type: triangular, min: 1, mode: 1.1, max: 1.2}");
  const overlay = (dist: string) => `uncertainty:\n  inputs:\n    - id: cost\n      dist:\n${dist}`;
  function write(over: string): { file: string; with: string } {
    const dir = tmp();
    writeFileSync(join(dir, "s.yaml"), base);
    writeFileSync(join(dir, "over.yaml"), over);
    return { file: join(dir, "s.yaml"), with: join(dir, "over.yaml") };
  }

  it("replaces the old kind's parameters (a planner had to null min, mode and max by hand); the same kind still merges", async () => {
    const normal = write(overlay("        type: normal\n        mean: 2\n        sd: 0.05\n        min: 1.8\n"));
    expect(loadCheckedScenario(normal.file, { overlays: [normal.with] }).uncertainty.inputs[0].dist).toEqual({ type: "normal", mean: 2, sd: 0.05, min: 1.8, max: null });
    const run = async (files: { file: string; with: string }) => {
      const outcome = await simulate(files.file, { overlays: [files.with], dryRun: true, monteCarlo: { mode: "evaluate", draws: 400, workers: 1 } });
      return Number((outcome.monteCarlo!.tables!.targets[0] as unknown as Record<string, unknown>).p_met);
    };
    expect(await run(normal)).toBe(0); // every factor ≥ 1.8 > 1.25, where the triangular never passes 1.2
    const wider = write(overlay("        max: 1.5\n"));
    expect(loadCheckedScenario(wider.file, { overlays: [wider.with] }).uncertainty.inputs[0].dist).toEqual({ type: "triangular", min: 1, mode: 1.1, max: 1.5 });
    // P(f ≤ 1.25) = 1 − 0.25² / (0.5 · 0.4) = 0.6875 for triangular(1, 1.1, 1.5).
    expect(Math.abs((await run(wider)) - 0.6875)).toBeLessThan(0.1);
  });

  it("lists every bad parameter of the new kind at the overlay's line, and nothing of the old kind", () => {
    const bad = overlay("        type: lognormal\n        mean: -1\n        sd: 0\n");
    const files = write(bad);
    let problems: { path: string; file: string; line: number | null; message: string }[] = [];
    try {
      loadCheckedScenario(files.file, { overlays: [files.with] });
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      problems = e.problems;
    }
    expect(problems).toEqual([
      { path: "uncertainty.inputs[0].dist.mean", file: files.with, line: 6, message: "mean -1 must be above 0 (lognormal values are positive)" },
      { path: "uncertainty.inputs[0].dist.sd", file: files.with, line: 7, message: "sd 0 must be above 0" },
    ]);
  });
});
