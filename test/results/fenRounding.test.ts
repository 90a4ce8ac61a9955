/**
 * Controlled rounding to the fen (fenRounding.ts): every amount and every sum named — the payments
 * of a cost row, the payments out of a budget — is rounded down or up, never further.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { roundToFen } from "../../src/results/fenRounding.js";

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
});
