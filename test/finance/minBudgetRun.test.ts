import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { minBudgetFolder } from "../../src/finance/minBudgetRun.js";
import { tempDirs } from "../helpers/tempDirs.js";

/** A file that does not exist: a flag problem must be reported before anything is loaded. */
const MISSING = "test/fixtures/confidence/no-such-scenario.yaml";
const BUDGET = "test/fixtures/confidence/budget.yaml";
const tmp = tempDirs("min-budget-run");
const gov = { kind: "government" as const, ids: null };

describe("minBudgetFolder: simulate min-budget as an engine call", () => {
  it("refuses contradictory requests before loading the scenario", async () => {
    await expect(minBudgetFolder(MISSING, { selector: gov, from: null, region: null, solver: "auto", validation: { draws: 100, workers: 1 } }))
      .rejects.toThrow(/--draws and the calibration options apply to min-budget --confidence/);
    await expect(minBudgetFolder(MISSING, { selector: gov, from: null, region: null, solver: "auto", perYear: true, confidence: { level: 0.9 } }))
      .rejects.toThrow(/--per-year cannot be combined with --confidence/);
    // Calibration options alone are not --confidence (a review found --per-year blamed instead).
    await expect(minBudgetFolder(MISSING, { selector: gov, from: null, region: null, solver: "auto", perYear: true, confidence: { calibrationDraws: 500 } }))
      .rejects.toThrow(/--draws and the calibration options apply to min-budget --confidence/);
  });

  it("writes the scale found (80 units of 100万 from a 1亿 budget: 0.8)", async () => {
    const out = join(tmp(), "min");
    const outcome = await minBudgetFolder(BUDGET, { selector: gov, from: null, region: null, solver: "auto", out });
    expect(outcome.kind).toBe("scale");
    if (outcome.kind !== "scale") return;
    expect(outcome.result.scales[0].scale).toBeCloseTo(0.8, 9);
    expect(JSON.parse(readFileSync(join(out, "run.json"), "utf8")).scales[0].scale).toBeCloseTo(0.8, 9);
    // Who pays at λ: the 80 units' 8,000万, all of it the scaled budget; today's plan pays as much,
    // to the stages' tolerance (a millionth: its 79.9999 units meet the target).
    const [head, row, ...more] = readFileSync(join(out, "min_budget_funding.csv"), "utf8").replace(/^\ufeff/, "").trim().split("\n");
    expect(head).toBe("year,source,source_name,source_kind,scaled_source,today_used_yuan,used_yuan,change_yuan");
    expect(more).toEqual([]);
    const [year, source, , kind, scaled, today, used, change] = row.split(",");
    expect([year, source, kind, scaled, used]).toEqual(["2021", "gov", "government", "true", "80000000"]);
    expect(Math.abs(Number(today) - 8e7)).toBeLessThanOrEqual(80);
    expect(Number(change)).toBe(Number(used) - Number(today));
  });

  it("writes the scenario's notices to run.json in English (warnings) and Chinese (warnings_zh), aligned", async () => {
    const dir = tmp();
    writeFileSync(join(dir, "spare.yaml"), "sources:\n  - {id: spare, kind: government}\n"); // pays for nothing: a notice
    const out = join(dir, "min");
    await minBudgetFolder(BUDGET, { selector: gov, from: null, region: null, solver: "auto", out, overlays: [join(dir, "spare.yaml")] });
    const runJson = JSON.parse(readFileSync(join(out, "run.json"), "utf8"));
    expect(runJson.warnings).toEqual([expect.stringMatching(/^source spare \(spare\) is named in no programme's shares/)]);
    expect(runJson.warnings_zh).toEqual([expect.stringMatching(/^资金来源spare（spare）未列入任何项目的出资比例（shares），不承担任何出资/)]);
  });

});
