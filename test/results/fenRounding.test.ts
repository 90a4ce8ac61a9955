/**
 * Controlled rounding to the fen (fenRounding.ts): every amount and every sum named — the payments
 * of a cost row, the payments out of a budget — is rounded down or up, never further; groups that
 * overlap in part too (fenOverlaps.ts), and where a table admits no such rounding no group reads
 * above its bound and every sum not held is returned.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FEN_NOISE, roundedToFen, roundToFen } from "../../src/results/fenRounding.js";
import { anyTable, budgetTable, type FenTable } from "../helpers/fenTables.js";

const fen = (yuan: number) => Math.round(yuan * 100);
const sum = (xs: readonly number[], members: readonly number[]) => members.reduce((s, i) => s + xs[i], 0);
/** Within a fen, as whole fen: the rounded sum is the exact one's floor or ceiling. */
const withinAFen = (rounded: number, exact: number) => Math.abs(fen(rounded) - exact * 100) < 1 + 1e-6;

describe("rounding to the fen", () => {
  it("keeps a whole unit's cost whole however its payments split it", () => {
    const third = 10_000_000 / 3;
    const r = roundToFen([third, third, third], [[0, 1, 2]], []);
    expect(r.reduce((s, x) => s + fen(x), 0)).toBe(fen(10_000_000));
    for (const x of r) expect(Math.abs(x - third)).toBeLessThan(0.01);
  });

  it("rounds each amount to its nearest fen where no sum needs otherwise", () => {
    expect(roundToFen([1.234, 5.678, 3600000.0000000005], [[0], [1], [2]], [])).toEqual([1.23, 5.68, 3_600_000]);
    expect(roundToFen([0.004, 0], [[0, 1]], [])).toEqual([0, 0]);
    expect(roundToFen([2.346, 7.001], [], [])).toEqual([2.35, 7]); // in no row: each its own
  });

  it("keeps the payments out of a budget spent to the yuan at the budget, not a fen above it", () => {
    // Nine leaves each paying 1/9 of 600,000,000 (66,666,666.666…): nearest fen each reads 600,000,000.03.
    const ninth = 600_000_000 / 9;
    const amounts = Array.from({ length: 9 }, () => ninth);
    const rows = amounts.map((_, i) => [i]);
    const nearest = roundToFen(amounts, rows, []);
    expect(nearest.reduce((s, x) => s + fen(x), 0)).toBe(fen(600_000_000.03));
    const held = roundToFen(amounts, rows, [amounts.map((_, i) => i)]);
    expect(held.reduce((s, x) => s + fen(x), 0)).toBe(fen(600_000_000));
  });

  it("holds rows and nested groups within a fen of their sums, each amount within a fen of its own (generated tables)", () => {
    const table = fc.record({
      leaves: fc.integer({ min: 1, max: 6 }),
      sources: fc.integer({ min: 1, max: 4 }),
      cents: fc.array(fc.integer({ min: 0, max: 1_000_000_000 }), { minLength: 24, maxLength: 24 }),
      thirds: fc.array(fc.boolean(), { minLength: 24, maxLength: 24 }),
      cities: fc.integer({ min: 1, max: 3 }),
    });
    fc.assert(
      fc.property(table, ({ leaves, sources, cents, thirds, cities }) => {
        // amount (leaf, source): thousandths of a fen, or thirds of one.
        const yuan: number[] = [];
        for (let l = 0; l < leaves; l++) for (let s = 0; s < sources; s++) {
          const k = l * sources + s;
          yuan.push(thirds[k] ? cents[k] / 300 : cents[k] / 100_000);
        }
        const at = (l: number, s: number) => l * sources + s;
        const rows = Array.from({ length: leaves }, (_, l) => Array.from({ length: sources }, (_, s) => at(l, s)));
        // Per source: the province's budget over every leaf, and one per city of leaves l % cities.
        const groups: number[][] = [];
        for (let s = 0; s < sources; s++) {
          groups.push(Array.from({ length: leaves }, (_, l) => at(l, s)));
          for (let c = 0; c < cities; c++) groups.push(Array.from({ length: leaves }, (_, l) => l).filter((l) => l % cities === c).map((l) => at(l, s)));
        }
        const r = roundToFen(yuan, rows, groups);
        r.forEach((x, i) => expect(Math.abs(x - yuan[i])).toBeLessThan(0.01 + 1e-9));
        for (const g of [...rows, ...groups]) expect(withinAFen(sum(r, g), sum(yuan, g)), `${g}`).toBe(true);
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it("bounds a sum by its exact total, amounts read as a whole fen counted at what they were", () => {
    // 63 payments each 0.008 fen under a whole fen and one of 0.504 fen: exactly 1,000.00 yuan, not 1,000.01.
    const yuan = [...Array.from({ length: 63 }, () => 1000.992 / 100), 0];
    yuan[63] = (100_000 - yuan.slice(0, 63).reduce((s, y) => s + y * 100, 0)) / 100;
    const r = roundToFen(yuan, yuan.map((_, i) => [i]), [yuan.map((_, i) => i)]);
    expect(r.reduce((s, x) => s + fen(x), 0)).toBe(100_000);
    r.forEach((x, i) => expect(Math.abs(x - yuan[i])).toBeLessThan(0.01));
  });

  it("holds a city's payments since its carry began beside the province's year, which overlap in part", () => {
    // One source: city C (leaf A) inside province P (leaves A, B), 2021–2022, each payment a row of
    // its own. C uses 99.992 of 100 in 2021 and 100.008 in 2022: spent exactly over the carry, so its
    // two years must read 200.00 together — 100.00 + 100.01 read 100.01 used of 100 + 0 carried in.
    const fenOf = [6000.6, 3998.6, 0, 100, 100, 100, 6000.6, 4000.2, 0, 100.3, 100.3, 100.4];
    const yuan = fenOf.map((f) => f / 100);
    const [a21, b21, a22, b22] = [[0, 1, 2], [3, 4, 5], [6, 7, 8], [9, 10, 11]];
    const groups = [[...a21, ...b21], a21, [...a22, ...b22], [...a21, ...b21, ...a22, ...b22], a22, [...a21, ...a22]];
    for (const stages of [undefined, fenOf.map((_, i) => (i < 6 ? 0 : 1))]) {
      const r = roundedToFen(yuan, [], groups, stages);
      expect(r.unheld).toEqual([]);
      expect(outside({ yuan, rows: [], groups }, r.yuan)).toEqual([]);
      expect(total(r.yuan, [...a21, ...a22])).toBe(20_000);
    }
  });

  it("holds a region group's budget beside the cities' budgets of its source", () => {
    // County towns c1c, c2c, c3c across cities; city C1 (c1u, c1v, c1c) spends its 100 yuan exactly.
    const yuan = [3000.6, 3000.6, 3998.8, 100.3, 100.3].map((f) => f / 100);
    const groups = [[2, 3, 4], [0, 1, 2]];
    const r = roundedToFen(yuan, [], groups);
    expect(r.unheld).toEqual([]);
    expect(total(r.yuan, [0, 1, 2])).toBe(10_000);
  });

  it("holds every row and budget group within its bounds, overlapping or not (generated budget tables)", () => {
    fc.assert(
      fc.property(budgetTable, (t) => {
        const r = roundedToFen(t.yuan, t.rows, t.groups, t.stages);
        r.yuan.forEach((x, i) => expect(Math.abs(x - t.yuan[i])).toBeLessThan(0.01 + 1e-9));
        expect(outside(t, r.yuan)).toEqual([]);
        expect(r.unheld).toEqual([]);
      }),
      { numRuns: 400, seed: 11 },
    );
  });

  it("never reads a group above its bound, and returns every sum it could not hold, alike every time (any groups)", () => {
    fc.assert(
      fc.property(anyTable, fc.boolean(), (t, staged) => {
        const stages = staged ? t.stages : undefined;
        const r = roundedToFen(t.yuan, t.rows, t.groups, stages);
        r.yuan.forEach((x, i) => expect(Math.abs(x - t.yuan[i])).toBeLessThan(0.01 + 1e-9));
        t.groups.forEach((g, k) => expect(total(r.yuan, g) <= bounds(exactFen(t.yuan, g)).ub, `group ${k}`).toBe(true));
        expect(r.unheld.map((u) => `${u.kind} ${u.index}`).sort()).toEqual(outside(t, r.yuan).sort());
        expect(roundedToFen(t.yuan, t.rows, t.groups, stages)).toEqual(r);
      }),
      { numRuns: 400, seed: 5 },
    );
  });

  it("where no rounding holds every group, rounds their amounts down and says which sums it could not hold", () => {
    // Three groups overlapping pairwise over two sources, every payment half a fen: each group must
    // read one fen up, so each source's three payments 1.5 — no rounding holds them all.
    const yuan = [0, 1, 2, 3, 4, 5].map(() => 1000.5 / 100);
    const rows = [[0, 3], [1, 4], [2, 5]];
    const groups = [[0, 1], [1, 2], [0, 2], [3, 4], [4, 5], [3, 5]];
    const r = roundedToFen(yuan, rows, groups);
    expect(r.unheld.length).toBeGreaterThan(0);
    expect(r.unheld.map((u) => `${u.kind} ${u.index}`).sort()).toEqual(outside({ yuan, rows, groups }, r.yuan).sort());
    for (const g of groups) expect(total(r.yuan, g)).toBeLessThanOrEqual(2001);
  });

  it("settles structured tables in work near-linear in their size (search steps, not time)", () => {
    // The Guangdong shape (leaves in cities, every source's province, city and leaf budgets each
    // year) with every fraction alike, and a county's with thirds: every row had to be moved to its
    // nearest fen one breadth-first search per fen, which took 1.7 M steps on the first (3.4 s) and
    // 37 M on a county (73 s).
    const size = (t: FenTable) => t.yuan.length + t.rows.length + t.groups.length;
    for (const [leaves, cities, years, sources, programs, frac] of [
      [36, 21, 6, 8, 1, () => 0.4],
      [40, 7, 7, 6, 3, (i: number) => (i % 3 === 0 ? 1 / 3 : 2 / 3)],
    ] as const) {
      const small = gridTable(leaves, cities, years, sources, programs, frac);
      const large = gridTable(leaves * 4, cities, years, sources, programs, frac);
      const [s, l] = [small, large].map((t) => roundedToFen(t.yuan, t.rows, t.groups));
      expect(s.unheld).toEqual([]);
      expect(l.unheld).toEqual([]);
      expect(s.steps, `${leaves} leaves`).toBeLessThan(20 * size(small));
      expect(l.steps, `${leaves * 4} leaves`).toBeLessThan(20 * size(large));
    }
  });
});

/** Σ written fen of `members`. */
function total(yuan: readonly number[], members: readonly number[]): number {
  return members.reduce((s, i) => s + fen(yuan[i]), 0);
}

function exactFen(yuan: readonly number[], members: readonly number[]): number {
  return members.reduce((s, i) => s + yuan[i] * 100, 0);
}

/**
 * The fen below and above an exact total in fen; that fen alone within FEN_NOISE of it (either, at
 * FEN_NOISE itself: floating point adds the amounts in another order than the rounding does).
 */
function bounds(exact: number): { lb: number; ub: number } {
  const near = Math.round(exact);
  return Math.abs(exact - near) < FEN_NOISE - 1e-6 ? { lb: near, ub: near } : { lb: Math.floor(exact), ub: Math.ceil(exact) };
}

/** The rows (and amounts in none, after them) and groups whose written total is outside its bounds. */
function outside(t: FenTable, written: readonly number[]): string[] {
  const inRows = new Set(t.rows.flat());
  const rows = [...t.rows, ...t.yuan.flatMap((_, i) => (inRows.has(i) ? [] : [[i]]))];
  const out = (members: readonly number[]) => {
    const { lb, ub } = bounds(exactFen(t.yuan, members));
    const w = total(written, members);
    return w < lb || w > ub;
  };
  return [...rows.flatMap((r, k) => (out(r) ? [`row ${k}`] : [])), ...t.groups.flatMap((g, k) => (out(g) ? [`group ${k}`] : []))];
}

/** /tmp's perf shape: rows (leaf, programme, year) × sources; per source and year the province, each city (leaves l % cities) and each leaf. */
function gridTable(leaves: number, cities: number, years: number, sources: number, programs: number, frac: (i: number) => number): FenTable {
  const yuan: number[] = [];
  const rows: number[][] = [];
  const at = (l: number, p: number, y: number, s: number) => (((l * programs + p) * years + y) * sources) + s;
  for (let l = 0; l < leaves; l++) for (let p = 0; p < programs; p++) for (let y = 0; y < years; y++) {
    rows.push(Array.from({ length: sources }, () => yuan.push(1e6 + frac(yuan.length) / 100) - 1));
  }
  const groups: number[][] = [];
  const all = Array.from({ length: leaves }, (_, l) => l);
  for (let s = 0; s < sources; s++) for (let y = 0; y < years; y++) {
    const of = (ls: readonly number[]) => ls.flatMap((l) => Array.from({ length: programs }, (_, p) => at(l, p, y, s)));
    groups.push(of(all));
    for (let c = 0; c < cities; c++) groups.push(of(all.filter((l) => l % cities === c)));
    for (const l of all) groups.push(of([l]));
  }
  return { yuan, rows, groups };
}
