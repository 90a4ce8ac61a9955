/** fast-check generators of small, always-feasible scenarios (soft targets; zero starts fit). */
import fc from "fast-check";
import type { Scenario } from "../../src/scenario/types.js";
import { program, region, scenario, source, target, tree } from "./scenario.js";

/** 1–3 leaves under one root, 1–2 programmes, a government, an enterprise and residents. */
export const smallScenario: fc.Arbitrary<Scenario> = fc
  .record({
    leaves: fc.integer({ min: 1, max: 3 }),
    programs: fc.array(
      fc.record({
        cost: fc.integer({ min: 50, max: 500 }), // 万元
        hpu: fc.integer({ min: 20, max: 300 }),
        stock: fc.integer({ min: 0, max: 30 }),
        twoYears: fc.boolean(),
        // Shares in whole tenths of a percent, as planners write them.
        govMax: fc.integer({ min: 500, max: 1000 }).map((x) => x / 1000),
        entMax: fc.integer({ min: 0, max: 400 }).map((x) => x / 1000),
        resMin: fc.integer({ min: 0, max: 50 }).map((x) => x / 1000),
        cap: fc.option(fc.integer({ min: 1000, max: 20000 }), { nil: null }),
      }),
      { minLength: 1, maxLength: 2 },
    ),
    govBudget: fc.integer({ min: 0, max: 5000 }), // 万元 per year at the root
    entBudget: fc.integer({ min: 0, max: 2000 }),
    carryover: fc.boolean(),
    slots: fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }),
    targetShare: fc.integer({ min: 10, max: 100 }).map((x) => x / 100),
  })
  .map((g) => {
    const leafIds = Array.from({ length: g.leaves }, (_, i) => `l${i}`);
    const regions = tree([region("root"), ...leafIds.map((l) => region(l, "root"))]);
    const programs = g.programs.map((p, i) =>
      program({
        id: `p${i}`,
        spendProfile: p.twoYears ? [0.6, 0.4] : [1],
        leaves: leafIds.map((l) => ({ region: l, stock: p.stock, householdsPerUnit: p.hpu, unitCost: p.cost * 1e4 })),
        shares: {
          gov: { min: 0, max: p.govMax, capPerHousehold: null },
          ent: { min: 0, max: p.entMax, capPerHousehold: null },
          res: { min: p.resMin, max: 1, capPerHousehold: p.cap },
        },
      }),
    );
    const years = [2021, 2022, 2023];
    return scenario({
      horizon: { start: 2021, end: 2023 },
      regions,
      programs,
      sources: [
        source({ id: "gov", kind: "government", carryover: g.carryover, budgets: years.map((year) => ({ region: "root", year, amount: g.govBudget * 1e4 })) }),
        source({ id: "ent", kind: "enterprise", budgets: years.map((year) => ({ region: "root", year, amount: g.entBudget * 1e4 })) }),
        source({ id: "res", kind: "resident" }),
      ],
      capacity: g.slots === null ? [] : [{ id: "crews", region: "root", programs: programs.map((p) => p.id), slots: Object.fromEntries(years.map((y) => [y, g.slots!])) }],
      targets: programs.map((p) =>
        target({ id: `t-${p.id}`, program: p.id, region: "root", by: 2023, atLeast: Math.max(1, Math.round(g.targetShare * p.leaves.length * p.leaves[0].stock)) }),
      ),
    });
  });

