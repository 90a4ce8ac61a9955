import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { planSummary } from "../../src/cli/summary.js";
import { wholeUnitTargetsReplanned } from "../../src/montecarlo/replanWholeUnits.js";
import { simulate } from "../../src/pipeline.js";
import { program, region, scenario, source, target, tree } from "../helpers/scenario.js";
import { tempDirs } from "../helpers/tempDirs.js";

const REPLAN = "test/fixtures/mc/replan.yaml";
const tmp = tempDirs("replan-whole");

describe("--mode replan on whole units: its annual re-plans are LP relaxations", () => {
  it("picks the targets of whole-unit programmes that count a year the annual plans decide", () => {
    const leaves = [{ region: "town", stock: 10, householdsPerUnit: 200, unitCost: 1_000_000 }];
    const shares = { gov: { min: 0, max: 1, capPerHousehold: null } };
    const at = (id: string, p: string, metric: "started" | "completed" | "households_started", by: number) =>
      target({ id, program: p, region: "town", metric, by, atLeast: 1 });
    const s = scenario({
      horizon: { start: 2021, end: 2023 },
      regions: tree([region("town")]),
      programs: [program({ id: "towns", integer: true, spendProfile: [0.6, 0.4], leaves, shares }), program({ id: "streets", leaves, shares })],
      sources: [source({ id: "gov", kind: "government" })],
      targets: [
        at("first-year", "towns", "started", 2021), // year 0 executes the plan as solved, whole
        at("later", "towns", "started", 2023),
        at("households", "towns", "households_started", 2022),
        at("completed-early", "towns", "completed", 2022), // completes units started in 2021 only
        at("completed-late", "towns", "completed", 2023),
        at("continuous", "streets", "started", 2023),
      ],
    });
    expect(wholeUnitTargetsReplanned(s).map((t) => t.id)).toEqual(["later", "households", "completed-late"]);
    // Years the actuals close execute their records: a target of those years is not re-planned.
    const closed = { ...s, asOf: { text: "2022", firstOpenYear: 2023, current: null } };
    expect(wholeUnitTargetsReplanned(closed).map((t) => t.id)).toEqual(["later"]);
  });

  it("warns in the terminal's warnings and run.json (both languages) under --mode replan, not under evaluate", async () => {
    const dir = tmp();
    const whole = join(dir, "whole.yaml");
    writeFileSync(whole, "programs:\n  - {id: retrofit, integer: true}\n");
    const replan = await simulate(REPLAN, { dryRun: true, overlays: [whole], monteCarlo: { mode: "replan", draws: 4, workers: 1 } });
    const warned = replan.runJson.warnings.filter((w) => w.includes("LP relaxations"));
    expect(warned).toEqual([
      "--mode replan: the annual re-plans are LP relaxations, so they start fractions of whole units (retrofit: integer: true) and the P(met) of " +
        "started-80, a-started-30, completed-20 under replan is understated; --mode evaluate gives the P(met) of the fixed whole-unit plan",
    ]);
    expect(planSummary(replan)).toContain(`warning: ${warned[0]}`);
    const zh = replan.runJson.warnings_zh[replan.runJson.warnings.indexOf(warned[0])];
    expect(zh).toContain("逐年重新规划求解的是线性松弛");
    expect(zh).toContain("--mode evaluate");
    const evaluate = await simulate(REPLAN, { dryRun: true, overlays: [whole], monteCarlo: { mode: "evaluate", draws: 4, workers: 1 } });
    expect(evaluate.runJson.warnings.some((w) => w.includes("LP relaxations"))).toBe(false);
    // Continuous programmes: the relaxation is the plan itself, nothing to warn of.
    const continuous = await simulate(REPLAN, { dryRun: true, monteCarlo: { mode: "replan", draws: 4, workers: 1 } });
    expect(continuous.runJson.warnings.some((w) => w.includes("LP relaxations"))).toBe(false);
  }, 120_000);
});
