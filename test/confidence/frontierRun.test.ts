import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { frontierFolder } from "../../src/confidence/frontierRun.js";
import { UsageError } from "../../src/errors.js";
import { tempDirs } from "../helpers/tempDirs.js";

/** A file that does not exist: a flag problem must be reported before anything is loaded. */
const MISSING = "test/fixtures/confidence/no-such-scenario.yaml";
const BUDGET = "test/fixtures/confidence/budget.yaml";
const tmp = tempDirs("frontier-run");

describe("frontierFolder: simulate frontier as an engine call", () => {
  it("refuses bad validation draws before loading the scenario", async () => {
    await expect(frontierFolder(MISSING, { levels: [0.9], solver: "auto", validation: { draws: 0, workers: 1 } }))
      .rejects.toBeInstanceOf(UsageError);
  });

  it("writes the plain plan's diagnosis when it is infeasible: no level can be planned", async () => {
    const dir = tmp();
    const scenario = join(dir, "hard.yaml");
    // 200 units of 100万 cannot fit 1亿, and the target is hard.
    writeFileSync(scenario, readFileSync(BUDGET, "utf8").replace("at_least: 80, kind: soft", "at_least: 200, kind: hard"));
    const out = join(dir, "frontier");
    const outcome = await frontierFolder(scenario, { levels: [0.9], solver: "auto", out });
    expect(outcome.result.plain.solution.status).toBe("infeasible");
    expect(outcome.table).toBeNull();
    expect(outcome.outDir).toBe(out);
    expect(readFileSync(join(out, "diagnostics.csv"), "utf8")).toMatch(/^conflict:targets,target\[t-80\],.*,hard\.yaml:\d+$/m);
    expect(existsSync(join(out, "frontier.csv"))).toBe(false);
  });

  it("puts the plan without margins' solver notes in run.json's warnings, saying which plan they are about", async () => {
    const dir = tmp();
    writeFileSync(join(dir, "whole.yaml"), "programs:\n  - {id: retrofit, integer: true}\nobjective: {smoothing: true}\n");
    const out = join(dir, "frontier");
    await frontierFolder(BUDGET, { levels: [0.5], solver: "auto", out, overlays: [join(dir, "whole.yaml")], calibration: { calibrationDraws: 200 } });
    const runJson = JSON.parse(readFileSync(join(out, "run.json"), "utf8"));
    expect(runJson.warnings).toEqual([expect.stringMatching(/^the plan without margins: smoothing applies to continuous programmes only/)]);
    expect(runJson.warnings_zh).toEqual([expect.stringMatching(/^不设余量的方案：平滑/)]);
  });
});
