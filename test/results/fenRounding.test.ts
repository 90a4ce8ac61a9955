/**
 * Controlled rounding to the fen (fenRounding.ts): every amount and every sum named — the payments
 * of a cost row, the payments out of a budget — is rounded down or up, never further.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { roundedToFen, roundToFen } from "../../src/results/fenRounding.js";

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

  it("settles structured tables in work near-linear in their size (search steps, not time)", () => {
    // The Guangdong shape (leaves in cities, every source's province, city and leaf budgets each
    // year) with every fraction alike, and a county's with thirds: every row had to be moved to its
    // nearest fen one breadth-first search per fen, which took 1.7 M steps on the first (3.4 s) and
    // 37 M on a county (73 s).
    const size = (t: Table) => t.yuan.length + t.rows.length + t.groups.length;
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

interface Table {
  yuan: number[];
  rows: number[][];
  groups: number[][];
}

/** /tmp's perf shape: rows (leaf, programme, year) × sources; per source and year the province, each city (leaves l % cities) and each leaf. */
function gridTable(leaves: number, cities: number, years: number, sources: number, programs: number, frac: (i: number) => number): Table {
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
