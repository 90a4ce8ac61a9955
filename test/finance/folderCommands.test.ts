import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { frontierFolder } from "../../src/confidence/frontierRun.js";
import { UsageError } from "../../src/errors.js";
import { minBudgetFolder } from "../../src/finance/minBudgetRun.js";
import { stressFolder } from "../../src/finance/stressRun.js";
import { tempDirs } from "../helpers/tempDirs.js";

const BUDGET = "test/fixtures/confidence/budget.yaml";
/** A file that does not exist: a flag problem must be reported before anything is loaded. */
const MISSING = "test/fixtures/confidence/no-such-scenario.yaml";
const tmp = tempDirs("folders");
const gov = { kind: "government" as const, ids: null };

describe("stress, min-budget and frontier as engine calls", () => {
  it("refuse contradictory requests before loading the scenario", async () => {
    await expect(stressFolder(MISSING, { cut: { selector: gov, levels: [0, 0.1] }, from: null, region: null, solver: "auto", confidence: { calibrationDraws: 500 } }))
      .rejects.toThrow(/calibration options apply to stress --confidence/);
    await expect(minBudgetFolder(MISSING, { selector: gov, from: null, region: null, solver: "auto", validation: { draws: 100, workers: 1 } }))
      .rejects.toThrow(/--draws and the calibration options apply to min-budget --confidence/);
    await expect(minBudgetFolder(MISSING, { selector: gov, from: null, region: null, solver: "auto", perYear: true, confidence: { level: 0.9 } }))
      .rejects.toThrow(/--per-year cannot be combined with --confidence/);
    // Calibration options alone are not --confidence (a review found --per-year blamed instead).
    await expect(minBudgetFolder(MISSING, { selector: gov, from: null, region: null, solver: "auto", perYear: true, confidence: { calibrationDraws: 500 } }))
      .rejects.toThrow(/--draws and the calibration options apply to min-budget --confidence/);
    await expect(frontierFolder(MISSING, { levels: [0.9], solver: "auto", validation: { draws: 0, workers: 1 } }))
      .rejects.toBeInstanceOf(UsageError);
  });

  it("stress writes one folder with every level; run.json says what was cut and how long each part took", async () => {
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

  it("min-budget writes the scale found (80 units of 100万 from a 1亿 budget: 0.8)", async () => {
    const out = join(tmp(), "min");
    const outcome = await minBudgetFolder(BUDGET, { selector: gov, from: null, region: null, solver: "auto", out });
    expect(outcome.kind).toBe("scale");
    if (outcome.kind !== "scale") return;
    expect(outcome.result.scales[0].scale).toBeCloseTo(0.8, 9);
    expect(JSON.parse(readFileSync(join(out, "run.json"), "utf8")).scales[0].scale).toBeCloseTo(0.8, 9);
  });

  it("frontier writes nothing when the plain plan is infeasible: no level can be planned", async () => {
    const dir = tmp();
    const scenario = join(dir, "hard.yaml");
    // 200 units of 100万 cannot fit 1亿, and the target is hard.
    writeFileSync(scenario, readFileSync(BUDGET, "utf8").replace("at_least: 80, kind: soft", "at_least: 200, kind: hard"));
    const out = join(dir, "frontier");
    const outcome = await frontierFolder(scenario, { levels: [0.9], solver: "auto", out });
    expect(outcome.result.plain.solution.status).toBe("infeasible");
    expect(outcome.rows).toBeNull();
    expect(outcome.outDir).toBeNull();
    expect(existsSync(out)).toBe(false);
  });
});
