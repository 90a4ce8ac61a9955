/**
 * Monte Carlo through the command line (`main(argv)`): byte-identical CSVs for any worker count
 * and for sharded-then-merged runs, --precision stopping, seeds, and bad flags refused before
 * anything is written.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { monteCarloSummary } from "../../src/cli/commands/plan.js";
import { integerPrograms } from "../../src/cli/commands/merge.js";

const TOY = "test/fixtures/mc/toy.yaml";
let tmp: string;
const dir = (name: string) => join(tmp, name);

async function run(...args: string[]): Promise<number> {
  return main(["node", "simulate", ...args, "--quiet"]);
}

function csvFiles(folder: string): string[] {
  return readdirSync(folder).filter((f) => f.endsWith(".csv")).sort();
}

function expectSameCsv(a: string, b: string): void {
  expect(csvFiles(b)).toEqual(csvFiles(a));
  for (const f of csvFiles(a)) expect(readFileSync(join(b, f)), f).toEqual(readFileSync(join(a, f)));
}

const runJson = (folder: string) => JSON.parse(readFileSync(join(folder, "run.json"), "utf8"));

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), "renewsim-mc-"));
  // 900 draws: enough for two worker threads (at least 200 evaluate draws each).
  expect(await run(TOY, "--draws", "900", "--workers", "1", "--save-draws", "--out", dir("one"))).toBe(0);
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("simulate --draws", () => {
  it("writes the Monte Carlo files and records the run", () => {
    expect(csvFiles(dir("one"))).toEqual([
      "budgets.csv", "capacity.csv", "diagnostics.csv", "draws.csv", "funding.csv", "mc_summary.csv", "plan.csv",
      "sensitivity.csv", "shadow_prices.csv", "targets.csv",
    ]);
    const header = (f: string) => readFileSync(join(dir("one"), f), "utf8").split("\n")[0].replace(/^\ufeff/, "");
    expect(header("targets.csv")).toMatch(/,met,marginal_cost_yuan_per_unit,marginal_cost_valid_from,marginal_cost_valid_to,p_met,p_met_se,p10,p50,p90$/);
    expect(header("mc_summary.csv")).toBe("metric,year,region,program,source,draws,mean,sd,p5,p10,p50,p90,p95");
    expect(header("sensitivity.csv")).toBe("input,output,spearman_rho,rank");
    expect(readFileSync(join(dir("one"), "draws.csv"), "utf8").trim().split("\n")).toHaveLength(901);
    expect(runJson(dir("one")).monte_carlo).toMatchObject({
      mode: "evaluate", seed: 7, seed_from: "uncertainty.seed", draws_requested: 900, draws_used: 900,
      precision: null, workers: 1, shard: null,
    });
  });

  it("gives byte-identical CSVs with 1 and 2 worker threads", async () => {
    expect(await run(TOY, "--draws", "900", "--workers", "2", "--save-draws", "--out", dir("two"))).toBe(0);
    expectSameCsv(dir("one"), dir("two"));
    expect(runJson(dir("two")).monte_carlo.workers).toBe(2);
  });

  it("gives byte-identical CSVs with 1 and 2 worker threads for whole units drawn unit by unit", async () => {
    const villages = "test/fixtures/mc/villages.yaml";
    expect(await run(villages, "--draws", "900", "--workers", "1", "--save-draws", "--out", dir("v-one"))).toBe(0);
    expect(await run(villages, "--draws", "900", "--workers", "2", "--save-draws", "--out", dir("v-two"))).toBe(0);
    expectSameCsv(dir("v-one"), dir("v-two"));
    // Whole villages in every draw (the binomial draws are not a no-op).
    const rows = readFileSync(join(dir("v-one"), "draws.csv"), "utf8").replace(/^\ufeff/, "").trim().split("\n");
    const column = rows[0].split(",").indexOf("target:v-6");
    const values = rows.slice(1).map((r) => Number(r.split(",")[column]));
    expect(values.every((v) => Number.isInteger(v))).toBe(true);
    expect(new Set(values).size).toBeGreaterThan(1);
  });

  it("lets --seed override uncertainty.seed, and changes the numbers", async () => {
    expect(await run(TOY, "--draws", "300", "--workers", "1", "--seed", "12345", "--out", dir("seeded"))).toBe(0);
    expect(runJson(dir("seeded")).monte_carlo).toMatchObject({ seed: 12345, seed_from: "--seed" });
    const summary = (f: string) => readFileSync(join(f, "mc_summary.csv"), "utf8");
    expect(summary(dir("seeded"))).not.toEqual(summary(dir("one")));
  });
});

describe("--shard k/n and simulate merge", () => {
  it("prints whole the P10–P90 of the programmes the merged folder's input.yaml plans whole", () => {
    const folder = mkdtempSync(join(tmpdir(), "renewsim-merge-int-"));
    expect(integerPrograms(folder)).toEqual(new Set()); // no input.yaml: none known whole
    writeFileSync(join(folder, "input.yaml"), "name: z\nprograms:\n  - {id: czc, integer: true}\n  - {id: lj}\n  - {id: town, integer: false}\n");
    expect(integerPrograms(folder)).toEqual(new Set(["czc"]));
    writeFileSync(join(folder, "input.yaml"), "name: z\nprograms:\n  - {id: czc, integer: 是}\n  - {id: town, integer: 否}\n");
    expect(integerPrograms(folder)).toEqual(new Set(["czc"])); // 是 is true, as the scenario reads it
    rmSync(folder, { recursive: true });
  });

  it("merges shards 1/3, 2/3, 3/3 (given in any order) into the unsharded run's CSVs", async () => {
    for (const k of [1, 2, 3]) {
      expect(await run(TOY, "--draws", "900", "--workers", "1", "--save-draws", "--shard", `${k}/3`, "--out", dir(`s${k}`))).toBe(0);
    }
    const shard = JSON.parse(readFileSync(join(dir("s2"), "shard.json"), "utf8"));
    expect(shard).toMatchObject({ seed: 7, mode: "evaluate", draws_total: 900, shard: { k: 2, n: 3 }, range: [300, 600] });
    expect(shard.scenario.hash).toBe(runJson(dir("one")).scenario.hash);
    expect(existsSync(join(dir("s2"), "mc_summary.csv"))).toBe(false);
    expect(await run("merge", dir("s3"), dir("s1"), dir("s2"), "--out", dir("merged"))).toBe(0);
    expectSameCsv(dir("one"), dir("merged"));
    expect(runJson(dir("merged")).monte_carlo).toMatchObject({ draws_used: 900, shard: null, seed: 7 });
    expect(runJson(dir("merged")).monte_carlo.merged_from.map((m: { shard: string }) => m.shard)).toEqual(["1/3", "2/3", "3/3"]);
    // The office files are made again from the merged tables: the workbook is the unsharded run's.
    expect(readFileSync(join(dir("merged"), "results.xlsx")).equals(readFileSync(join(dir("one"), "results.xlsx")))).toBe(true);
    expect(readFileSync(join(dir("merged"), "report.html"), "utf8")).toContain("合并的蒙特卡洛分片");
    expect(await run("merge", dir("s1"), dir("s2"), dir("s3"), "--out", dir("merged-lean"), "--no-xlsx")).toBe(0);
    expect(existsSync(join(dir("merged-lean"), "results.xlsx"))).toBe(false);
  });

  it("refuses shards that do not belong together, writing nothing", async () => {
    expect(await run(TOY, "--draws", "900", "--workers", "1", "--seed", "8", "--shard", "3/3", "--out", dir("other-seed"))).toBe(0);
    const cases = [
      [dir("s1"), dir("s2")], // 3/3 missing
      [dir("s1"), dir("s2"), dir("s2"), dir("s3")], // 2/3 twice
      [dir("s1"), dir("s2"), dir("other-seed")], // another seed
      [dir("s1"), dir("one")], // not a shard
    ];
    for (const [i, dirs] of cases.entries()) {
      expect(await run("merge", ...dirs, "--out", dir(`bad-merge-${i}`))).toBe(2);
      expect(existsSync(dir(`bad-merge-${i}`))).toBe(false);
    }
  });
});

describe("--precision", () => {
  it("stops at the same draw count for 1 and 2 workers and records it", async () => {
    // a-50 has P ≈ 0.5: an Agresti–Coull standard error ≤ 0.012 needs n + 4 ≥ 1736 → 2 batches of 1000.
    for (const w of ["1", "2"]) {
      expect(await run(TOY, "--precision", "0.012", "--workers", w, "--out", dir(`precise-${w}`))).toBe(0);
    }
    const mc = runJson(dir("precise-1")).monte_carlo;
    expect(mc).toMatchObject({ precision: 0.012, precision_reached: true, draws_requested: null, draws_used: 2000 });
    expect(mc.precision_short).toBeUndefined();
    expect(runJson(dir("precise-2")).monte_carlo.draws_used).toBe(2000);
    expectSameCsv(dir("precise-1"), dir("precise-2"));
    const targets = readFileSync(join(dir("precise-1"), "targets.csv"), "utf8").trim().split("\n").slice(1);
    for (const row of targets) expect(Number(row.split(",").at(-4))).toBeLessThanOrEqual(0.012); // p_met_se
  });

  it("says when the --draws cap stopped the run short of the precision, and which P(met) is furthest from it", async () => {
    // 1,000 draws leave a-50's standard error near 0.016: an analyst read "stopped at standard error
    // ≤ 0.012" from such a run and quoted that precision.
    expect(await run(TOY, "--precision", "0.012", "--draws", "1000", "--workers", "1", "--out", dir("capped"))).toBe(0);
    const json = runJson(dir("capped"));
    expect(json.monte_carlo).toMatchObject({ precision: 0.012, precision_reached: false, draws_used: 1000, precision_short: { target: "a-50" } });
    expect(json.monte_carlo.precision_short.se).toBeGreaterThan(0.012);
    expect(json.warnings.join("\n")).toMatch(/--precision 0\.012 was not reached: the --draws cap of 1,000 stopped the run first/);
    expect(json.warnings_zh.join("\n")).toContain("未达到 --precision 0.012");
    const line = monteCarloSummary(json.monte_carlo, null, undefined).split("\n")[0];
    expect(line).toContain("short of standard error ≤ 0.012");
    expect(line).not.toContain("stopped at standard error");
  });

  it("also waits for P(all targets met)'s standard error where the targets' own are small enough", async () => {
    // Two independent targets each 85 % sure: each has an Agresti–Coull SE ≤ 0.0125 after 1,000
    // draws, but both together (72 %) do not, so the run takes a second batch.
    const sure = "test/fixtures/mc/joint-sure.yaml";
    const se = (met: number, n: number) => {
      const p = (met + 2) / (n + 4);
      return Math.sqrt((p * (1 - p)) / (n + 4));
    };
    expect(await run(sure, "--draws", "1000", "--workers", "1", "--out", dir("sure-1000"))).toBe(0);
    const first = runJson(dir("sure-1000")).monte_carlo.all_targets_met;
    const pMet = readFileSync(join(dir("sure-1000"), "targets.csv"), "utf8").trim().split("\n").slice(1).map((r) => Number(r.split(",").at(-5)));
    for (const p of pMet) expect(se(Math.round(p * 1000), 1000)).toBeLessThanOrEqual(0.0125);
    expect(se(first.met_draws, 1000)).toBeGreaterThan(0.0125);
    expect(await run(sure, "--precision", "0.0125", "--workers", "1", "--out", dir("sure-precise"))).toBe(0);
    const mc = runJson(dir("sure-precise")).monte_carlo;
    expect(mc.draws_used).toBe(2000);
    expect(se(mc.all_targets_met.met_draws, 2000)).toBeLessThanOrEqual(0.0125);
  });
});

describe("bad Monte Carlo flags", () => {
  const cases = [
    ["--draws", "0"],
    ["--draws", "-5"],
    ["--draws", "2.5"],
    ["--draws", "many"],
    ["--precision", "2"],
    ["--precision", "0"],
    ["--draws", "10", "--mode", "x"],
    ["--draws", "10", "--shard", "3/2"],
    ["--draws", "10", "--shard", "0/2"],
    ["--draws", "10", "--shard", "1-2"],
    ["--draws", "10", "--workers", "0"],
    ["--draws", "10", "--seed", "-1"],
    ["--precision", "0.01", "--shard", "1/2"],
    ["--shard", "1/2"],
    ["--mode", "reoptimize"],
    ["--save-draws"],
  ];
  it.each(cases)("%s %s … exits 2 and writes nothing", async (...args: string[]) => {
    const out = dir(`bad-${args.join("_").replace(/[^\w.-]/g, "")}`);
    expect(await run(TOY, ...args, "--out", out)).toBe(2);
    expect(existsSync(out)).toBe(false);
  });
});
