import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { stressFolder } from "../../src/finance/stressRun.js";
import { tempDirs } from "../helpers/tempDirs.js";

/** A file that does not exist: a flag problem must be reported before anything is loaded. */
const MISSING = "test/fixtures/confidence/no-such-scenario.yaml";
const BUDGET = "test/fixtures/confidence/budget.yaml";
const tmp = tempDirs("stress-run");
const gov = { kind: "government" as const, ids: null };

describe("stressFolder: simulate stress as an engine call", () => {
  it("refuses calibration options without --confidence before loading the scenario", async () => {
    await expect(stressFolder(MISSING, { cut: { selector: gov, levels: [0, 0.1] }, from: null, region: null, solver: "auto", confidence: { calibrationDraws: 500 } }))
      .rejects.toThrow(/calibration options apply to stress --confidence/);
  });

  it("writes one folder with every level; run.json says what was cut and how long each part took", async () => {
    const out = join(tmp(), "stress");
    const outcome = await stressFolder(BUDGET, { cut: { selector: gov, levels: [0, 0.2] }, from: null, region: null, solver: "auto", out });
    expect(outcome.outDir).toBe(out);
    expect(outcome.levels.map((l) => l.moneyCutYuan)).toEqual([0, 0.2e8]);
    const runJson = JSON.parse(readFileSync(join(out, "run.json"), "utf8"));
    expect(runJson.command).toBe("stress");
    expect(runJson.selection.sources).toEqual(["gov"]);
    expect(runJson.cut.levels).toEqual([0, 0.2]);
    expect(Object.keys(runJson.timings_seconds)).toEqual(["load", "solve"]);
    expect(readFileSync(join(out, "stress.csv"), "utf8")).toContain("t-80");
  });

});
