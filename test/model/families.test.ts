/**
 * One tiny scenario per constraint family; the rows it produces are checked coefficient by
 * coefficient against the formulation in docs/model.md.
 */
import { describe, expect, it } from "vitest";
import { rowName, variableName } from "../../src/model/names.js";
import { buildPlanningModel } from "../../src/model/build.js";
import type { LinearModel, Row } from "../../src/model/types.js";
import { solveStages } from "../../src/plan/solvePlan.js";
import type { Scenario } from "../../src/scenario/types.js";
import { handSolvedTown, program, region, scenario, source, target, tree } from "../helpers/scenario.js";

/** A row as {variableName: coefficient} plus its bounds, for readable assertions. */
function row(model: LinearModel, name: string): { terms: Record<string, number>; lb: number; ub: number } {
  const r = model.rows.find((x) => rowName(x) === name) as Row | undefined;
  if (!r) throw new Error(`no row ${name}; rows: ${model.rows.map(rowName).join(" ")}`);
  const terms: Record<string, number> = {};
  for (const t of r.terms) terms[variableName(model.variables[t.v])] = Number(t.c.toFixed(9));
  return { terms, lb: r.lb, ub: r.ub };
}

const town = (overrides: Parameters<typeof program>[0] extends infer P ? Partial<P> : never = {}) =>
  program({
    id: "retrofit",
    leaves: [{ region: "town", stock: 10, householdsPerUnit: 100, unitCost: 1_000_000 }],
    shares: {
      gov: { min: 0, max: 0.9, capPerHousehold: null },
      residents: { min: 0.1, max: 0.1, capPerHousehold: 2000 },
    },
    ...overrides,
  });

function twoYearScenario(extra: Partial<Parameters<typeof scenario>[0]> = {}) {
  return scenario({
    regions: tree([region("town")]),
    programs: [town({ spendProfile: [0.6, 0.4] })],
    sources: [source({ id: "gov", kind: "government" }), source({ id: "residents", kind: "resident" })],
    ...extra,
  });
}

describe("commitments", () => {
  it("spreads unit cost over the spend profile, in 万元, into the tail year", () => {
    const { ctx } = buildPlanningModel(twoYearScenario());
    expect(ctx.paymentYears).toEqual([2021, 2022, 2023]);
    expect(row(ctx.model, "commit[town,retrofit,2022]")).toEqual({
      terms: { "cost[town,retrofit,2022]": 1, "starts[town,retrofit,2022]": -60, "starts[town,retrofit,2021]": -40 },
      lb: 0,
      ub: 0,
    });
    expect(row(ctx.model, "commit[town,retrofit,2023]").terms).toEqual({
      "cost[town,retrofit,2023]": 1,
      "starts[town,retrofit,2022]": -40,
    });
  });

  it("moves pre-horizon actual starts into the right-hand side", () => {
    const s = twoYearScenario({ actuals: [{ region: "town", program: "retrofit", year: 2020, started: 2, partial: false }] });
    const { ctx } = buildPlanningModel(s);
    const r = row(ctx.model, "commit[town,retrofit,2021]");
    expect(r.lb).toBeCloseTo(80); // 0.4 × 100万 × 2 units, in 万元
    expect(r.ub).toBeCloseTo(80);
  });

  it("fixes in-horizon actual starts, and only floors a partial year", () => {
    const s = twoYearScenario({
      actuals: [
        { region: "town", program: "retrofit", year: 2021, started: 3, partial: false },
        { region: "town", program: "retrofit", year: 2022, started: 1, partial: true },
      ],
    });
    const { ctx } = buildPlanningModel(s);
    const v = (n: string) => ctx.model.variables.find((x) => variableName(x) === n)!;
    expect([v("starts[town,retrofit,2021]").lb, v("starts[town,retrofit,2021]").ub]).toEqual([3, 3]);
    expect([v("starts[town,retrofit,2022]").lb, v("starts[town,retrofit,2022]").ub]).toEqual([1, Infinity]);
  });
});

describe("funding balance and shares", () => {
  it("pays every yuan due from the sources named in the shares", () => {
    const { ctx } = buildPlanningModel(twoYearScenario());
    expect(row(ctx.model, "balance[town,retrofit,2021]").terms).toEqual({
      "cost[town,retrofit,2021]": -1,
      "funds[town,retrofit,2021,gov]": 1,
      "funds[town,retrofit,2021,residents]": 1,
    });
  });

  it("bounds each source's share of the cost", () => {
    const { ctx } = buildPlanningModel(twoYearScenario());
    expect(row(ctx.model, "share_max[town,retrofit,2021,gov]")).toEqual({
      terms: { "funds[town,retrofit,2021,gov]": 1, "cost[town,retrofit,2021]": -0.9 },
      lb: -Infinity,
      ub: 0,
    });
    expect(row(ctx.model, "share_min[town,retrofit,2021,residents]").lb).toBe(0);
    expect(ctx.model.rows.some((r) => rowName(r) === "share_min[town,retrofit,2021,gov]")).toBe(false);
  });

  it("caps residents per household, spread by the spend profile", () => {
    const { ctx } = buildPlanningModel(twoYearScenario());
    // 2000 yuan × 100 households = 20万 per unit; 60 % falls in the start year.
    expect(row(ctx.model, "resident_cap[town,retrofit,2022,residents]").terms).toEqual({
      "funds[town,retrofit,2022,residents]": 1,
      "starts[town,retrofit,2022]": -12,
      "starts[town,retrofit,2021]": -8,
    });
  });
});

/** Shares of a programme funded by central and city money, each up to the whole cost. */
const centralAndCity = () => ({ central: { min: 0, max: 1, capPerHousehold: null }, city: { min: 0, max: 1, capPerHousehold: null } });

/** Central and city money, the city matching at least `minRatio` × central over prov (or each child). */
const cityMatchesCentral = (minRatio: number, eachChild: boolean) => [
  source({ id: "central", kind: "government" }),
  source({
    id: "city",
    kind: "government",
    links: [{ id: "match", source: "city", of: "central", minRatio, maxRatio: null, region: "prov", eachChild }],
  }),
];

/** One leaf, a, under prov, its retrofit funded as `shares` say; the city matches half of central's money in each child. */
const cityMatchingInA = (shares: ReturnType<typeof centralAndCity> | { central: ReturnType<typeof centralAndCity>["central"] }) =>
  twoYearScenario({
    regions: tree([region("prov"), region("a", "prov")]),
    programs: [program({ id: "retrofit", leaves: [{ region: "a", stock: 5, householdsPerUnit: 100, unitCost: 1_000_000 }], shares })],
    sources: cityMatchesCentral(0.5, true),
  });

describe("budgets and links", () => {
  it("caps a source's payments over a node's leaves, with carry-over between years", () => {
    const s = twoYearScenario({
      regions: tree([region("city"), region("a", "city"), region("b", "city")]),
      programs: [
        town({
          leaves: [
            { region: "a", stock: 5, householdsPerUnit: 100, unitCost: 1_000_000 },
            { region: "b", stock: 5, householdsPerUnit: 100, unitCost: 1_000_000 },
          ],
        }),
      ],
      sources: [
        source({
          id: "gov",
          kind: "government",
          carryover: true,
          budgets: [2021, 2022].map((year) => ({ region: "city", year, amount: 3_000_000 })),
        }),
        source({ id: "residents", kind: "resident" }),
      ],
    });
    const { ctx } = buildPlanningModel(s);
    expect(row(ctx.model, "budget[gov,city,2021]")).toEqual({
      terms: { "funds[a,retrofit,2021,gov]": 1, "funds[b,retrofit,2021,gov]": 1, "carry[gov,city,2021]": 1 },
      lb: -Infinity,
      ub: 300,
    });
    expect(row(ctx.model, "budget[gov,city,2022]").terms).toEqual({
      "funds[a,retrofit,2022,gov]": 1,
      "funds[b,retrofit,2022,gov]": 1,
      "carry[gov,city,2021]": -1,
    });
  });

  it("takes a budget with fractions of a fen as its fen (money is counted in fen; budgets.csv writes that fen)", () => {
    // A budget scaled by min-budget's λ unrounded: 35,000,000 × 0.9707865170155038.
    const s = handSolvedTown();
    s.sources[0].budgets = [{ region: "town", year: 2021, amount: 33_977_528.095542632 }, { region: "town", year: 2022, amount: 3_000_000.004 }];
    const { ctx } = buildPlanningModel(s);
    expect(row(ctx.model, "budget[gov,town,2021]").ub * 1e4).toBeCloseTo(33_977_528.1, 6);
    expect(row(ctx.model, "budget[gov,town,2022]").ub * 1e4).toBeCloseTo(3_000_000, 6);
  });

  it("matches one source against another per child region", () => {
    const { ctx } = buildPlanningModel(cityMatchingInA(centralAndCity()));
    expect(row(ctx.model, "link_min[match,a,2021]")).toEqual({
      terms: { "funds[a,retrofit,2021,city]": 1, "funds[a,retrofit,2021,central]": -0.5 },
      lb: 0,
      ub: Infinity,
    });
  });
});

describe("links with a side that has no money in the node", () => {
  it("keep the row over the other side alone, as the link reads: city money at least half of central's forbids central money where the city funds nothing", async () => {
    const s = cityMatchingInA({ central: { min: 0, max: 1, capPerHousehold: null } });
    s.targets = [target({ id: "t", program: "retrofit", region: "prov", atLeast: 2, by: 2021, kind: "soft" })];
    const { ctx } = buildPlanningModel(s);
    expect(row(ctx.model, "link_min[match,a,2021]")).toEqual({ terms: { "funds[a,retrofit,2021,central]": -0.5 }, lb: 0, ub: Infinity });
    // No money may be spent in a, so nothing starts: the soft target is missed whole.
    const sol = await solveStages(buildPlanningModel(s), "highs");
    expect(sol.status).toBe("optimal");
    expect(sol.stages[0].objective).toBeCloseTo(1, 9);
  });
});

describe("links over partly recorded money", () => {
  const twoLeaves = (actuals: Scenario["actuals"]) => twoYearScenario({
    regions: tree([region("prov"), region("a", "prov"), region("b", "prov")]),
    programs: [
      program({
        id: "retrofit",
        leaves: ["a", "b"].map((r) => ({ region: r, stock: 5, householdsPerUnit: 100, unitCost: 1_000_000 })),
        shares: centralAndCity(),
      }),
    ],
    sources: cityMatchesCentral(0.8, false),
    actuals,
  });

  it("sums planned money only: a leaf whose year's money is recorded is left out of both sides", () => {
    // Leaf a paid 2021 with city money at 0.25 × central, below the rule's 0.8: history, not a choice.
    const recorded = { region: "a", program: "retrofit", year: 2021, started: 1, paid: { central: 800_000, city: 200_000 }, partial: false };
    const { ctx } = buildPlanningModel(twoLeaves([recorded]));
    expect(row(ctx.model, "link_min[match,prov,2021]").terms).toEqual({
      "funds[b,retrofit,2021,city]": 1,
      "funds[b,retrofit,2021,central]": -0.8,
    });
    // Both leaves recorded: no row for that year; the next year's row covers both leaves.
    const both = buildPlanningModel(twoLeaves([recorded, { ...recorded, region: "b" }])).ctx.model;
    expect(both.rows.some((r) => rowName(r) === "link_min[match,prov,2021]")).toBe(false);
    expect(Object.keys(row(both, "link_min[match,prov,2022]").terms)).toHaveLength(4);
  });

  it("has no row when one side's money is all recorded: the other side's planned money is not forbidden", async () => {
    // Programme b is funded by central money only; programme a's 2021 money (its city money with it) is recorded.
    const s = twoLeaves([{ region: "a", program: "retrofit", year: 2021, started: 1, paid: { central: 800_000, city: 800_000 }, partial: false }]);
    s.programs.push(program({
      id: "b-only",
      leaves: [{ region: "b", stock: 5, householdsPerUnit: 100, unitCost: 1_000_000 }],
      shares: { central: { min: 0, max: 1, capPerHousehold: null } },
    }));
    s.programs[0].leaves = [s.programs[0].leaves[0]]; // retrofit in leaf a only
    s.targets = [target({ id: "t", program: "b-only", region: "prov", atLeast: 2, by: 2021, kind: "hard" })];
    const { ctx } = buildPlanningModel(s);
    expect(ctx.model.rows.some((r) => rowName(r) === "link_min[match,prov,2021]")).toBe(false);
    const sol = await solveStages(buildPlanningModel(s), "highs");
    expect(sol.status).toBe("optimal");
  });

  it("leaves the re-plan feasible where counting the recorded ratio would force the planned leaf to make up for it", async () => {
    // With a's recorded 20万 against 80万 counted, b's 2021 money would need city − 0.8 · central ≥ 44万;
    // b pays at most half from the city (so at most 0.1 · its cost) and has 2 units (200万) of stock.
    const s = twoLeaves([{ region: "a", program: "retrofit", year: 2021, started: 1, paid: { central: 800_000, city: 200_000 }, partial: false }]);
    s.programs[0].shares.city.max = 0.5;
    s.programs[0].leaves[1].stock = 2;
    s.targets = [target({ id: "t", program: "retrofit", region: "prov", atLeast: 3, kind: "hard" })];
    const sol = await solveStages(buildPlanningModel(s), "highs");
    expect(sol.status).toBe("optimal");
  });
});

describe("capacity, stock, start limits", () => {
  it("counts a unit's slots in every year it is active", () => {
    const s = twoYearScenario({ capacity: [{ id: "crews", region: "town", programs: ["retrofit"], slots: { 2021: 4, 2022: 5 } }] });
    const { ctx } = buildPlanningModel(s);
    expect(row(ctx.model, "capacity[crews,2022]")).toEqual({
      terms: { "starts[town,retrofit,2022]": 1, "starts[town,retrofit,2021]": 1 },
      lb: -Infinity,
      ub: 5,
    });
  });

  it("limits total starts to the stock and each year's starts to the limits", () => {
    const s = twoYearScenario({
      programs: [town({ startLimits: [{ region: "town", year: null, min: 1, max: 4 }] })],
    });
    const { ctx } = buildPlanningModel(s);
    expect(row(ctx.model, "stock[town,retrofit]")).toEqual({
      terms: { "starts[town,retrofit,2021]": 1, "starts[town,retrofit,2022]": 1 },
      lb: -Infinity,
      ub: 10,
    });
    expect(row(ctx.model, "start_limit[retrofit,town,2022]")).toEqual({
      terms: { "starts[town,retrofit,2022]": 1 },
      lb: 1,
      ub: 4,
    });
  });
});

describe("targets and objectives", () => {
  it("adds shortfall to soft targets and normalises it by the target in stage 1", () => {
    const pm = buildPlanningModel(handSolvedTown());
    expect(row(pm.ctx.model, "target[started-8]")).toEqual({
      terms: { "starts[town,retrofit,2021]": 1, "starts[town,retrofit,2022]": 1, "shortfall[started-8]": 1 },
      lb: 8,
      ub: Infinity,
    });
    const stage1 = pm.stages[0].objective.map((t) => [variableName(pm.ctx.model.variables[t.v]), t.c]);
    expect(stage1).toEqual([["shortfall[started-8]", 1 / 8]]);
    const stage2 = pm.stages[1].objective.map((t) => variableName(pm.ctx.model.variables[t.v]));
    expect(stage2).toEqual(["funds[town,retrofit,2021,gov]", "funds[town,retrofit,2022,gov]"]);
  });

  it("counts completions only for units whose last spend year falls by the target year", () => {
    const s = twoYearScenario({
      targets: [target({ id: "done", program: "retrofit", region: "town", atLeast: 3, metric: "households_completed", kind: "hard" })],
      actuals: [{ region: "town", program: "retrofit", year: 2020, started: 2, partial: false }],
    });
    const { ctx } = buildPlanningModel(s);
    const r = row(ctx.model, "target[done]");
    expect(r.terms).toEqual({ "starts[town,retrofit,2021]": 100 });
    expect(r.lb).toBeCloseTo(3 - 200); // the 2 units started in 2020 complete in 2021
  });
});
