/**
 * Small random scenarios for property tests of the finance tools: one or two towns under a county,
 * one programme, government (county and town budgets), enterprise and resident money, optional
 * capacity, a started target and a households target (soft).
 */
import fc from "fast-check";
import type { Scenario } from "../../src/scenario/types.js";
import { program, region, scenario, source, target, tree } from "../helpers/scenario.js";

export const arbitraryScenario: fc.Arbitrary<Scenario> = fc
  .record({
    towns: fc.integer({ min: 1, max: 2 }),
    unitCost: fc.integer({ min: 50, max: 200 }).map((w) => w * 10_000),
    households: fc.integer({ min: 50, max: 200 }),
    stock: fc.integer({ min: 5, max: 30 }),
    twoYears: fc.boolean(),
    govTown: fc.array(fc.integer({ min: 0, max: 600 }), { minLength: 6, maxLength: 6 }),
    govCounty: fc.integer({ min: 0, max: 800 }),
    enterprise: fc.integer({ min: 0, max: 200 }),
    slots: fc.option(fc.integer({ min: 2, max: 30 }), { nil: null }),
    started: fc.integer({ min: 2, max: 40 }),
    hhShare: fc.double({ min: 0.1, max: 1, noNaN: true }),
    weight: fc.integer({ min: 1, max: 3 }),
  })
  .map((g) => {
    const towns = Array.from({ length: g.towns }, (_, i) => `town${i + 1}`);
    const years = [2021, 2022, 2023]; // 2023 is the tail year of two-year spend profiles
    return scenario({
      horizon: { start: 2021, end: 2022 },
      regions: tree([region("county"), ...towns.map((t) => region(t, "county"))]),
      programs: [
        program({
          id: "retrofit",
          spendProfile: g.twoYears ? [0.6, 0.4] : [1],
          leaves: towns.map((t, i) => ({ region: t, stock: g.stock + i * 3, householdsPerUnit: g.households + i * 20, unitCost: g.unitCost })),
          shares: {
            gov: { min: 0, max: 0.9, capPerHousehold: null },
            firms: { min: 0, max: 0.3, capPerHousehold: null },
            residents: { min: 0.02, max: 0.05, capPerHousehold: null },
          },
        }),
      ],
      sources: [
        source({
          id: "gov",
          kind: "government",
          budgets: [
            ...towns.flatMap((t, i) => years.map((year, k) => ({ region: t, year, amount: g.govTown[(i * 3 + k) % 6] * 10_000 }))),
            ...years.map((year) => ({ region: "county", year, amount: g.govCounty * 10_000 })),
          ],
        }),
        source({ id: "firms", kind: "enterprise", budgets: years.map((year) => ({ region: "county", year, amount: g.enterprise * 10_000 })) }),
        source({ id: "residents", kind: "resident" }),
      ],
      capacity: g.slots === null ? [] : [{ id: "crews", region: "county", programs: ["retrofit"], slots: { 2021: g.slots, 2022: g.slots } }],
      targets: [
        target({ id: "started", program: "retrofit", region: "county", atLeast: g.started }),
        target({
          id: "households",
          program: "retrofit",
          region: "town1",
          metric: "households_started",
          atLeast: Math.max(1, Math.round(g.stock * g.households * g.hhShare)),
          weight: g.weight,
        }),
      ],
    });
  });

export const arbitraryCuts = fc.uniqueArray(fc.integer({ min: 1, max: 100 }).map((p) => p / 100), { minLength: 1, maxLength: 4 });
