import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { frontierTable } from "../../src/confidence/frontierFiles.js";
import { frontierFolder, type FrontierOutcome } from "../../src/confidence/frontierRun.js";
import { validatePlanJointly } from "../../src/confidence/validate.js";
import { UsageError } from "../../src/errors.js";
import { formatProbability } from "../../src/format/numbers.js";
import { tempDirs } from "../helpers/tempDirs.js";

/** A file that does not exist: a flag problem must be reported before anything is loaded. */
const MISSING = "test/fixtures/confidence/no-such-scenario.yaml";
const BUDGET = "test/fixtures/confidence/budget.yaml";
/** Two towns whose budgets hold them below 50 %, independently: the same plan at every level. */
const SHORT = "test/fixtures/confidence/frontier-short.yaml";
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

  describe("a frontier whose budgets bind: every level gets the same plan", () => {
    const validation = { draws: 300, seed: 13, workers: 1 };
    let outcome: FrontierOutcome;
    let rows: string[][];
    let runJson: { levels: { all_targets_met: unknown }[]; warnings: string[]; warnings_zh: string[] };
    const column = (name: string) => rows.slice(1).map((r) => r[rows[0].indexOf(name)]);
    beforeAll(async () => {
      const out = join(tmp(), "frontier");
      outcome = await frontierFolder(SHORT, { levels: [0.5, 0.8], solver: "auto", out, calibration: { calibrationDraws: 500 }, validation });
      rows = readFileSync(join(out, "frontier.csv"), "utf8").replace(/^\ufeff/, "").trimEnd().split("\n").map((l) => l.split(","));
      runJson = JSON.parse(readFileSync(join(out, "run.json"), "utf8"));
    });

    it("gives each level's P(all targets met), counted as plan and min-budget count it, in frontier.csv and run.json", async () => {
      const joint = await validatePlanJointly(outcome.result.levels[0].point, outcome.loaded.uncertainty, validation);
      expect(joint.all).not.toBeNull();
      // The towns are independent: both met together far less often than either alone.
      expect(joint.all!.p_met).toBeLessThan(Math.min(...[...joint.targets.values()].map((t) => t.p_met)) - 0.1);
      expect(column("p_all_targets_met")).toEqual(Array(4).fill(String(joint.all!.p_met)));
      expect(column("p_all_targets_met_se")).toEqual(Array(4).fill(String(joint.all!.p_met_se)));
      expect(runJson.levels.map((l) => l.all_targets_met)).toEqual([joint.all, joint.all]);
      // The columns are added after the existing ones, whose meaning does not change.
      expect(rows[0].slice(-3)).toEqual(["plan_of_level", "p_all_targets_met", "p_all_targets_met_se"]);
      const printed = frontierTable(outcome.loaded.scenario, outcome.result, outcome.table!, "frontier", validation.draws);
      const all = outcome.result.levels[0].allTargetsMet!;
      const shown = formatProbability(all.p_met, all.p_met_se, validation.draws, "en", false);
      expect(printed).toContain(`\nall targets  ${shown}`);
      expect(printed.split("\n").find((l) => l.startsWith("all targets"))!.split(shown).length - 1).toBe(2);
    });

    it("says the levels' plans are the same, not re-divided, and how to get the cost–confidence curve with this run's file", () => {
      const warnings = runJson.warnings;
      expect(warnings.some((w) => w.startsWith("every level gets the same plan ("))).toBe(true);
      expect(warnings.join("\n")).not.toContain("re-divides");
      expect(runJson.warnings_zh.join("\n")).not.toContain("重新分配这些资金");
      expect(warnings).toContainEqual(expect.stringContaining(`run min-budget once per level — simulate min-budget ${SHORT} --calibration-draws 500 --source government --confidence α for α = 0.5, 0.8`)); // the frontier's own calibration sample
      const printed = frontierTable(outcome.loaded.scenario, outcome.result, outcome.table!, "frontier", validation.draws);
      expect(printed).toContain("\nnote: every level gets the same plan (");
      expect(printed).toContain("\nnote: this frontier is therefore not the cost–confidence curve");
    });
  });
});
