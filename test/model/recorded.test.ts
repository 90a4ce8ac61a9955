/**
 * Recorded actuals in the model: a whole year's money fixes each source's payment and the year's
 * cost (no commitment, share, cap or link rows for it); a partial year floors; recorded households
 * and completions shift the target metrics by constants; a closed year carries all unspent money;
 * a frozen carry is fixed; rows over fixed columns absorb float noise but not a real miss.
 */
import { describe, expect, it } from "vitest";
import { buildPlanningModel } from "../../src/model/build.js";
import { rowName, variableName } from "../../src/model/names.js";
import { completedCorrection, householdsCompletedCorrection, householdsStartedCorrection } from "../../src/model/recorded.js";
import type { Actual } from "../../src/scenario/types.js";
import { program, region, scenario, source, target, tree } from "../helpers/scenario.js";

/** One town, 100万 a unit paid 60/40, 100 households a unit; gov ≤ 90 %, residents 10 %, city ≥ 0.5 × gov. */
function town(actuals: Actual[], extra: Partial<Parameters<typeof scenario>[0]> = {}) {
  return scenario({
    regions: tree([region("town")]),
    programs: [program({
      id: "retrofit",
      spendProfile: [0.6, 0.4],
      leaves: [{ region: "town", stock: 10, householdsPerUnit: 100, unitCost: 1_000_000 }],
      shares: {
        gov: { min: 0, max: 0.9, capPerHousehold: null },
        city: { min: 0, max: 1, capPerHousehold: null },
        residents: { min: 0.1, max: 0.1, capPerHousehold: 2000 },
      },
    })],
    sources: [
      source({ id: "gov", kind: "government", budgets: [{ region: "town", year: 2021, amount: 3e6 }, { region: "town", year: 2022, amount: 3e6 }] }),
      source({ id: "city", kind: "government", links: [{ id: "match", source: "city", of: "gov", minRatio: 0.5, maxRatio: null, region: "town", eachChild: false }] }),
      source({ id: "residents", kind: "resident" }),
    ],
    actuals,
    ...extra,
  });
}

const paid2021: Actual = {
  region: "town", program: "retrofit", year: 2021, started: 3, householdsStarted: 330, partial: false,
  paid: { gov: 2_000_000, city: 700_000, residents: 150_000 },
};

function model(s: ReturnType<typeof town>) {
  const { ctx } = buildPlanningModel(s);
  const v = (n: string) => ctx.model.variables.find((x) => variableName(x) === n)!;
  const has = (n: string) => ctx.model.rows.some((r) => rowName(r) === n);
  const row = (n: string) => ctx.model.rows.find((r) => rowName(r) === n)!;
  return { ctx, v, has, row };
}

describe("recorded money", () => {
  it("fixes each source's payment of a whole year and its cost to what was paid", () => {
    const { v, has } = model(town([paid2021]));
    expect([v("funds[town,retrofit,2021,gov]").lb, v("funds[town,retrofit,2021,gov]").ub]).toEqual([200, 200]);
    expect([v("funds[town,retrofit,2021,city]").lb, v("funds[town,retrofit,2021,city]").ub]).toEqual([70, 70]);
    expect([v("cost[town,retrofit,2021]").lb, v("cost[town,retrofit,2021]").ub]).toEqual([285, 285]);
    // 3 units × 60 % × 100万 = 180万 would be the derived cost: the recorded 285万 replaces it.
    expect(has("commit[town,retrofit,2021]")).toBe(false);
    expect(has("share_max[town,retrofit,2021,gov]")).toBe(false);
    expect(has("share_min[town,retrofit,2021,residents]")).toBe(false);
    expect(has("resident_cap[town,retrofit,2021,residents]")).toBe(false);
    expect(has("link_min[match,town,2021]")).toBe(false);
    // The next year is planned as before, paying the 40 % of 2021's starts.
    expect(has("commit[town,retrofit,2022]")).toBe(true);
    expect(has("share_max[town,retrofit,2022,gov]")).toBe(true);
    expect(has("link_min[match,town,2022]")).toBe(true);
    expect(has("budget[gov,town,2021]")).toBe(true);
  });

  it("floors the payments of a running year and keeps its rules", () => {
    const { v, has } = model(town([{ ...paid2021, partial: true }]));
    expect([v("funds[town,retrofit,2021,gov]").lb, v("funds[town,retrofit,2021,gov]").ub]).toEqual([200, Infinity]);
    expect([v("cost[town,retrofit,2021]").lb, v("cost[town,retrofit,2021]").ub]).toEqual([0, Infinity]);
    expect(has("commit[town,retrofit,2021]")).toBe(true);
    expect(has("share_max[town,retrofit,2021,gov]")).toBe(true);
  });

  it("a whole year records every source: one not named paid nothing", () => {
    const { v } = model(town([{ ...paid2021, paid: { gov: 2_000_000 } }]));
    expect([v("funds[town,retrofit,2021,city]").lb, v("funds[town,retrofit,2021,city]").ub]).toEqual([0, 0]);
  });
});

describe("recorded households and completions", () => {
  it("count instead of units × households per unit in targets and resident caps", () => {
    const s = town([paid2021, { region: "town", program: "retrofit", year: 2022, started: 1, householdsStarted: 120, partial: true }], {
      targets: [target({ id: "hh", program: "retrofit", region: "town", atLeast: 900, metric: "households_started", kind: "hard" })],
    });
    const { row, ctx } = model(s);
    const r = row("target[hh]");
    expect(r.terms.map((t) => t.c)).toEqual([100, 100]); // starts 2021 and 2022 × 100 households
    // 330 recorded for 3 units (+30) and 120 for the first unit of 2022 (+20): 900 − 50.
    expect(r.lb).toBeCloseTo(850);
    // The 2022 resident cap counts 40 % of 2021's recorded 330 households: a constant.
    const cap = row("resident_cap[town,retrofit,2022,residents]");
    expect(cap.ub).toBeCloseTo((0.4 * 30 + 0.6 * 20) * 0.2); // 2000 yuan = 0.2万 per household
    const lp = ctx.leafPrograms[0];
    expect(householdsStartedCorrection(lp, 2021)).toBe(30);
    expect(householdsCompletedCorrection(lp, 2022)).toBe(30); // 2021's units complete in 2022 with their households
  });

  it("recorded completions replace the starts one duration earlier", () => {
    const s = town([
      { region: "town", program: "retrofit", year: 2021, started: 3, householdsStarted: 330, partial: false },
      { region: "town", program: "retrofit", year: 2022, started: 2, completed: 2, partial: false },
    ]);
    const lp = buildPlanningModel(s).ctx.leafPrograms[0];
    expect(completedCorrection(lp, 2022)).toBe(-1); // 3 started in 2021, 2 reported completed
    expect(householdsCompletedCorrection(lp, 2022)).toBeCloseTo(2 * 110 - 300); // at 2021's 110 households a unit
  });
});

describe("late units: recorded starts recorded completions leave out", () => {
  // Horizon 2021–2022 in town(); completions recorded for 2022 only leave 2023 (a payment year) derived.
  const late = (extra: Actual[] = []) => town([
    { region: "town", program: "retrofit", year: 2021, started: 5, householdsStarted: 600, partial: false },
    { region: "town", program: "retrofit", year: 2022, started: 4, completed: 3, partial: false },
    ...extra,
  ], { horizon: { start: 2021, end: 2023 } });

  it("complete in the first year after the recorded completions, units and households", () => {
    const lp = buildPlanningModel(late()).ctx.leafPrograms[0];
    expect(completedCorrection(lp, 2022)).toBe(-2); // 5 started in 2021, 3 recorded completed
    expect(completedCorrection(lp, 2023)).toBe(2); // the 2 late ones complete with 2022's 4 starts
    expect(householdsCompletedCorrection(lp, 2023)).toBeCloseTo(600 - 3 * 120); // at 2021's 120 a unit
    expect(completedCorrection(lp, 2024)).toBe(0); // once only
    // Every unit started completes once, every household too.
    const units = [2021, 2022, 2023, 2024].reduce((n, c) => n + (lp.actuals.get(c - 1)?.started ?? 0) + completedCorrection(lp, c), 0);
    expect(units).toBe(9);
  });

  it("count in a completed target of that year", () => {
    const s = late();
    s.targets = [target({ id: "done", program: "retrofit", region: "town", atLeast: 9, metric: "completed", by: 2023, kind: "hard" })];
    const { row } = model(s);
    // starts(2021) + starts(2022) (fixed at 5 and 4) + corrections −2 (2022) + 2 (2023) ≥ 9: all 9
    // complete by 2023 (without the late ones it would ask for 11, more than ever started).
    const r = row("target[done]");
    expect(r.terms.map((t) => t.c)).toEqual([1, 1]);
    expect(r.lb).toBeCloseTo(9);
  });

  it("late units completing in a later recorded year offset the lateness", () => {
    const lp = buildPlanningModel(late([{ region: "town", program: "retrofit", year: 2023, started: 0, completed: 5, partial: false }])).ctx.leafPrograms[0];
    // 2023 records 5 completed: 2022's 4 and one of 2021's 2 late units; one is still late in 2024.
    expect(completedCorrection(lp, 2023)).toBe(1);
    expect(completedCorrection(lp, 2024)).toBe(1);
  });
});

describe("closed years and frozen carry-over", () => {
  const carrying = (budgets: { region: string; year: number; amount: number; carriedOut?: number }[], asOf: ReturnType<typeof town>["asOf"]) => {
    const s = town([paid2021], { asOf });
    s.sources[0] = { ...s.sources[0], carryover: true, budgets };
    return model(s);
  };
  const budgets = [{ region: "town", year: 2021, amount: 3e6 }, { region: "town", year: 2022, amount: 3e6 }];

  it("a closed year carries everything it did not spend", () => {
    const { row, v } = carrying(budgets, { text: "2022", firstOpenYear: 2022, current: null });
    expect([row("budget[gov,town,2021]").lb, row("budget[gov,town,2021]").ub]).toEqual([300, 300]);
    expect(row("budget[gov,town,2022]").lb).toBe(-Infinity);
    expect(v("carry[gov,town,2021]").ub).toBe(Infinity);
  });

  it("a carry recorded by a frozen past is fixed", () => {
    const { row, v } = carrying([{ ...budgets[0], carriedOut: 500_000 }, budgets[1]], { text: "2022", firstOpenYear: 2022, current: null });
    expect([v("carry[gov,town,2021]").lb, v("carry[gov,town,2021]").ub]).toEqual([50, 50]);
    expect(row("budget[gov,town,2021]").lb).toBe(-Infinity);
  });
});

describe("rows over fixed columns", () => {
  it("absorb float noise in recorded values, but not a real overspend", () => {
    const noisy = town([{ ...paid2021, paid: { ...paid2021.paid, gov: 3e6 * (1 + 1e-12) } }]);
    expect(model(noisy).row("budget[gov,town,2021]").ub).toBeCloseTo(300, 9);
    expect(model(noisy).row("budget[gov,town,2021]").ub).toBeGreaterThan(300);
    const over = town([{ ...paid2021, paid: { ...paid2021.paid, gov: 3.1e6 } }]);
    expect(model(over).row("budget[gov,town,2021]").ub).toBe(300);
  });

  it("start limits leave recorded whole years alone", () => {
    const s = town([paid2021]);
    s.programs[0].startLimits = [{ region: "town", year: null, min: null, max: 2 }];
    const { has } = model(s);
    expect(has("start_limit[retrofit,town,2021]")).toBe(false);
    expect(has("start_limit[retrofit,town,2022]")).toBe(true);
  });
});
