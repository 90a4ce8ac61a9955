/**
 * Shadow prices against finite differences: re-plan with one budget raised by a small amount and
 * compare the change in attainment with what `explain` (and budgets.csv) price that budget at.
 */
import { describe, expect, it } from "vitest";
import { rowName } from "../../src/model/names.js";
import { cutBudgets } from "../../src/finance/cuts.js";
import { explainOrder, explainPlan } from "../../src/finance/explain.js";
import type { ExplainedRow } from "../../src/finance/explainTypes.js";
import { certaintyText, explainText, stepText } from "../../src/finance/explainText.js";
import { type PlannedScenario, planScenario, shortfallObjective } from "../../src/plan/planScenario.js";
import { resolveSelection } from "../../src/finance/selection.js";
import { loadScenario } from "../../src/scenario/index.js";
import type { Scenario } from "../../src/scenario/types.js";
import { handSolvedTown } from "../helpers/scenario.js";

/** A soft target's planned value, unrounded: at_least − shortfall. */
function relaxedPlanned(p: PlannedScenario, t: number): number {
  return p.tables.targets[t].target_value - p.solution.primal[p.solution.pm.ctx.index.shortfall[t]];
}

/** The scenario with one budget entry raised by `delta` yuan. */
function raise(s: Scenario, source: string, region: string, year: number, delta: number): Scenario {
  return {
    ...s,
    sources: s.sources.map((x) => x.id !== source ? x : {
      ...x,
      budgets: x.budgets.map((b) => (b.region === region && b.year === year ? { ...b, amount: b.amount + delta } : b)),
    }),
  };
}

describe("explain: shadow prices in human units", () => {
  it("prices the hand-solved town's budget as the finite difference does, in sign and value", async () => {
    const s = handSolvedTown();
    const base = await planScenario(s, "highs");
    const rows = explainPlan(base.solution, base.tables);
    const price = rows.find((r) => r.stage === "shortfall" && r.where === "budget[gov,town,2021]")!;
    expect(price.unit).toBe("started of started-8");
    expect(price.rate).toBeCloseTo(10_000 / 90, 4); // per 1亿元: 1亿 / 90万 per unit of government money
    // Quoted for the largest power of ten of yuan the price holds for (not as "+1亿元" it cannot buy).
    expect(price).toMatchObject({ step: "+100万元", holds: { upTo: "+120万元" } });
    expect(certaintyText(price.holds)).toBe(" (certain up to +120万元; it may hold further)");
    expect(price.value).toBeCloseTo(price.rate / 100, 4);

    // 100万元 more in 2021 (small enough that the target is still missed: the price stays the same).
    const delta = 1_000_000;
    const raised = await planScenario(raise(s, "gov", "town", 2021, delta), "highs");
    const gained = raised.tables.targets[0].planned - base.tables.targets[0].planned; // tables round to 1e-4
    expect(gained).toBeGreaterThan(0);
    expect((gained / delta) * 1e8).toBeCloseTo(price.rate, 1);
    const exactGain = (shortfallObjective(base) - shortfallObjective(raised)) * 8;
    expect((exactGain / delta) * 1e8).toBeCloseTo(price.rate, 4);
    // Attainment and the stage-1 objective move by the same price, per target unit.
    const attainment = raised.tables.targets[0].attainment - base.tables.targets[0].attainment;
    expect((attainment / delta) * 1e8).toBeCloseTo(price.rate / 8, 1);
    const objective = shortfallObjective(base) - shortfallObjective(raised);
    const budgetRow = base.tables.budgets.find((b) => b.year === 2021)!;
    expect((objective / delta) * 1e8).toBeCloseTo(budgetRow.shadow_price_score_per_100m_yuan, 4);
  });

  it("agrees with a re-plan for every target a priced budget moves, on the towns plan cut by 30%", async () => {
    const { scenario } = loadScenario("test/fixtures/finance/towns.yaml");
    const s = cutBudgets(scenario, resolveSelection(scenario, { selector: { kind: "government", ids: null } }), 0.3);
    const base = await planScenario(s, "highs");
    const priced = explainPlan(base.solution, base.tables).filter((r) => r.stage === "shortfall" && r.family === "budgets");
    expect(priced.length).toBeGreaterThan(0);
    for (const p of priced.slice(0, 3)) {
      const row = base.solution.pm.ctx.model.rows.find((r) => rowName(r) === p.where)!;
      if (row.ref.family !== "budgets") throw new Error(`${p.where} is not a budget row`);
      const delta = 10_000; // 1万元
      const raised = await planScenario(raise(s, row.ref.source, row.ref.region, row.ref.year, delta), "highs");
      const perYi = p.rate / p.value; // the quoted step's figures, per 1亿元
      for (const g of [{ target: p.unit.split(" of ")[1], value: p.value }, ...p.also]) {
        const t = base.tables.targets.findIndex((x) => x.target === g.target);
        const moved = relaxedPlanned(raised, t) - relaxedPlanned(base, t);
        expect((moved / delta) * 1e8).toBeCloseTo(g.value * perYi, 0);
      }
    }
  });

  it("prices a met target per unit of its own metric, with its range in that metric", async () => {
    const { scenario } = loadScenario("scenarios/guangdong-retrofit-2021-2025.yaml");
    const base = await planScenario(scenario, "highs");
    const rows = explainPlan(base.solution, base.tables);
    const row = rows.find((r) => r.stage === "cost" && r.family === "targets" && r.where.includes("gd-households"))!;
    expect(row.step).toBe("+1 households_started of gd-households");
    // A share is a percentage priced in money: the step says it moves the money the share allows.
    const share = rows.find((r) => r.family === "shares" && r.what.startsWith("maximum"))!;
    expect(share.step).toMatch(/^[+−][\d,.]+(万元|亿元|元) to what the share allows$/);
    expect(row.unit).toBe("of weighted cost it adds");
    const marginal = base.tables.targets.find((t) => t.target === "gd-households")!.marginal_cost_yuan_per_unit;
    expect(row.value).toBeCloseTo(marginal, 0);
    expect(row.holds).toEqual({ upTo: expect.stringMatching(/^\+[\d,.]+ households_started$/) });
  }, 60_000);

  it("quotes no step whose price holds for less than it can print, and turns a one-way price round", async () => {
    // Whole towns: their prices come from the LP relaxation, whose basis changes a hair above
    // several targets; those prices hold only for lowering the target, and are quoted that way.
    const { scenario } = loadScenario("scenarios/guangzhou-towns-2024-2027.yaml");
    const base = await planScenario(scenario, "highs");
    const rows = explainPlan(base.solution, base.tables);
    expect(rows.length).toBeGreaterThan(10);
    for (const r of rows) expect(certaintyText(r.holds), `${r.where}: ${r.step}`).not.toMatch(/up to [+−]0(\.0+)? |up to [+−]0元/);
    const lowered = rows.filter((r) => r.stage === "cost" && r.family === "targets" && r.sign < 0);
    expect(lowered.length).toBeGreaterThan(0);
    for (const r of lowered) {
      expect(r.unit).toBe("of weighted cost it saves");
      expect(r.step).toMatch(/^−(1|0\.0*1) /); // a unit less, or the power of ten its price holds for
    }
  }, 60_000);

  it("lists for a whole-unit plan only the limits that bind that plan, not those of its LP relaxation", async () => {
    // A new user's county plan: the relaxation binds shares and residents' caps of villages in
    // years the whole-unit plan pays nothing in (0 ≤ 0), which explain listed as "at its limit".
    const { scenario } = loadScenario("test/fixtures/confidence/whole-units/qinghe.yaml");
    const base = await planScenario(scenario, "highs");
    expect(base.solution.dualMethod).toBe("lp_relaxation");
    const { model } = base.solution.pm.ctx;
    const rows = explainPlan(base.solution, base.tables);
    expect(rows.length).toBeGreaterThan(5);
    for (const r of rows) {
      const row = model.rows[r.index];
      const value = row.terms.reduce((a, t) => a + t.c * base.solution.primal[t.v], 0);
      const bound = Math.abs(value - row.ub) < Math.abs(value - row.lb) ? row.ub : row.lb;
      expect(Math.abs(value - bound), `${r.where}: ${value} vs ${bound}`).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(bound)));
      expect(row.terms.some((t) => Math.abs(base.solution.primal[t.v]) > 1e-9), `${r.where} holds nothing back`).toBe(true);
    }
  }, 60_000);

  it("prints binding limits largest first, in planning words", async () => {
    const base = await planScenario(handSolvedTown(), "highs");
    const text = explainText(explainPlan(base.solution, base.tables), 5, "explain: test", "reference started-8");
    expect(text).toContain("1. budget of gov for town in 2021 — uses 300万元 of 300万元");
    expect(text).toContain("+100万元: ≈ +1.1111 started of started-8 (certain up to +120万元; it may hold further)");
    expect(text).toMatch(/What limits the cost of the plan/);
  });
});

describe("explain on a re-plan as of a date", () => {
  it("prices no limit of a year as_of has closed (more money in 2021 is not a choice left)", async () => {
    const { scenario } = loadScenario("scenarios/guangdong-retrofit-actuals-2023.yaml");
    const base = await planScenario(scenario, "highs");
    const rows = explainPlan(base.solution, base.tables);
    const years = rows.flatMap((r) => {
      const ref = base.solution.pm.model.rows[r.index].ref;
      return "year" in ref ? [ref.year] : [];
    });
    expect(years.length).toBeGreaterThan(0);
    expect(Math.min(...years)).toBe(2023);
  }, 60_000);
});

describe("explain: steps of count limits", () => {
  it("quotes a slot price for the largest power of ten the price is certain for, not 1 slot it cannot buy", async () => {
    // 300万 of 2021 money buys 3.333 units; 3.3 slots bind first, and only until money binds (+0.033).
    const s = handSolvedTown();
    s.capacity = [{ id: "crews", region: "town", programs: ["retrofit"], slots: { 2021: 3.3 } }];
    const base = await planScenario(s, "highs");
    const line = explainPlan(base.solution, base.tables).find((r) => r.stage === "shortfall" && r.family === "capacity")!;
    expect(line.step).toBe("+0.01 slot");
    expect(line.value).toBeCloseTo(line.rate * 0.01, 6);
    expect(line.holds).toEqual({ upTo: "+0.033 slots" });
    expect(line.state).toBe("uses 3.3 of 3.3 slots");
  });

  it("never prints the room a price is certain for rounded up past it", async () => {
    // 3.3258 slots: money binds 0.0075 slots further. Two decimals read "certain up to +0.01 slots"
    // beside a step of 0.001 (a town target in Guangzhou's plan read the same: room 0.0076).
    const s = handSolvedTown();
    s.capacity = [{ id: "crews", region: "town", programs: ["retrofit"], slots: { 2021: 3.3258 } }];
    const base = await planScenario(s, "highs");
    const line = explainPlan(base.solution, base.tables).find((r) => r.stage === "shortfall" && r.family === "capacity")!;
    expect(line).toMatchObject({ step: "+0.001 slot", holds: { upTo: "+0.0075 slots" } });
  });

  it("quotes a price whose room prints, however small, and drops none it would print", async () => {
    // 3.3293 slots: money binds 0.004 slots further. A threshold of its own (0.005) dropped that room
    // although formatRoom prints it, and quoted what one slot less costs instead.
    const s = handSolvedTown();
    s.capacity = [{ id: "crews", region: "town", programs: ["retrofit"], slots: { 2021: 3.3293 } }];
    const base = await planScenario(s, "highs");
    const line = explainPlan(base.solution, base.tables).find((r) => r.stage === "shortfall" && r.family === "capacity")!;
    expect(line).toMatchObject({ step: "+0.001 slot", holds: { upTo: "+0.004 slots" } });
  });

  it("states slots used as counts, not raw solver values", async () => {
    const s = handSolvedTown();
    s.capacity = [{ id: "crews", region: "town", programs: ["retrofit"], slots: { 2021: 3.3 } }];
    const base = await planScenario(s, "highs");
    const capacity = base.tables.capacity.find((c) => c.year === 2021)!;
    const raw = { ...base.tables, capacity: base.tables.capacity.map((c) => (c === capacity ? { ...c, slots: 12, slots_used: 11.999998 } : c)) };
    const line = explainPlan(base.solution, raw).find((r) => r.family === "capacity")!;
    expect(line.state).toBe("uses 12 of 12 slots");
  });
});

describe("explain: a target's step", () => {
  /** The cost stage's objective: every source's money × its cost weight. */
  const weightedCost = (p: PlannedScenario, s: Scenario) =>
    p.tables.funding.reduce((sum, f) => sum + f.amount_yuan * s.sources.find((x) => x.id === f.source)!.costWeight, 0);

  it("quotes a whole-unit target's cost for the step its price holds for, not a whole town (a county planner's review)", async () => {
    // test/fixtures/finance/two-towns.yaml, by hand: the last town's rate is the county's money,
    // 3,000万 a town, certain for 0.2 of a town (a third does not exist); "−1 started: 3,000万 saved"
    // promised a whole town at that rate, where a re-plan with one town less saves 1,800万.
    const { scenario } = loadScenario("test/fixtures/finance/two-towns.yaml");
    const base = await planScenario(scenario, "highs");
    expect(base.solution.dualMethod).toBe("lp_relaxation");
    const line = explainPlan(base.solution, base.tables).find((r) => r.stage === "cost" && r.family === "targets")!;
    expect(line).toMatchObject({ step: "−0.1 started of towns", unit: "of weighted cost it saves", holds: { upTo: "−0.2 started" } });
    expect(line.value).toBeCloseTo(3_000_000, 0); // 0.1 town × 3,000万
    expect(explainText([line], 5, "explain: test", "")).toContain("−0.1 started of towns: ≈ 300万元 of weighted cost it saves (certain up to −0.2 started; it may hold further)");
    const oneLess = { ...scenario, targets: scenario.targets.map((t) => ({ ...t, atLeast: 1 })) };
    expect(weightedCost(base, scenario) - weightedCost(await planScenario(oneLess, "highs"), scenario)).toBeCloseTo(18_000_000, 0);
  });
});

describe("explain with every target met", () => {
  it("never says a limit's price buys more of a missed target (an independent audit's scenario)", async () => {
    const { scenario } = loadScenario("test/fixtures/finance/start-limits-met.yaml");
    const planned = await planScenario(scenario, "highs");
    expect(planned.tables.targets.every((t) => t.met)).toBe(true);
    const rows = explainPlan(planned.solution, planned.tables);
    const limit = rows.find((r) => r.where === "start_limit[p,c,2022]" || r.what.startsWith("start limits of p in c in 2022"))!;
    expect(limit.unit).toBe("of weighted cost spent more");
    expect(rows.some((r) => r.unit.includes("missed target"))).toBe(false);
  });
});

describe("explain: money steps", () => {
  it("quotes a budget whose price holds for under a yuan above it downwards, as shadow_prices.csv does", async () => {
    // 2021's money 0.8 yuan short of what meets the target: the price holds 0.8 yuan up and 419.99万
    // down. explain's own threshold (half a yuan) quoted "+1元", a step past where the price is
    // certain, beside shadow_prices.csv's and the summary's "−100万元".
    const s = handSolvedTown();
    s.sources[0].budgets[0].amount = 4_199_999.2;
    const base = await planScenario(s, "highs");
    const rows = explainPlan(base.solution, base.tables);
    const line = rows.find((r) => r.stage === "shortfall" && r.where === "budget[gov,town,2021]")!;
    const csv = base.tables.shadowPrices.find((p) => p.limit === "budget" && p.year === 2021)!;
    const budget = base.tables.budgets.find((b) => b.year === 2021)!;
    expect(csv.valid_to - budget.budget_yuan).toBeCloseTo(0.8, 2);
    expect(csv.step_amount).toBe(1_000_000);
    // Its room rounded down: formatMoney reads 419.99992万 as "420万元", past it.
    expect(line).toMatchObject({ step: "−100万元", sign: -1, holds: { upTo: "−419.99万元" } });
    for (const r of rows.filter((x) => x.family === "budgets")) expect(r.step, r.where).not.toBe("+1元");
  });

  it("keeps a cost line's rate in yuan, as its value: the value per the natural step (1亿元)", async () => {
    const s = handSolvedTown();
    const base = await planScenario(s, "highs");
    const line = explainPlan(base.solution, base.tables).find((r) => r.stage === "cost" && r.where === "budget[gov,town,2021]")!;
    expect(line.step).toBe("+100万元");
    expect(line.value).toBeCloseTo(1_000_000, 0);
    expect(line.rate).toBeCloseTo(line.value * 100, 0); // 1亿元 is 100 steps of 100万元
  });

  it("says a minimum share's step moves what it requires, and a tightened rule buys no missed target", async () => {
    // Stock of 7 for a target of 8 (missed); residents' money weighs 1.5, so they pay their minimum
    // 10 %. Requiring more of them costs more by itself: "+1万元 above the share (… buys more of a
    // missed target)" read as paying past a limit the share does not set, for a reason that is not it.
    const s = handSolvedTown();
    s.programs[0].leaves[0].stock = 7;
    s.programs[0].shares.residents = { min: 0.1, max: 0.2, capPerHousehold: null };
    s.sources[0].budgets = s.sources[0].budgets.map((b) => ({ ...b, amount: 10_000_000 }));
    s.sources[1].costWeight = 1.5;
    const base = await planScenario(s, "highs");
    expect(base.tables.targets[0].met).toBe(false);
    const rows = explainPlan(base.solution, base.tables);
    const share = rows.find((r) => r.stage === "cost" && r.what.startsWith("minimum share 10% of residents"))!;
    expect(share).toMatchObject({ step: "+10万元 to what the share requires", unit: "of weighted cost spent more" });
    expect(share.value).toBeCloseTo(50_000, 0); // 10万 moved from government money (weight 1) to residents' (1.5)
    // Relaxing a limit while the target is missed: the room buys more of it.
    const stock = rows.find((r) => r.stage === "cost" && r.family === "stock")!;
    expect(stock).toMatchObject({ step: "+1 unit", unit: "of weighted cost spent more (it buys more of a missed target)" });
  });

  it("names the rule a money step moves: what a share, cap or link allows or requires", () => {
    expect(stepText("shares", 1, "1万元", false)).toBe("+1万元 to what the share allows");
    expect(stepText("shares", -1, "1万元", true)).toBe("−1万元 to what the share requires");
    expect(stepText("resident_cap", 1, "10万元", false)).toBe("+10万元 to what the residents' cap allows");
    expect(stepText("links", 1, "1亿元", true)).toBe("+1亿元 to what the link requires");
    expect(stepText("links", -1, "1亿元", false)).toBe("−1亿元 to what the link allows");
    expect(stepText("budgets", 1, "1亿元", false)).toBe("+1亿元");
  });
});

describe("explain: the order of its lines", () => {
  const line = (where: string, stage: ExplainedRow["stage"], rate: number): ExplainedRow => ({
    stage, family: "budgets", where, what: "", state: "", value: rate, rate, unit: "", step: "", also: [],
    holds: null, index: 0, sign: 1,
  });

  it("puts shortfall prices first, each stage largest first, and equal prices by where — not by float noise", () => {
    const lines = [
      line("Guangzhou", "cost", 5),
      line("Foshan", "shortfall", 2),
      line("Shenzhen", "cost", 5 * (1 + 1e-13)), // the same price through another basis
      line("Zhuhai", "cost", 7),
      line("Dongguan", "shortfall", 3),
    ];
    expect([...lines].sort(explainOrder).map((l) => l.where)).toEqual(["Dongguan", "Foshan", "Zhuhai", "Guangzhou", "Shenzhen"]);
  });
});
