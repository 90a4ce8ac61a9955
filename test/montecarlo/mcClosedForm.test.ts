/**
 * Monte Carlo against answers known in closed form (fixtures in test/fixtures/mc/): P(met) of the
 * toy scenario's targets within 3 standard errors, per-draw agreement with the rule that decides
 * them, a scenario without uncertainty reproducing the plan exactly, and re-optimisation mode.
 */
import { describe, expect, it } from "vitest";
import { simulate } from "../../src/pipeline.js";
import { MET_TOLERANCE } from "../../src/results/numbers.js";
import { series } from "../../src/stats/outcomes.js";

const TOY = "test/fixtures/mc/toy.yaml";
const CERTAIN = "test/fixtures/mc/certain.yaml";
const VILLAGES = "test/fixtures/mc/villages.yaml";

/** Met as the engine counts it: within the relative met tolerance (plans solve to ~1e-7). */
const met = (value: number, atLeast: number) => atLeast - value <= MET_TOLERANCE * atLeast;

/** P(Binomial(n, p) ≤ k), summed term by term. */
function binomialCdf(k: number, n: number, p: number): number {
  let sum = 0;
  for (let j = 0, c = 1; j <= k; j++, c = (c * (n - j + 1)) / j) sum += c * p ** j * (1 - p) ** (n - j);
  return sum;
}

async function monteCarlo(file: string, draws: number, mode: "evaluate" | "reoptimize" = "evaluate") {
  const outcome = await simulate(file, { dryRun: true, monteCarlo: { mode, draws, workers: 1, saveDraws: true } });
  const mc = outcome.monteCarlo!;
  const target = (id: string) => mc.tables!.targets.find((t) => t.target === id)!;
  const values = (metric: string) => series(mc.run.shard, metric);
  return { outcome, mc, target, values };
}

describe("Monte Carlo: closed-form P(met)", () => {
  it("reproduces P = (c − a)/(b − a) for a uniform cost factor and a uniform slip probability", async () => {
    const { target, mc } = await monteCarlo(TOY, 3000);
    expect(mc.info.draws_used).toBe(3000);
    const a = target("a-50"); // met iff U ~ uniform(0.8, 1.6) ≤ 1.2
    expect(a.p_met_se).toBeGreaterThan(0);
    expect(Math.abs(a.p_met - 0.5)).toBeLessThan(3 * a.p_met_se);
    const b = target("b-45"); // met iff p ~ uniform(0, 0.4) ≤ 0.1
    expect(Math.abs(b.p_met - 0.25)).toBeLessThan(3 * b.p_met_se);
    expect(target("b-50").p_met).toBe(0); // only when p ≤ 1e-6
  });

  it("loses whole villages: P(met) of the binomial number that fail consent or slip or lack money, whole numbers in every draw", async () => {
    const { target, values, outcome } = await monteCarlo(VILLAGES, 3000);
    const expected: [string, number][] = [["v-6", 0.95 ** 6], ["w-10", 0.9 ** 10], ["w-8", binomialCdf(2, 10, 0.1)], ["x-5", 0.925]];
    for (const [id, p] of expected) {
      const t = target(id);
      expect(Math.abs(t.p_met - p), id).toBeLessThan(3 * Math.sqrt((p * (1 - p)) / 3000));
    }
    for (const id of ["v-6", "w-10", "x-5"]) {
      for (const x of values(`target|${id}`)) expect(x).toBe(Math.round(x)); // whole villages
    }
    // Divisible units would lose 5 % of six villages in every draw: v-6 never met.
    expect(Math.min(...values("target|v-6"))).toBeGreaterThanOrEqual(3);
    // Short of money, a village is deferred whole, with the probability of the share it lacks.
    const x = values("target|x-5");
    expect(new Set(x)).toEqual(new Set([4, 5]));
    expect(outcome.runJson.status).toBe("optimal");
  });

  it("decides every draw by the closed-form rule (budget binds iff U > 1.2; slipped units do not start)", async () => {
    const { outcome, values } = await monteCarlo(TOY, 400);
    const planned = (leaf: string) => outcome.tables.plan.find((r) => r.region === leaf)!.units_started;
    const u = values("input|cost-a");
    const p = values("input|slip-b");
    const a = values("target|a-50");
    const b = values("target|b-45");
    for (let k = 0; k < u.length; k++) {
      expect(met(a[k], 50)).toBe(u[k] <= 1.2);
      expect(a[k]).toBeCloseTo(Math.min(planned("a"), 60 / u[k]), 6); // the 6000万 budget pays 60/U units
      expect(b[k]).toBeCloseTo(planned("b") * (1 - p[k]), 9);
    }
  });

  it("ranks each target's own input first in the tornado and writes one draws row per draw", async () => {
    const { mc } = await monteCarlo(TOY, 400);
    const first = (output: string) => mc.tables!.sensitivity.find((s) => s.output === output && s.rank === 1)!;
    expect(first("target:a-50").input).toBe("cost-a");
    expect(first("target:a-50").spearman_rho).toBeLessThan(-0.8);
    expect(first("target:b-45")).toMatchObject({ input: "slip-b", spearman_rho: -1 });
    // Units the budget cannot pay are deferred, never started: every unit that starts is paid in
    // full, so the gap never varies and nothing ranks in its tornado (cost-a was first while
    // deferred units counted).
    const gapRows = mc.tables!.sensitivity.filter((s) => s.output === "funding_gap_total");
    expect(gapRows.map((s) => s.rank)).toEqual([null, null]);
    expect(mc.tables!.draws!.every((d) => d.gap_total === 0)).toBe(true);
    expect(mc.tables!.draws!.map((d) => d.draw)).toEqual(Array.from({ length: 400 }, (_, i) => i));
    expect(mc.tables!.drawColumns).toEqual(["draw", "target:a-50", "target:b-45", "target:b-50", "gap_total", "input:cost-a", "input:slip-b"]);
  });

  it("gives P(met) exactly 1 or 0, as the plan's met, without uncertainty (funding mix changing by year)", async () => {
    const { outcome, mc, values } = await monteCarlo(CERTAIN, 20);
    expect(outcome.tables.targets.map((t) => t.met)).toEqual([true, true, false]);
    for (const t of mc.tables!.targets) {
      expect(t.p_met).toBe(t.met ? 1 : 0);
      expect(t.p_met_se).toBe(0);
      expect(values(`target|${t.target}`)[0]).toBeCloseTo(t.planned, 3);
      expect(t.p10).toBe(t.p90);
    }
    expect(Math.max(...values("gap_total"))).toBeLessThan(1); // yuan: every source pays what it planned
    expect(mc.info).toMatchObject({ seed: 11, seed_from: "seed", inputs: 0 });
    expect(outcome.runJson.warnings.join(" ")).toMatch(/no uncertain inputs/);
    expect(outcome.runJson.warnings_zh).toHaveLength(outcome.runJson.warnings.length);
    expect(outcome.runJson.warnings_zh).toContain("方案没有不确定输入：每次抽样都是在计划情形下执行方案");
  });

  it("re-optimises each draw: the budget caps starts at 60/U, slips are not applied", async () => {
    const { target, values } = await monteCarlo(TOY, 12, "reoptimize");
    const u = values("input|cost-a");
    const a = values("target|a-50");
    for (let k = 0; k < u.length; k++) expect(met(a[k], 50)).toBe(u[k] <= 1.2);
    expect(target("b-45").p_met).toBe(1);
  });

  it("re-optimises whole villages knowing which fail consent: 12 − Binomial(12, 0.1) can start in w", async () => {
    const draws = 600;
    const { target, values } = await monteCarlo(VILLAGES, draws, "reoptimize");
    // A stock of 12 × (1 − 0.1) = 10.8 villages would meet w-10 in every draw.
    for (const [id, p] of [["w-10", binomialCdf(2, 12, 0.1)], ["w-8", binomialCdf(4, 12, 0.1)]] as const) {
      expect(Math.abs(target(id).p_met - p), id).toBeLessThan(3 * Math.sqrt((p * (1 - p)) / draws));
    }
    for (const x of values("target|w-10")) expect(x).toBe(Math.round(x));
    expect(Math.min(...values("target|w-10"))).toBeLessThan(10);
    expect(target("v-6").p_met).toBe(1); // slips are not applied in a re-plan
    expect(target("x-5").p_met).toBe(0); // a budget under 5亿 starts 4 whole villages
  });

  it("re-optimises over recorded starts: only the villages still to start can fail consent", async () => {
    const draws = 600;
    const { target } = await monteCarlo("test/fixtures/mc/villages-recorded.yaml", draws, "reoptimize");
    // Failures drawn over all 12 villages emptied whole draws (no plan below the 11 recorded).
    expect(target("w-11").p_met).toBe(1);
    expect(target("v-3").p_met).toBe(1);
    expect(Math.abs(target("w-12").p_met - 0.9)).toBeLessThan(3 * Math.sqrt((0.9 * 0.1) / draws));
  });
});
