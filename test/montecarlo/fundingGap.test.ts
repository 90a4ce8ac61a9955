/**
 * The Monte Carlo funding gap is money owed for work that started and not paid (docs/monte-carlo.md,
 * "Execution rules" 5–6): the money new starts lack is no gap once they are deferred — they never
 * started — and a unit deferred again and again is never counted. Closed-form fixtures in
 * test/fixtures/mc/gap-*.yaml, and a property over random one-leaf worlds run by the executor.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { simulate } from "../../src/pipeline.js";
import { Executor } from "../../src/montecarlo/execute.js";
import type { ExecBudget, ExecutionPlan } from "../../src/montecarlo/executionPlan.js";
import type { SampledCells, SampledWorld } from "../../src/montecarlo/types.js";
import { series } from "../../src/stats/outcomes.js";

async function draws(file: string, n: number) {
  const outcome = await simulate(file, { dryRun: true, monteCarlo: { mode: "evaluate", draws: n, workers: 1, saveDraws: true } });
  const mc = outcome.monteCarlo!;
  return { outcome, values: (metric: string) => series(mc.run.shard, metric) };
}

describe("Monte Carlo funding gap", () => {
  it("is 0 when every unit that started was paid in full and the rest were deferred (gap-deferred.yaml)", async () => {
    const { values } = await draws("test/fixtures/mc/gap-deferred.yaml", 20);
    // Starts as before the fix: 25 a year, on the 25万 that arrives.
    for (const x of values("target|t")) expect(x).toBeCloseTo(50, 9);
    for (const x of values("paid|gov|2021")) expect(x).toBeCloseTo(250_000, 6);
    for (const x of values("paid|gov|2022")) expect(x).toBeCloseTo(250_000, 6);
    // Was 25万 + 50万: the deferred units' money, the 25 of 2021 counted again in 2022.
    for (const k of ["gap|gov|2021", "gap|gov|2022", "gap_total"]) expect(Array.from(values(k))).toEqual(new Array(20).fill(0));
  });

  it("is the unpaid commitment of units started earlier, counted once, when deferring new starts cannot absorb it (gap-commitment.yaml)", async () => {
    const { outcome, values } = await draws("test/fixtures/mc/gap-commitment.yaml", 20);
    const started = (y: number) => outcome.tables.plan.find((r) => r.year === y && r.program === "p")!.units_started;
    expect([started(2021), started(2022)]).toEqual([50, 10]);
    for (const x of values("target|all")) expect(x).toBeCloseTo(50, 9); // the 10 of 2022 deferred past the horizon
    expect(Array.from(values("gap|gov|2021"))).toEqual(new Array(20).fill(0));
    // 2022: 25万 owed for 2021's 50 units, 15万 arrives (the 10 new starts' 5万 is no gap; it was 15万).
    for (const x of values("gap|gov|2022")) expect(x).toBeCloseTo(100_000, 6);
    expect(Array.from(values("gap|gov|2023"))).toEqual(new Array(20).fill(0));
    for (const x of values("gap_total")) expect(x).toBeCloseTo(100_000, 6);
  });

  it("is what the whole units that started lack: never negative, 0 when one unit more is deferred than the money lacks (gap-whole.yaml)", async () => {
    const { values } = await draws("test/fixtures/mc/gap-whole.yaml", 200);
    const started = values("target|t");
    const gap = values("gap_total");
    for (let k = 0; k < gap.length; k++) {
      expect(gap[k]).toBeGreaterThanOrEqual(0);
      // Each year 23.5万 arrives: 23 units start, paid with 0.5万 to spare (no gap), or 24 and 0.5万 lacking.
      expect(gap[k]).toBeCloseTo(5000 * (started[k] - 46), 6);
    }
    expect(new Set(started)).toEqual(new Set([46, 47, 48]));
  });
});

/**
 * One leaf-programme, one government source paying all of it, one budget a payment year: the gap
 * of a year is then exactly what the work that started owes beyond what the budget paid.
 */
describe("Monte Carlo funding gap over random one-leaf worlds", () => {
  const world = fc.record({
    H: fc.integer({ min: 1, max: 3 }),
    profile: fc.constantFrom<number[]>([1], [0.5, 0.5], [0.2, 0.5, 0.3]),
    whole: fc.boolean(),
    planned: fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 3, maxLength: 3 }),
    actual: fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 3, maxLength: 3 }),
    preCost: fc.array(fc.double({ min: 0, max: 2e5, noNaN: true }), { minLength: 5, maxLength: 5 }),
    budget: fc.array(fc.double({ min: 0, max: 4e5, noNaN: true }), { minLength: 5, maxLength: 5 }),
    factor: fc.array(fc.double({ min: 0, max: 1.2, noNaN: true }), { minLength: 5, maxLength: 5 }),
    costFactor: fc.array(fc.double({ min: 0.8, max: 1.5, noNaN: true }), { minLength: 3, maxLength: 3 }),
    consent: fc.double({ min: 0, max: 0.3, noNaN: true }),
    u: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
  });

  it("records per year max(0, cost of what started − paid): never negative, no more than what started owes, 0 when deferring absorbed the shortage", () => {
    fc.assert(
      fc.property(world, (w) => {
        const H = w.H;
        const Y = H + w.profile.length - 1;
        const unitCost = 1e4;
        const actual = w.actual.slice(0, H);
        const planned = w.planned.slice(0, H).map((p, y) => p + actual[y]);
        const budgets: ExecBudget[] = Array.from({ length: Y }, (_, y) => ({
          source: 0, region: "r", yearIndex: y, factorCell: y, amount: w.budget[y], leafPrograms: [0], next: -1,
        }));
        const plan: ExecutionPlan = {
          horizonYears: H,
          paymentYears: Array.from({ length: Y }, (_, y) => 2021 + y),
          sourceKinds: ["government"],
          leafPrograms: [{
            p: 0, l: 0, profile: w.profile, householdsPerUnit: 1, slotsPerUnit: 1, whole: w.whole,
            unitCost: new Array(H).fill(unitCost), planned, actual, fixed: new Array(H).fill(false),
            preCost: w.preCost.slice(0, Y), preActive: new Array(Y).fill(0), preCompleted: new Array(Y).fill(0),
            recordedPaid: new Array(Y).fill(null), shares: new Array(Y).fill(1),
          }],
          budgets,
          capacity: [],
        };
        const sampledWorld: SampledWorld = {
          draw: 0,
          unitCostFactor: Float64Array.from(w.costFactor.slice(0, H)),
          budgetFactor: Float64Array.from(w.factor.slice(0, Y)),
          enterpriseShortfall: new Float64Array(Y),
          consentFailure: new Float64Array(H).fill(w.consent),
          slipProbability: new Float64Array(H),
          consentUniform: new Float64Array(H).fill(w.u),
          slipUniform: new Float64Array(H).fill(0.5),
          moneyUniform: new Float64Array(H).fill(w.u),
          inputValues: new Float64Array(0),
        };
        const none = (n: number) => new Uint8Array(n);
        const sampled: SampledCells = { unitCostFactor: none(H), budgetFactor: none(Y), enterpriseShortfall: none(Y), consentFailure: none(H), slipProbability: none(H) };
        const { starts, paid, gap } = new Executor(plan, 1, sampled).run(sampledWorld);
        for (let y = 0; y < Y; y++) {
          // What the work that started owes in year y: pre-horizon commitments, then each start's profile.
          let owed = w.preCost[y];
          for (let k = 0; k < w.profile.length; k++) {
            const t = y - k;
            if (t >= 0 && t < H) owed += w.profile[k] * unitCost * w.costFactor[t] * starts[t];
          }
          const tolerance = 1e-6 * Math.max(1, owed);
          expect(gap[y]).toBeGreaterThanOrEqual(0);
          expect(gap[y]).toBeLessThanOrEqual(owed + tolerance);
          expect(Math.abs(gap[y] - Math.max(0, owed - paid[y]))).toBeLessThanOrEqual(tolerance);
        }
      }),
      { numRuns: 300, seed: 20211 },
    );
  });
});

describe("Monte Carlo funding gap of several sources", () => {
  it("shares what deferring left among the sources in proportion to what each did not pay", () => {
    // 40 certain starts and 10 planned ones at 1万, paid 60 % by source 0 and 40 % by source 1.
    // Source 0's 30万 arrives at 50 % (15万 paid, 15万 not), source 1's 20万 at 50 % (10万, 10万).
    // 25万 lacking: the 10 uncertain starts are deferred (10万), 15万 is owed for the 40 certain
    // starts and not paid, split 15 : 10 → 9万 and 6万. (The old rule read 15万 and 10万.)
    const plan: ExecutionPlan = {
      horizonYears: 1,
      paymentYears: [2021],
      sourceKinds: ["government", "enterprise"],
      leafPrograms: [{
        p: 0, l: 0, profile: [1], householdsPerUnit: 1, slotsPerUnit: 1, whole: false,
        unitCost: [1e4], planned: [50], actual: [40], fixed: [false],
        preCost: [0], preActive: [0], preCompleted: [0], recordedPaid: [null], shares: [0.6, 0.4],
      }],
      budgets: [
        { source: 0, region: "r", yearIndex: 0, factorCell: 0, amount: 3e5, leafPrograms: [0], next: -1 },
        { source: 1, region: "r", yearIndex: 0, factorCell: 1, amount: 2e5, leafPrograms: [0], next: -1 },
      ],
      capacity: [],
    };
    const world: SampledWorld = {
      draw: 0,
      unitCostFactor: new Float64Array([1]),
      budgetFactor: new Float64Array([0.5, 0.5]),
      enterpriseShortfall: new Float64Array(2),
      consentFailure: new Float64Array(1),
      slipProbability: new Float64Array(1),
      consentUniform: new Float64Array(1).fill(0.5),
      slipUniform: new Float64Array(1).fill(0.5),
      moneyUniform: new Float64Array(1).fill(0.5),
      inputValues: new Float64Array(0),
    };
    const none = (n: number) => new Uint8Array(n);
    const sampled: SampledCells = { unitCostFactor: none(1), budgetFactor: none(2), enterpriseShortfall: none(2), consentFailure: none(1), slipProbability: none(1) };
    const { starts, paid, gap } = new Executor(plan, 1, sampled).run(world);
    expect(starts[0]).toBe(40);
    expect(Array.from(paid)).toEqual([150_000, 100_000]);
    expect(gap[0]).toBeCloseTo(90_000, 6);
    expect(gap[1]).toBeCloseTo(60_000, 6);
  });
});
