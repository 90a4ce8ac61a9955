/**
 * fast-check generators of tables for fenRounding.ts as the engine's budgets shape them: payments per
 * leaf, programme, year and source (a row: one leaf, programme and year), and per source the payments
 * out of its budgets — the province's and each city's in a year, a region group's across cities (county
 * towns), and for a carrying source each region's since the first year — so groups overlap in part.
 * Fractions of a fen come from a few planners' and solvers' values (thirds, tenths, halves, near-whole
 * noise), so totals land on whole fen and ties are common: the cases that leave a sum a fen out.
 */
import fc from "fast-check";

export interface FenTable {
  yuan: number[];
  rows: number[][];
  groups: number[][];
  /** Each amount's payment year (rows lie within one). */
  stages?: number[];
}

const FRACTIONS = [0, 0.25, 0.5, 0.75, 1 / 3, 2 / 3, 0.4, 0.6, 0.2, 0.992, 0.008, 0.504, 0.496];

export const budgetTable: fc.Arbitrary<FenTable> = fc
  .record({
    cities: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 }), // leaves per city
    townMask: fc.array(fc.boolean(), { minLength: 9, maxLength: 9 }), // leaves in the region group
    sources: fc.integer({ min: 1, max: 3 }),
    carries: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
    years: fc.integer({ min: 1, max: 3 }),
    programs: fc.integer({ min: 1, max: 2 }),
    fractions: fc.array(fc.oneof(fc.constantFrom(...FRACTIONS), fc.integer({ min: 0, max: 999 }).map((x) => x / 1000)), { minLength: 162, maxLength: 162 }),
    fen: fc.array(fc.integer({ min: 0, max: 100_000_000 }), { minLength: 162, maxLength: 162 }),
  })
  .map((g) => {
    const leafCity = g.cities.flatMap((n, c) => Array.from({ length: n }, () => c));
    const leaves = leafCity.length;
    const yuan: number[] = [];
    const stages: number[] = [];
    const at = new Map<string, number>();
    const rows: number[][] = [];
    for (let l = 0; l < leaves; l++) for (let p = 0; p < g.programs; p++) for (let y = 0; y < g.years; y++) {
      const row: number[] = [];
      for (let s = 0; s < g.sources; s++) {
        at.set(`${l},${p},${y},${s}`, yuan.length);
        row.push(yuan.length);
        stages.push(y);
        yuan.push((g.fen[yuan.length] + g.fractions[yuan.length]) / 100);
      }
      rows.push(row);
    }
    const regions: number[][] = [Array.from({ length: leaves }, (_, l) => l)];
    g.cities.forEach((_, c) => regions.push(leafCity.flatMap((city, l) => (city === c ? [l] : []))));
    const towns = leafCity.flatMap((_, l) => (g.townMask[l] ? [l] : []));
    if (towns.length > 0) regions.push(towns);
    const groups: number[][] = [];
    const payments = (ls: readonly number[], y: number, s: number) => ls.flatMap((l) => Array.from({ length: g.programs }, (_, p) => at.get(`${l},${p},${y},${s}`)!));
    for (let s = 0; s < g.sources; s++) for (const ls of regions) {
      for (let y = 0; y < g.years; y++) {
        groups.push(payments(ls, y, s));
        if (g.carries[s] && y > 0) groups.push(Array.from({ length: y + 1 }, (_, t) => payments(ls, t, s)).flat());
      }
    }
    return { yuan, rows, groups, stages };
  });

/** Any groups at all (overlapping as they come): tables no budgets make, where the last resort may be needed. */
export const anyTable: fc.Arbitrary<FenTable> = fc
  .record({
    amounts: fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 2, maxLength: 24 }),
    fractions: fc.array(fc.constantFrom(...FRACTIONS), { minLength: 24, maxLength: 24 }),
    width: fc.integer({ min: 1, max: 4 }),
    groups: fc.array(fc.array(fc.integer({ min: 0, max: 23 }), { minLength: 1, maxLength: 8 }), { maxLength: 8 }),
    rowStages: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 24, maxLength: 24 }),
  })
  .map(({ amounts, fractions, width, groups, rowStages }) => {
    const yuan = amounts.map((x, i) => (x + fractions[i]) / 100);
    const rows = Array.from({ length: Math.ceil(yuan.length / width) }, (_, r) => yuan.map((_, i) => i).slice(r * width, (r + 1) * width));
    const stages = yuan.map((_, i) => rowStages[Math.floor(i / width)]);
    return { yuan, rows, groups: groups.map((g) => [...new Set(g.filter((i) => i < yuan.length))]).filter((g) => g.length > 0), stages };
  });
