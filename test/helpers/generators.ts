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


/**
 * A province of 1–3 cities of 1–2 leaves each and a region group across cities (county towns, when
 * any leaf is in it), as `provinceScenario` and `paidScenario` plan and pay them.
 */
function provinceRegions(cities: readonly number[], towns: readonly boolean[]): { regions: Scenario["regions"]; leaves: string[]; groups: string[] } {
  const leaves = cities.flatMap((n, c) => Array.from({ length: n }, (_, k) => `c${c}l${k}`));
  const regions = tree([region("root"), ...cities.map((_, c) => region(`c${c}`, "root")), ...leaves.map((l) => region(l, l.slice(0, l.indexOf("l"))))]);
  const inTowns = leaves.filter((_, k) => towns[k]);
  if (inTowns.length > 0) regions.push({ id: "towns", name: "towns", parent: null, children: [], leaves: inTowns, isLeaf: false, isGroup: true });
  return { regions, leaves, groups: ["root", ...cities.map((_, c) => `c${c}`), ...(inTowns.length > 0 ? ["towns"] : [])] };
}

/**
 * Budgets of one source at two levels and across them: a government with budgets at the province,
 * each city and a region group across cities (county towns), carrying over or not; an enterprise with
 * the province's; residents. Payments split across sources and budgets spent to the yuan leave
 * fractions of a fen everywhere (min-budget's λ adds more).
 */
export const provinceScenario: fc.Arbitrary<Scenario> = fc
  .record({
    cities: fc.array(fc.integer({ min: 1, max: 2 }), { minLength: 1, maxLength: 3 }),
    towns: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
    cost: fc.integer({ min: 50, max: 500 }), // 万元
    stock: fc.integer({ min: 1, max: 20 }),
    twoYears: fc.boolean(),
    govMax: fc.integer({ min: 600, max: 1000 }).map((x) => x / 1000),
    budgets: fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: 9, maxLength: 9 }), // 万元: province, cities, towns
    entBudget: fc.integer({ min: 0, max: 2000 }),
    carryover: fc.boolean(),
    targetShare: fc.integer({ min: 10, max: 100 }).map((x) => x / 100),
  })
  .map((g) => {
    const { regions, leaves, groups } = provinceRegions(g.cities, g.towns);
    const years = [2021, 2022, 2023];
    const p = program({
      id: "p0",
      spendProfile: g.twoYears ? [0.6, 0.4] : [1],
      leaves: leaves.map((l) => ({ region: l, stock: g.stock, householdsPerUnit: 1, unitCost: g.cost * 1e4 })),
      // Residents pay a tenth at most: the government's budgets (and the enterprise's) pay the rest.
      shares: { gov: { min: 0, max: g.govMax, capPerHousehold: null }, ent: { min: 0, max: 0.3, capPerHousehold: null }, res: { min: 0.05, max: 0.1, capPerHousehold: null } },
    });
    return scenario({
      horizon: { start: 2021, end: 2023 },
      regions,
      programs: [p],
      sources: [
        source({ id: "gov", kind: "government", carryover: g.carryover, budgets: groups.flatMap((r, k) => years.map((year, y) => ({ region: r, year, amount: g.budgets[(k + y) % 9] * 1e4 }))) }),
        source({ id: "ent", kind: "enterprise", budgets: years.map((year) => ({ region: "root", year, amount: g.entBudget * 1e4 })) }),
        source({ id: "res", kind: "resident" }),
      ],
      targets: [target({ id: "t", program: "p0", region: "root", by: 2023, atLeast: Math.max(1, Math.round(g.targetShare * leaves.length * g.stock)) })],
    });
  });

/** Fractions of a fen a plan's payments end in: thirds and tenths of costs, halves, near-whole solver noise. */
const FEN_FRACTIONS = [0, 0.25, 0.5, 0.75, 1 / 3, 2 / 3, 0.4, 0.6, 0.992, 0.008, 0.504, 0.496];

/**
 * provinceScenario's regions and sources with what a plan pays each leaf, programme, year and source
 * (`fen`, keyed `leaf|programme|year|source`): whole fen with a fraction planners' and solvers' values
 * end in, or nothing. Every budget is its payments' exact sum rounded up to the fen (the fen itself
 * within 0.01 of it), over the years since the first for a carrying source, so many budgets are spent
 * to the fen, alone or over a carry: the tables whose rounding read a budget a fen over.
 */
export const paidScenario: fc.Arbitrary<{ scenario: Scenario; fen: Map<string, number> }> = fc
  .record({
    cities: fc.array(fc.integer({ min: 1, max: 2 }), { minLength: 1, maxLength: 3 }),
    towns: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
    programs: fc.integer({ min: 1, max: 2 }),
    carryover: fc.boolean(),
    whole: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 100, max: 500_000_000 })), { minLength: 108, maxLength: 108 }),
    fractions: fc.array(fc.oneof(fc.constantFrom(...FEN_FRACTIONS), fc.integer({ min: 0, max: 999 }).map((x) => x / 1000)), { minLength: 108, maxLength: 108 }),
    spare: fc.array(fc.constantFrom(0, 0, 0, 1, 37), { minLength: 27, maxLength: 27 }), // fen a budget has left
  })
  .map((g) => {
    const { regions, leaves, groups } = provinceRegions(g.cities, g.towns);
    const years = [2021, 2022, 2023];
    const sources = ["gov", "ent", "res"];
    const programs = Array.from({ length: g.programs }, (_, i) => `p${i}`);
    const fen = new Map<string, number>();
    let n = 0;
    for (const l of leaves) for (const p of programs) for (const year of years) for (const s of sources) {
      fen.set(`${l}|${p}|${year}|${s}`, g.whole[n] === 0 ? 0 : g.whole[n] + g.fractions[n]);
      n++;
    }
    const paid = (r: string, year: number, s: string) => {
      const of = new Set(regions.find((x) => x.id === r)!.leaves);
      return [...fen].reduce((sum, [k, f]) => {
        const [l, , y, src] = k.split("|");
        return of.has(l) && Number(y) === year && src === s ? sum + f : sum;
      }, 0);
    };
    const upToFen = (exact: number) => (Math.abs(exact - Math.round(exact)) < 0.01 ? Math.round(exact) : Math.ceil(exact));
    let b = 0;
    const budgetsOf = (s: string, rs: readonly string[], carry: boolean) =>
      rs.flatMap((r) => {
        let since = 0;
        let before = 0;
        return years.map((year) => {
          since += paid(r, year, s);
          // Over a carry, what the years so far were given never falls (no budget below 0).
          const total = Math.max(before, upToFen(carry ? since : paid(r, year, s)) + g.spare[b++ % 27]);
          const amount = total - before;
          before = carry ? total : 0;
          return { region: r, year, amount: amount / 100 };
        });
      });
    const shares = Object.fromEntries(sources.map((s) => [s, { min: 0, max: 1, capPerHousehold: null }]));
    return {
      scenario: scenario({
        horizon: { start: 2021, end: 2023 },
        regions,
        programs: programs.map((id) => program({ id, leaves: leaves.map((l) => ({ region: l, stock: 10, householdsPerUnit: 1, unitCost: 1e7 })), shares })),
        sources: [
          source({ id: "gov", kind: "government", carryover: g.carryover, budgets: budgetsOf("gov", groups, g.carryover) }),
          source({ id: "ent", kind: "enterprise", budgets: budgetsOf("ent", ["root"], false) }),
          source({ id: "res", kind: "resident" }),
        ],
      }),
      fen,
    };
  });
