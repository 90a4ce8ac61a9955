/**
 * P(all targets met), run.json's monte_carlo.all_targets_met: the share of draws in which every
 * target is met, by each target's own met rule. Checked against the per-draw data (draws.csv), against
 * the closed form of two independent targets (test/fixtures/mc/joint.yaml: 0.5 × 0.625) within three
 * standard errors, and for being the same for any --workers or --shard split and merge.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { allTargetsMet, precisionCounts } from "../../src/montecarlo/tables.js";
import type { MetricLayout } from "../../src/montecarlo/metrics.js";
import { MET_TOLERANCE } from "../../src/results/numbers.js";
import { createShard } from "../../src/stats/outcomes.js";

const JOINT = "test/fixtures/mc/joint.yaml";
let tmp: string;
const dir = (name: string) => join(tmp, name);
const run = (...args: string[]) => main(["node", "simulate", JOINT, ...args, "--quiet", "--no-xlsx"]);
const runJson = (folder: string) => JSON.parse(readFileSync(join(folder, "run.json"), "utf8"));

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), "renewsim-joint-"));
  expect(await run("--draws", "2000", "--workers", "1", "--save-draws", "--out", dir("one"))).toBe(0);
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("P(all targets met)", () => {
  it("counts the draws of draws.csv that meet both targets, and matches 0.5 × 0.625 within three standard errors", () => {
    const all = runJson(dir("one")).monte_carlo.all_targets_met;
    const [head, ...rows] = readFileSync(join(dir("one"), "draws.csv"), "utf8").replace(/^\uFEFF/, "").trimEnd().split("\n");
    const column = (name: string) => head.split(",").indexOf(name);
    const [a, b] = [column("target:a-50"), column("target:b-45")];
    const met = (x: number, atLeast: number) => atLeast - x <= MET_TOLERANCE * atLeast;
    const both = rows.map((r) => r.split(",").map(Number)).filter((r) => met(r[a], 50) && met(r[b], 45)).length;
    expect(all).toEqual({ p_met: both / 2000, p_met_se: expect.any(Number), met_draws: both, draws: 2000 });
    expect(all.p_met_se).toBeCloseTo(Math.sqrt((all.p_met * (1 - all.p_met)) / 2000), 6);
    const p = 0.5 * 0.625;
    expect(Math.abs(all.p_met - p)).toBeLessThan(3 * Math.sqrt((p * (1 - p)) / 2000));
    // Below each target's own P(met): the joint question has its own answer.
    const targets = readFileSync(join(dir("one"), "targets.csv"), "utf8");
    expect(targets).not.toMatch(/^all,/m); // run.json holds it; targets.csv stays one row per target
  });

  it("is the same for two workers and for shards merged", async () => {
    expect(await run("--draws", "2000", "--workers", "2", "--out", dir("two"))).toBe(0);
    for (const k of [1, 2]) expect(await run("--draws", "2000", "--workers", "1", "--shard", `${k}/2`, "--out", dir(`s${k}`))).toBe(0);
    expect(runJson(dir("s1")).monte_carlo.all_targets_met).toBeUndefined(); // a shard's statistics come from the merge
    expect(await main(["node", "simulate", "merge", dir("s2"), dir("s1"), "--out", dir("merged"), "--quiet", "--no-xlsx"])).toBe(0);
    const one = runJson(dir("one")).monte_carlo.all_targets_met;
    expect(one).toMatchObject({ draws: 2000, met_draws: expect.any(Number) });
    expect(runJson(dir("two")).monte_carlo.all_targets_met).toEqual(one);
    expect(runJson(dir("merged")).monte_carlo.all_targets_met).toEqual(one);
  });

  it("uses each target's met rule (within the plan's tolerance), and is null without targets", () => {
    const layout = { targets: [{ def: { name: "t|a" }, atLeast: 10 }, { def: { name: "t|b" }, atLeast: 5 }] } as unknown as MetricLayout;
    const shard = createShard(["t|a", "t|b"], [0, 1, 2, 3]);
    shard.values[0].set([10, 10 - 5e-6, 9.9, 12]); // met, met (tolerance 1e-5), missed, met
    shard.values[1].set([5, 4, 5, 6]);
    expect(allTargetsMet(layout, shard)).toEqual({ p_met: 0.5, p_met_se: 0.25, met_draws: 2, draws: 4 });
    expect(allTargetsMet({ targets: [] } as unknown as MetricLayout, shard)).toBeNull();
  });

  it("is one of the counts --precision stops on where there is more than one target", () => {
    const layout = { targets: [{ def: { name: "t|a" }, atLeast: 10 }, { def: { name: "t|b" }, atLeast: 5 }] } as unknown as MetricLayout;
    const shard = createShard(["t|a", "t|b"], [0, 1, 2, 3]);
    shard.values[0].set([10, 10, 9, 12]);
    shard.values[1].set([4, 5, 5, 6]);
    expect(precisionCounts(layout, shard)).toEqual([3, 3, 2]); // a, b, both
    // One target: P(all) is its P(met), counted once.
    expect(precisionCounts({ targets: layout.targets.slice(0, 1) } as MetricLayout, shard)).toEqual([3]);
  });
});
