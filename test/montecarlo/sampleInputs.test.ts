import { describe, expect, it } from "vitest";
import { createSampler } from "../../src/montecarlo/sampleInputs.js";
import { sampleDraw } from "../helpers/sampleDraw.js";
import { checkUncertainty } from "../../src/montecarlo/uncertaintySchema.js";
import { plyIndex, slyIndex, snyIndex, type Uncertainty } from "../../src/montecarlo/types.js";
import type { Scenario } from "../../src/scenario/types.js";
import { fixtureScenario } from "./fixture.js";

const scenario = fixtureScenario();
function unc(raw: unknown, sc: Scenario = scenario): Uncertainty {
  const { value, problems } = checkUncertainty(raw, sc);
  if (!value) throw new Error(JSON.stringify(problems));
  return value;
}
const U = (min: number, max: number) => ({ type: "uniform", min, max });
const SEED = 20240501;

describe("layout and defaults", () => {
  it("with no inputs every factor is 1 and every share 0", () => {
    const sampler = createSampler(unc(undefined), scenario);
    expect(sampler.layout).toMatchObject({
      programs: ["retrofit", "village"],
      sources: ["central", "city", "ent", "residents"],
      leaves: ["gz-a", "gz-b", "sz"],
      nodes: ["gd", "gz", "gz-a", "gz-b", "sz", "towns"],
      years: [2021, 2022, 2023, 2024, 2025],
      paymentYears: [2021, 2022, 2023, 2024, 2025, 2026], // retrofit is paid over two years
    });
    const w = sampler.sampleInto(sampler.newWorld(), SEED, 3);
    expect(w.draw).toBe(3);
    expect(w.unitCostFactor.length).toBe(2 * 3 * 5);
    expect(w.budgetFactor.length).toBe(4 * 6 * 6); // money cells span the payment years
    expect(w.enterpriseShortfall.length).toBe(4 * 3 * 6);
    expect([...w.unitCostFactor, ...w.budgetFactor].every((x) => x === 1)).toBe(true);
    expect([...w.enterpriseShortfall, ...w.consentFailure, ...w.slipProbability].every((x) => x === 0)).toBe(true);
  });
});

describe("granularity and filters", () => {
  const u = unc({
    inputs: [
      { id: "cost", applies_to: "unit_cost", program: "retrofit", dist: U(0.9, 1.6) },
      { id: "consent", applies_to: "consent_failure", region: "towns", per: "region_year", dist: U(0, 0.1) },
      { id: "slip", applies_to: "slip", per: "year", dist: U(0, 0.2) },
      { id: "central", applies_to: "budget", source: "central", per: "year", dist: U(0.7, 1) },
      { id: "city", applies_to: "budget", source: "city", per: "region", dist: U(0.5, 1) },
      { id: "ent", applies_to: "enterprise_shortfall", per: "region", dist: U(0, 0.3) },
    ],
  });
  const sampler = createSampler(u, scenario);
  const L = sampler.layout;
  const w = sampler.sampleInto(sampler.newWorld(), SEED, 11);
  const ply = (p: string, l: string, y: number) => plyIndex(L, L.programs.indexOf(p), L.leaves.indexOf(l), y - 2021);
  const sny = (s: string, n: string, y: number) => snyIndex(L, L.sources.indexOf(s), L.nodes.indexOf(n), y - 2021);
  const sly = (s: string, l: string, y: number) => slyIndex(L, L.sources.indexOf(s), L.leaves.indexOf(l), y - 2021);

  it("per draw: one value for every covered cell, others untouched", () => {
    const v = w.unitCostFactor[ply("retrofit", "gz-a", 2021)];
    expect(v).toBeGreaterThan(0.9);
    for (const l of L.leaves) for (const y of L.years) expect(w.unitCostFactor[ply("retrofit", l, y)]).toBe(v);
    for (const y of L.years) expect(w.unitCostFactor[ply("village", "gz-a", y)]).toBe(1);
    expect(w.inputValues[0]).toBe(v);
  });

  it("per region-year within a group filter: independent cells, leaves outside the group untouched", () => {
    const values = new Set<number>();
    for (const l of ["gz-b", "sz"]) for (const y of L.years) values.add(w.consentFailure[ply("retrofit", l, y)]);
    expect(values.size).toBe(10);
    for (const y of L.years) expect(w.consentFailure[ply("retrofit", "gz-a", y)]).toBe(0);
    // village exists only in gz-a, outside the group
    for (const y of L.years) expect(w.consentFailure[ply("village", "gz-a", y)]).toBe(0);
    const mean = [...values].reduce((a, b) => a + b, 0) / values.size;
    expect(w.inputValues[1]).toBeCloseTo(mean, 14);
  });

  it("per year: shared by all leaves and programmes within a year", () => {
    for (const y of L.years) {
      const v = w.slipProbability[ply("retrofit", "gz-a", y)];
      for (const l of L.leaves) expect(w.slipProbability[ply("retrofit", l, y)]).toBe(v);
      expect(w.slipProbability[ply("village", "gz-a", y)]).toBe(v);
    }
    expect(w.slipProbability[ply("retrofit", "sz", 2021)]).not.toBe(w.slipProbability[ply("retrofit", "sz", 2022)]);
  });

  it("budgets: only cells with a budget are touched, per budget node for per-region inputs", () => {
    for (const y of L.years) expect(w.budgetFactor[sny("central", "gd", y)]).toBeLessThan(1);
    expect(w.budgetFactor[sny("central", "gz", 2021)]).toBe(1); // central has no budget at gz
    const gz = w.budgetFactor[sny("city", "gz", 2021)];
    for (const y of L.years) expect(w.budgetFactor[sny("city", "gz", y)]).toBe(gz);
    expect(w.budgetFactor[sny("city", "sz", 2021)]).not.toBe(gz);
    expect(w.budgetFactor[sny("city", "sz", 2025)]).toBe(1); // no city budget in sz for 2025
    expect(w.budgetFactor[sny("city", "gz-b", 2023)]).toBeLessThan(1); // a 0 budget scales to 0, harmless
  });

  it("draws the horizon's money cells as before the tail years had cells (values pinned from that code)", () => {
    // Seed 20240501, draw 11, recorded with the sampler whose money cells stopped at 2025.
    expect([2021, 2023, 2025].map((y) => w.budgetFactor[sny("central", "gd", y)])).toEqual([0.9293875969584129, 0.938348279992195, 0.924962036191055]);
    expect(w.budgetFactor[sny("city", "sz", 2022)]).toBe(0.7963887098683866);
    expect(w.enterpriseShortfall[sly("ent", "gz-a", 2024)]).toBe(0.23468125758577588);
  });

  it("keeps a value-mode budget input to the horizon: one distribution in yuan does not fit a tail year's budget", () => {
    const withTail = fixtureScenario();
    withTail.sources[0].budgets.push({ region: "gd", year: 2026, amount: 1e8 });
    const valued = unc({ inputs: [{ id: "central", applies_to: "budget", source: "central", mode: "value", dist: U(9e8, 11e8) }] }, withTail);
    const tail = createSampler(valued, withTail);
    const world = tail.sampleInto(tail.newWorld(), SEED, 3);
    expect(world.budgetFactor[sny("central", "gd", 2025)]).toBeGreaterThan(0.9); // 9亿–11亿 for 10亿
    expect(world.budgetFactor[sny("central", "gd", 2026)]).toBe(1); // not replaced by a horizon-sized amount
    // A tail budget of 0 does not make the value input invalid.
    withTail.sources[0].budgets[withTail.sources[0].budgets.length - 1].amount = 0;
    expect(() => unc({ inputs: [{ id: "central", applies_to: "budget", source: "central", mode: "value", dist: U(9e8, 11e8) }] }, withTail)).not.toThrow();
  });

  it("draws the tail years' money too: a budget in 2026, when units started in 2025 are still paid for", () => {
    const withTail = fixtureScenario();
    withTail.sources[0].budgets.push({ region: "gd", year: 2026, amount: 5e8 });
    const tail = createSampler(u, withTail);
    const world = tail.sampleInto(tail.newWorld(), SEED, 11);
    const central2026 = world.budgetFactor[sny("central", "gd", 2026)];
    expect(tail.sampled.budgetFactor[sny("central", "gd", 2026)]).toBe(1);
    expect(central2026).toBeLessThan(1); // drawn from U(0.7, 1), per year: its own value
    expect(central2026).not.toBe(world.budgetFactor[sny("central", "gd", 2025)]);
    // The horizon's cells keep their values: the tail year adds a stream, it moves none.
    for (const y of L.years) expect(world.budgetFactor[sny("central", "gd", y)]).toBe(w.budgetFactor[sny("central", "gd", y)]);
    expect(world.enterpriseShortfall[sly("ent", "sz", 2026)]).toBe(w.enterpriseShortfall[sly("ent", "sz", 2025)]); // per region: one value for all years
  });

  it("enterprise shortfall defaults to enterprise sources, on leaves they fund", () => {
    for (const l of L.leaves) expect(w.enterpriseShortfall[sly("ent", l, 2023)]).toBeGreaterThan(0);
    for (const s of ["central", "city", "residents"]) expect(w.enterpriseShortfall[sly(s, "gz-a", 2023)]).toBe(0);
  });

  it("marks the cells inputs set, and every cell a draw changes is among them", () => {
    const { sampled } = sampler;
    const count = (mask: Uint8Array) => mask.reduce((a, b) => a + b, 0);
    expect(count(sampled.consentFailure)).toBe(2 * 5); // retrofit in gz-b and sz, every year
    expect(count(sampled.enterpriseShortfall)).toBe(3 * 6); // ent, every leaf and payment year (the tail's 2026 too)
    expect(sampled.enterpriseShortfall[sly("ent", "sz", 2021)]).toBe(1);
    expect(sampled.consentFailure[ply("retrofit", "gz-a", 2021)]).toBe(0);
    expect(sampled.budgetFactor[sny("city", "sz", 2025)]).toBe(0);
    for (let d = 0; d < 5; d++) {
      const world = sampler.sampleInto(sampler.newWorld(), SEED, d);
      for (const array of ["unitCostFactor", "budgetFactor", "enterpriseShortfall", "consentFailure", "slipProbability"] as const) {
        const unchanged = array === "unitCostFactor" || array === "budgetFactor" ? 1 : 0;
        // The layout's cells (the sampler keeps the drawn values past them: scatter.ts).
        world[array].subarray(0, sampled[array].length).forEach((x, k) => expect(x === unchanged || sampled[array][k] === 1).toBe(true));
      }
    }
  });
});

describe("combining inputs", () => {
  it("factors multiply; a value input is applied first and factors scale it", () => {
    const u = unc({
      inputs: [
        { id: "all", applies_to: "unit_cost", dist: U(0.9, 1.1) },
        { id: "retro", applies_to: "unit_cost", program: "retrofit", dist: U(1, 1.5) },
        { id: "sz-price", applies_to: "unit_cost", program: "retrofit", region: "sz", mode: "value", dist: U(5e6, 8e6) },
      ],
    });
    const s = createSampler(u, scenario);
    const L = s.layout;
    const w = s.sampleInto(s.newWorld(), SEED, 0);
    const [all, retro, price] = w.inputValues;
    expect(w.unitCostFactor[plyIndex(L, 0, 0, 0)]).toBeCloseTo(all * retro, 15);
    expect(w.unitCostFactor[plyIndex(L, 1, 0, 0)]).toBe(all);
    // value mode becomes a factor on the scenario's unit cost (6e6 in sz), then factors apply
    expect(w.unitCostFactor[plyIndex(L, 0, 2, 4)] * 6e6).toBeCloseTo(price * all * retro, 6);
  });
});

describe("reproducibility", () => {
  const raw = {
    inputs: [
      { id: "cost", applies_to: "unit_cost", dist: { type: "pert", min: 0.9, mode: 1, max: 1.6 } },
      { id: "consent", applies_to: "consent_failure", per: "region_year", dist: U(0, 0.1) },
      { id: "central", applies_to: "budget", source: "central", per: "year", dist: { type: "triangular", min: 0.7, mode: 0.95, max: 1 } },
    ],
    correlations: [{ between: ["cost", "central"], rho: -0.5 }],
  };
  const base = unc(raw);

  it("does not depend on the order of inputs or correlations in the file", () => {
    const reordered = unc({ inputs: [...raw.inputs].reverse(), correlations: [{ between: ["central", "cost"], rho: -0.5 }] });
    for (const draw of [0, 1, 99]) {
      const a = sampleDraw(base, scenario, SEED, draw);
      const b = sampleDraw(reordered, scenario, SEED, draw);
      expect(b.unitCostFactor).toEqual(a.unitCostFactor);
      expect(b.budgetFactor).toEqual(a.budgetFactor);
      expect(b.consentFailure).toEqual(a.consentFailure);
      expect([...b.inputValues].reverse()).toEqual([...a.inputValues]);
    }
  });

  it("does not depend on which draws a worker computes or in what order", () => {
    const one = Array.from({ length: 60 }, (_, d) => sampleDraw(base, scenario, SEED, d).consentFailure);
    const sampler = createSampler(base, scenario);
    const world = sampler.newWorld();
    for (const d of [59, 3, 17, 0, 42, 30, 31]) {
      expect(sampler.sampleInto(world, SEED, d).consentFailure).toEqual(one[d]);
    }
  });

  it("shares numbers with another scenario for the inputs both have (paired comparison)", () => {
    const bigger = fixtureScenario();
    bigger.regions[0].leaves.push("hz");
    bigger.regions.push({ id: "hz", name: "hz", parent: "gd", children: [], leaves: ["hz"], isLeaf: true, isGroup: false });
    bigger.programs[0].leaves.push({ region: "hz", stock: 10, householdsPerUnit: 100, unitCost: 3e6 });
    const other = unc({ inputs: [{ id: "extra", applies_to: "slip", dist: U(0, 0.3) }, raw.inputs[1]] }, bigger);
    const a = sampleDraw(base, scenario, SEED, 5);
    const b = sampleDraw(other, bigger, SEED, 5);
    const La = createSampler(base, scenario).layout;
    const Lb = createSampler(other, bigger).layout;
    for (const leaf of La.leaves) {
      for (let y = 0; y < 5; y++) {
        expect(b.consentFailure[plyIndex(Lb, 0, Lb.leaves.indexOf(leaf), y)]).toBe(a.consentFailure[plyIndex(La, 0, La.leaves.indexOf(leaf), y)]);
      }
    }
  });

  it("a different seed gives different numbers", () => {
    expect(sampleDraw(base, scenario, SEED + 1, 0).consentFailure).not.toEqual(sampleDraw(base, scenario, SEED, 0).consentFailure);
  });

  it("the first input of a correlated group keeps its uncorrelated numbers", () => {
    const plain = unc({ inputs: raw.inputs });
    for (const d of [0, 1, 2]) expect(sampleDraw(base, scenario, SEED, d).inputValues[0]).toBe(sampleDraw(plain, scenario, SEED, d).inputValues[0]);
  });
});
