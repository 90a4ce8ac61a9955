/**
 * stress --draws: P(all targets met) per cut level (stress_summary.csv p_all_targets_met), counted
 * from each level's draws as plan counts it. test/fixtures/mc/joint.yaml's two targets are
 * independent: cutting b's budget by 20 % (8000万 for b-45's 4500万) leaves P(b-45) = (0.7 − 0.5625)/0.4,
 * so P(all) = 0.5 × 0.34375 there, and 0.5 × 0.625 uncut; at 60 % b-45 is planned short, so P(all) = 0.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { formatPercent } from "../../src/format/numbers.js";
import { stressFolder, type StressOutcome } from "../../src/finance/stressRun.js";
import { stressTable } from "../../src/finance/stressReport.js";
import { runContext } from "../../src/report/runContext.js";
import { stressCharts } from "../../src/report/stressCharts.js";
import { runMonteCarlo } from "../../src/montecarlo/monteCarlo.js";
import { MET_TOLERANCE } from "../../src/results/numbers.js";
import { series } from "../../src/stats/outcomes.js";

const JOINT = "test/fixtures/mc/joint.yaml";
const DRAWS = 2000;
let tmp: string;
let outcome: StressOutcome;

const csv = (file: string) => {
  const [head, ...rows] = readFileSync(join(outcome.outDir, file), "utf8").replace(/^\uFEFF/, "").trimEnd().split("\n");
  const columns = head.split(",");
  return { columns, rows: rows.map((r) => Object.fromEntries(r.split(",").map((v, j) => [columns[j], v]))) };
};

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), "renewsim-stress-mc-"));
  outcome = await stressFolder(JOINT, {
    cut: { selector: { kind: "government", ids: null }, levels: [0.2, 0.6], amounts: [] }, from: null, region: "b", solver: "auto",
    validation: { draws: DRAWS, workers: 1 }, out: join(tmp, "stress"), xlsx: false,
  });
}, 60_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("stress --draws: P(all targets met) per cut level", () => {
  it("is the share of the level's draws in which both targets are met, counted from the draws", async () => {
    const summary = csv("stress_summary.csv");
    expect(summary.columns.slice(-2)).toEqual(["p_all_targets_met", "p_all_targets_met_se"]);
    const seed = (outcome.runJson as unknown as { monte_carlo: { seed: number } }).monte_carlo.seed;
    for (const level of outcome.levels) {
      // The level's plan on the same draws (common random numbers), each draw checked by hand.
      const run = await runMonteCarlo(level.planned!.solution, outcome.loaded.uncertainty, { mode: "evaluate", draws: DRAWS, seed, workers: 1 });
      const columns = run.layout.targets.map((t) => ({ values: series(run.shard, t.def.name), atLeast: t.atLeast }));
      let both = 0;
      for (let k = 0; k < DRAWS; k++) if (columns.every((c) => c.atLeast - c.values[k] <= MET_TOLERANCE * c.atLeast)) both++;
      const row = summary.rows.find((r) => Number(r.cut) === level.cut)!;
      const p = both / DRAWS;
      expect(Number(row.p_all_targets_met)).toBe(p);
      expect(Number(row.p_all_targets_met_se)).toBeCloseTo(Math.sqrt((p * (1 - p)) / DRAWS), 6);
    }
  }, 60_000);

  it("at 0 % equals simulate --draws's run.json monte_carlo.all_targets_met (the 0 % level is the base plan)", async () => {
    const plan = join(tmp, "plan");
    expect(await main(["node", "simulate", JOINT, "--draws", String(DRAWS), "--workers", "1", "--out", plan, "--quiet", "--no-xlsx"])).toBe(0);
    const all = JSON.parse(readFileSync(join(plan, "run.json"), "utf8")).monte_carlo.all_targets_met;
    const base = csv("stress_summary.csv").rows.find((r) => Number(r.cut) === 0)!;
    expect([Number(base.p_all_targets_met), Number(base.p_all_targets_met_se)]).toEqual([all.p_met, all.p_met_se]);
  }, 60_000);

  it("matches the closed form within three standard errors, below each target's own P(met)", () => {
    const summary = csv("stress_summary.csv").rows;
    const targets = csv("stress.csv").rows;
    const closed = new Map([[0, 0.5 * 0.625], [0.2, 0.5 * 0.34375], [0.6, 0]]);
    for (const [cut, p] of closed) {
      const all = Number(summary.find((r) => Number(r.cut) === cut)!.p_all_targets_met);
      expect(Math.abs(all - p)).toBeLessThanOrEqual(3 * Math.sqrt((p * (1 - p)) / DRAWS));
      for (const t of targets.filter((r) => Number(r.cut) === cut)) expect(all).toBeLessThanOrEqual(Number(t.p_met));
    }
  });

  it("prints an 'all targets' row under the targets' P(met), with the 95 % bound where no draw met both", () => {
    const text = stressTable(outcome.levels, "stress", DRAWS);
    const row = text.split("\n").find((l) => l.startsWith("all targets"))!;
    const summary = csv("stress_summary.csv").rows;
    // Rounded as the workbook shows the value (0.2955 is 29.6 %: formatPercent).
    const pct = (cut: number) => formatPercent(Number(summary.find((r) => Number(r.cut) === cut)!.p_all_targets_met));
    expect(row).toMatch(new RegExp(`^all targets\\s+${pct(0)} ± [\\d.]+%\\s+${pct(0.2)} ± [\\d.]+%\\s+0\\.0% †$`));
    expect(text).toContain("† 0.0%: met in none of the 2,000 draws");
  });

  it("shows the row in report.html's P(met) table, and a line in its P(met)-by-level chart", () => {
    const html = readFileSync(join(outcome.outDir, "report.html"), "utf8");
    expect(html).toMatch(/All targets met/);
    const files = Object.fromEntries(["stress.csv", "stress_summary.csv", "run.json"].map((f) => [f, readFileSync(join(outcome.outDir, f), "utf8")]));
    const chart = stressCharts(runContext("stress", files)).find((c) => c.title.en === "P(met) by cut level")!;
    const line = (chart.option("en") as { series: { name: string; data: unknown[] }[] }).series.find((x) => x.name === "all targets met");
    const summary = csv("stress_summary.csv").rows;
    expect(line?.data).toEqual(summary.map((r) => Number(r.p_all_targets_met)));
  });
});
