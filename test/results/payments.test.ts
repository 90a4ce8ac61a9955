/**
 * The money written adds up to the fen (docs/outputs.md): plan.csv's cost due is the sum of its
 * payments, budgets.csv's used the sum of the source's payments, carried out = budget + carried in −
 * used, and a budget spent to the yuan reads spent, not a fen over — also when the budgets have
 * fractions of a fen, as budgets scaled by min-budget's λ do. Each payment rounded on its own left a
 * county's budget 0.75 yuan from its payments, and Guangdong's province budgets a fen over.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildPlanningModel } from "../../src/model/build.js";
import { type ModelContext, MONEY_UNIT } from "../../src/model/context.js";
import { diagnosticsOf } from "../../src/plan/diagnostics.js";
import { planScenario } from "../../src/plan/planScenario.js";
import { loadScenario } from "../../src/scenario/index.js";
import { solveStages } from "../../src/plan/solvePlan.js";
import { reportedBudgetMoney } from "../../src/results/carry.js";
import { extractTables } from "../../src/results/extract.js";
import { FEN_NOISE } from "../../src/results/fenRounding.js";
import { reportedPayments } from "../../src/results/payments.js";
import { roundingRow } from "../../src/results/roundingNotes.js";
import type { Scenario } from "../../src/scenario/types.js";
import { fenIdentities } from "../helpers/fenIdentities.js";
import { paidScenario, provinceScenario, smallScenario } from "../helpers/generators.js";
import { handSolvedTown, program, region, scenario, source, tree } from "../helpers/scenario.js";

/** Every budget × λ, unrounded (fractions of a fen); the first programme in whole units or not. */
function scaled(s: Scenario, lambda: number, whole: boolean): Scenario {
  return {
    ...s,
    programs: s.programs.map((p, i) => (i === 0 ? { ...p, integer: whole } : p)),
    sources: s.sources.map((source) => ({ ...source, budgets: source.budgets.map((b) => ({ ...b, amount: b.amount * lambda })) })),
  };
}

describe("reported payments", () => {
  it("add up to the county's budgets at min-budget's λ: used is the sum of the payments (大埔县 towns)", async () => {
    // budgets.csv read 20,238,202.74 used of the county's 2028 money, funding.csv 20,238,201.99.
    const dir = "test/fixtures/finance/dabu";
    const { scenario } = loadScenario(`${dir}/dabu-2025-2027.yaml`, { overlays: [`${dir}/lambda-overlay.yaml`] });
    const planned = await planScenario(scenario, "highs");
    // Whole towns at the breaking point cost a few fen more than λ's budgets hold (docs/model.md).
    expect(fenIdentities(scenario, planned.tables, true)).toEqual([]);
  }, 60_000);

  it("add up to every documented total to the fen, with budgets of fractions of a fen (generated scenarios)", async () => {
    const cases = fc.record({
      s: smallScenario,
      lambda: fc.double({ min: 0.3, max: 1.7, noNaN: true }),
      whole: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(cases, async ({ s, lambda, whole }) => {
        const scenario = scaled(s, lambda, whole);
        const sol = await solveStages(buildPlanningModel(scenario), "highs");
        expect(sol.status).toBe("optimal");
        expect(fenIdentities(scenario, extractTables(sol), whole)).toEqual([]);
      }),
      // No shrinking: shrunk scenarios reach one that HiGHS calls infeasible though no starts fit it
      // (javascript-lp-solver plans it), which would hide the case that failed.
      { numRuns: 60, seed: 2025, endOnFailure: true },
    );
  }, 120_000);

  it("add up to every documented total to the fen with budgets at two levels and across cities (generated scenarios)", async () => {
    const cases = fc.record({ s: provinceScenario, lambda: fc.double({ min: 0.3, max: 1.7, noNaN: true }) });
    await fc.assert(
      fc.asyncProperty(cases, async ({ s, lambda }) => {
        const scenario = scaled(s, lambda, false);
        const sol = await solveStages(buildPlanningModel(scenario), "highs");
        expect(sol.status).toBe("optimal");
        const tables = extractTables(sol);
        expect(fenIdentities(scenario, tables)).toEqual([]);
        expect(tables.diagnostics).toEqual([]);
      }),
      { numRuns: 300, seed: 2026, endOnFailure: true },
    );
  }, 120_000);
});

describe("reported payments of budgets that overlap in part", () => {
  it("keep a city's budget within its money over a carry beside the province's budget of the year", () => {
    // Province P ⊃ city C ⊃ leaf A; leaf B in P only; budgets of one carrying source at P and C. C
    // uses 99.992 of its 100 yuan in 2021 and 100.008 in 2022: spent exactly over the carry, it read
    // "used 100.01 of 100 + 0 carried in" and carried 0 where −0.01 was left.
    const leaves = ["A", "B"].map((r) => ({ region: r, stock: 10, householdsPerUnit: 1, unitCost: 1e6 }));
    const shares = { gov: { min: 0, max: 1, capPerHousehold: null } };
    const s = scenario({
      regions: tree([region("P"), region("C", "P"), region("A", "C"), region("B", "P")]),
      programs: ["p", "q"].map((id) => program({ id, leaves, shares })),
      sources: [source({ id: "gov", kind: "government", carryover: true, budgets: [
        { region: "P", year: 2021, amount: 1e6 }, { region: "P", year: 2022, amount: 1e6 },
        { region: "C", year: 2021, amount: 100 }, { region: "C", year: 2022, amount: 100 },
      ] })],
    });
    const fen = new Map(Object.entries({
      "A|p|2021": 6000.6, "A|q|2021": 3998.6, "A|p|2022": 6000.6, "A|q|2022": 4000.2,
      "B|p|2021": 100, "B|q|2021": 200, "B|p|2022": 100.3, "B|q|2022": 200.7,
    }).map(([k, f]) => [k.replace(/\|(\d+)$/, "|$1|gov"), f]));
    const ctx = buildPlanningModel(s).ctx;
    expect(moneyIdentities(ctx, paying(ctx, fen))).toEqual([]);
  });

  it("keep a city's budget within its money beside a budget on county towns across cities", () => {
    // Towns c1c, c2c, c3c across cities; city C1 (c1u, c1v, c1c) spends its 100 yuan exactly.
    const ids = ["c1u", "c1v", "c1c", "c2c", "c3c"];
    const regions = tree([region("P"), ...["C1", "C2", "C3"].map((c) => region(c, "P")), ...ids.map((l) => region(l, `C${l[1]}`))]);
    regions.push({ id: "towns", name: "towns", parent: null, children: [], leaves: ["c1c", "c2c", "c3c"], isLeaf: false, isGroup: true });
    const s = scenario({
      horizon: { start: 2021, end: 2021 },
      regions,
      programs: [program({ id: "p", leaves: ids.map((r) => ({ region: r, stock: 10, householdsPerUnit: 1, unitCost: 1e6 })), shares: { gov: { min: 0, max: 1, capPerHousehold: null } } })],
      sources: [source({ id: "gov", kind: "government", budgets: [{ region: "towns", year: 2021, amount: 1e6 }, { region: "C1", year: 2021, amount: 100 }] })],
    });
    const fenOf: Record<string, number> = { c1u: 3000.6, c1v: 3000.6, c1c: 3998.8, c2c: 100.3, c3c: 100.3 };
    const ctx = buildPlanningModel(s).ctx;
    expect(moneyIdentities(ctx, paying(ctx, new Map(ids.map((l) => [`${l}|p|2021|gov`, fenOf[l]]))))).toEqual([]);
  });

  it("add up exactly where budgets are spent to the fen at two levels, across cities and over carries (generated payments)", () => {
    fc.assert(
      fc.property(paidScenario, ({ scenario: s, fen }) => {
        const ctx = buildPlanningModel(s).ctx;
        expect(moneyIdentities(ctx, paying(ctx, fen))).toEqual([]);
      }),
      { numRuns: 300, seed: 17 },
    );
  });

  it("say in diagnostics.csv which sum they could not hold where no rounding holds every budget, none read over", async () => {
    // Budgets of two sources on three groups that overlap pairwise, every payment half a fen: each
    // group spends its 2,000.01 yuan exactly, which each source's three payments cannot all do.
    const ids = ["a", "b", "c"];
    const regions = tree([region("root"), ...ids.map((l) => region(l, "root"))]);
    for (const g of ["ab", "bc", "ac"]) regions.push({ id: g, name: g, parent: null, children: [], leaves: [...g], isLeaf: false, isGroup: true });
    const shares = { gov: { min: 0, max: 1, capPerHousehold: null }, ent: { min: 0, max: 1, capPerHousehold: null } };
    const budgets = ["ab", "bc", "ac"].map((r) => ({ region: r, year: 2021, amount: 2000.01 }));
    const s = scenario({
      horizon: { start: 2021, end: 2021 },
      regions,
      programs: [program({ id: "p", leaves: ids.map((r) => ({ region: r, stock: 10, householdsPerUnit: 1, unitCost: 1e6 })), shares })],
      sources: [source({ id: "gov", kind: "government", budgets }), source({ id: "ent", kind: "enterprise", budgets })],
    });
    const ctx = buildPlanningModel(s).ctx;
    const primal = paying(ctx, new Map(ids.flatMap((l) => ["gov", "ent"].map((src) => [`${l}|p|2021|${src}`, 100_000.5]))));
    const { paid, notes } = reportedPayments(ctx, primal);
    expect(notes.length).toBeGreaterThan(0);
    expect(notes.map((n) => n.where).join(" ")).toMatch(/budget\[(gov|ent),(ab|bc|ac),2021\]|cost\[[abc],p,2021\]/);
    const money = reportedBudgetMoney(ctx, primal, paid);
    ctx.index.budgetRows.forEach((_, k) => expect(Math.round(money.used[k] * 100)).toBeLessThanOrEqual(200_001));
    // The rows reach diagnostics.csv beside the plan's own.
    const planned = await planScenario(handSolvedTown(), "highs");
    const rows = diagnosticsOf(planned.solution, { ...planned.tables, diagnostics: notes.map(roundingRow) });
    expect(rows.filter((r) => r.kind === "rounding").map((r) => r.where)).toEqual(notes.map((n) => n.where));
    expect(rows.some((r) => r.kind === "budget_binding")).toBe(true);
  });
});

describe("reported payments' solver noise", () => {
  it("is added to the largest payment of its row, so a whole town reads its cost", () => {
    // A town of 1000万 paid 9,999,999.76 by the county and 0.24 of noise by the province read a cost of 9,999,999.76.
    const s = scenario({
      horizon: { start: 2021, end: 2021 },
      regions: tree([region("county")]),
      programs: [program({ id: "town", integer: true, leaves: [{ region: "county", stock: 3, householdsPerUnit: 1, unitCost: 1e7 }],
        shares: { county: { min: 0, max: 1, capPerHousehold: null }, prov: { min: 0, max: 1, capPerHousehold: null } } })],
      sources: [source({ id: "county", kind: "government" }), source({ id: "prov", kind: "government" })],
    });
    const ctx = buildPlanningModel(s).ctx;
    const primal = new Float64Array(ctx.model.variables.length);
    primal[ctx.index.fundsCol(0, 0, 0)] = 9_999_999.76 / MONEY_UNIT;
    primal[ctx.index.fundsCol(0, 0, 1)] = 0.24 / MONEY_UNIT;
    const { paid } = reportedPayments(ctx, primal);
    expect([paid[ctx.index.fundsCol(0, 0, 0)], paid[ctx.index.fundsCol(0, 0, 1)]]).toEqual([10_000_000, 0]);
    // A row of noise only still reads nothing.
    primal[ctx.index.fundsCol(0, 0, 0)] = 0.5 / MONEY_UNIT;
    expect(reportedPayments(ctx, primal).paid[ctx.index.fundsCol(0, 0, 0)]).toBe(0);
  });

  it("goes only to a payment whose budgets have room for it: a budget spent to the fen does not read over", () => {
    // The county spends its budget of 9,999,999.76 to the fen; the province's 0.24 is real money the
    // plan pays, under the reporting tolerance. Moved onto the county it read 0.24 over its budget.
    const shares = { county: { min: 0, max: 1, capPerHousehold: null }, prov: { min: 0, max: 1, capPerHousehold: null }, ent: { min: 0, max: 1, capPerHousehold: null } };
    const s = scenario({
      horizon: { start: 2021, end: 2021 },
      regions: tree([region("county")]),
      programs: [program({ id: "town", leaves: [{ region: "county", stock: 3, householdsPerUnit: 1, unitCost: 2e7 }], shares })],
      sources: [
        source({ id: "county", kind: "government", budgets: [{ region: "county", year: 2021, amount: 9_999_999.76 }] }),
        source({ id: "prov", kind: "government" }),
        source({ id: "ent", kind: "enterprise", budgets: [{ region: "county", year: 2021, amount: 5_000_000 }] }),
      ],
    });
    const ctx = buildPlanningModel(s).ctx;
    const pay = (county: number, ent: number) => {
      const primal = new Float64Array(ctx.model.variables.length);
      [county, 0.24, ent].forEach((y, k) => (primal[ctx.index.fundsCol(0, 0, k)] = y / MONEY_UNIT));
      const { paid } = reportedPayments(ctx, primal);
      return [0, 1, 2].map((k) => paid[ctx.index.fundsCol(0, 0, k)]);
    };
    // The enterprise, next largest, has room: it takes the noise and the row reads what the plan pays.
    expect(pay(9_999_999.76, 4_000_000)).toEqual([9_999_999.76, 0, 4_000_000.24]);
    // Neither has room: the noise goes, and the row reads 0.24 short, every budget within its money.
    expect(pay(9_999_999.76, 5_000_000)).toEqual([9_999_999.76, 0, 5_000_000]);
  });
});

/** A primal paying `fen` (keyed leaf|programme|year|source) through the funds columns, nothing else. */
function paying(ctx: ModelContext, fen: ReadonlyMap<string, number>): Float64Array {
  const primal = new Float64Array(ctx.model.variables.length);
  for (const lp of ctx.leafPrograms) ctx.paymentYears.forEach((year, y) => ctx.scenario.sources.forEach((src, s) => {
    const v = ctx.index.fundsCol(lp.index, y, s);
    const f = fen.get(`${lp.leaf.region}|${lp.program.id}|${year}|${src.id}`);
    if (v >= 0 && f !== undefined) primal[v] = f / 100 / MONEY_UNIT;
  }));
  return primal;
}

/**
 * The money budgets.csv and plan.csv report of `primal`, checked exactly in fen: every payment within
 * a fen of its own, a leaf's year within a fen of its exact cost, each budget's used the sum of its
 * payments and within a fen of what the plan pays from it, never more than its budget and what was
 * carried in, carried out = budget + carried in − used (what the next year brings in), and no sum the
 * rounding could not hold.
 */
function moneyIdentities(ctx: ModelContext, primal: Float64Array): string[] {
  const out: string[] = [];
  const { paid, notes } = reportedPayments(ctx, primal);
  out.push(...notes.map((n) => `note ${n.where}`));
  const money = reportedBudgetMoney(ctx, primal, paid);
  const fen = (yuan: number) => Math.round(yuan * 100);
  const exact = (v: number) => primal[v] * MONEY_UNIT * 100;
  for (const lp of ctx.leafPrograms) ctx.paymentYears.forEach((year, y) => {
    const vs = ctx.scenario.sources.map((_, s) => ctx.index.fundsCol(lp.index, y, s)).filter((v) => v >= 0);
    for (const v of vs) if (Math.abs(fen(paid[v]) - exact(v)) >= 1) out.push(`payment ${v}: ${paid[v]} of ${exact(v) / 100}`);
    if (!within(vs.reduce((a, v) => a + fen(paid[v]), 0), vs.reduce((a, v) => a + exact(v), 0))) out.push(`cost ${lp.leaf.region}|${lp.program.id}|${year}`);
  });
  const outOf = new Map<number, number>();
  ctx.index.budgetRows.forEach((b, k) => {
    const where = `${ctx.scenario.sources[b.source].id}|${b.region}|${b.year}`;
    const vs = ctx.model.rows[b.row].terms.map((t) => t.v).filter((v) => v !== b.carryIn && v !== b.carryOut);
    const [used, budget, carriedIn, carriedOut] = [money.used[k], ctx.model.rows[b.row].ub * MONEY_UNIT, money.carriedIn[k], money.carriedOut[k]].map(fen);
    if (used !== vs.reduce((a, v) => a + fen(paid[v]), 0)) out.push(`used ${where}: not its payments' sum`);
    if (!within(used, vs.reduce((a, v) => a + exact(v), 0))) out.push(`used ${where}: ${used / 100} of ${vs.reduce((a, v) => a + exact(v), 0) / 100} paid`);
    if (used > budget + carriedIn) out.push(`overspent ${where}: ${used / 100} of ${budget / 100} + ${carriedIn / 100}`);
    if (b.carryOut >= 0 && carriedOut !== budget + carriedIn - used) out.push(`carried ${where}: ${carriedOut / 100} of ${(budget + carriedIn - used) / 100} left`);
    if (b.carryIn >= 0 && outOf.has(b.carryIn) && carriedIn !== outOf.get(b.carryIn)) out.push(`carried in ${where}`);
    if (b.carryOut >= 0) outOf.set(b.carryOut, carriedOut);
  });
  return out;
}

/** Whether a written total (fen) is its exact total's fen below or above (that fen alone within FEN_NOISE of it). */
function within(written: number, exact: number): boolean {
  const near = Math.round(exact);
  if (Math.abs(exact - near) < FEN_NOISE - 1e-6) return written === near;
  return written >= Math.floor(exact) && written <= Math.ceil(exact);
}
