import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { wholeCapacityCuts, wholeFailures, wholeUnfunded } from "../../src/montecarlo/wholeUnits.js";

const cutsOf = (candidates: number[], whole: number[], spu: number[], excess: number) => {
  const total = candidates.reduce((a, c, i) => a + spu[i] * c, 0);
  const keep = 1 - excess / total;
  const cut = new Float64Array(candidates.length);
  wholeCapacityCuts(candidates.map((_, i) => i), Uint8Array.from(whole), Float64Array.from(spu), Float64Array.from(candidates), keep, excess, cut);
  return [...cut];
};

describe("whole units in execution", () => {
  it("draws the binomial number of whole candidates failing, and a fractional remainder in expectation", () => {
    expect(wholeFailures(6, 0, 0.3)).toBe(0);
    expect(wholeFailures(6, 0.0025, 0.5)).toBe(0); // P(no failure) = 0.985 > 0.5
    expect(wholeFailures(6, 0.0025, 0.99)).toBe(1);
    expect(wholeFailures(2.9999999996, 0.5, 0.99)).toBe(2.9999999996); // three whole units, all failing: no more than there are
    expect(wholeFailures(2.5, 0.2, 0.01)).toBeCloseTo(0.5 * 0.2, 12); // two whole units, none failing, half a unit in expectation
  });

  it("defers the whole units a shortage of money lacks, and one more with the probability of its fraction", () => {
    expect(wholeUnfunded(0.03, 5, 0.02)).toBe(1); // u below the 3 % lacking: deferred
    expect(wholeUnfunded(0.03, 5, 0.5)).toBe(0); // else started, its gap recorded as one
    expect(wholeUnfunded(1.4, 5, 0.3)).toBe(2);
    expect(wholeUnfunded(1.4, 5, 0.5)).toBe(1);
    expect(wholeUnfunded(2.0000000004, 5, 0.01)).toBe(2); // a whole number to rounding: no extra unit
    expect(wholeUnfunded(2.7, 2.5, 0.01)).toBe(2.5); // never more than the candidates
    // Unbiased: over a grid of uniforms the mean is the divisible rule's.
    let sum = 0;
    for (let k = 0; k < 1000; k++) sum += wholeUnfunded(0.37, 5, (k + 0.5) / 1000);
    expect(sum / 1000).toBeCloseTo(0.37, 9);
  });

  it("cuts one whole unit for a limit over by one slot, not one unit of every member", () => {
    // Divisible: every member 1/6 of its candidates; rounded up, every member would lose one unit (5 in all).
    expect(cutsOf([3, 3, 2, 2, 2], [1, 1, 1, 1, 1], [1, 1, 1, 1, 1], 2)).toEqual([1, 1, 0, 0, 0]);
    // A whole and a divisible member over by 1 slot: the whole unit goes, the divisible member keeps all.
    expect(cutsOf([3, 3], [1, 0], [1, 1], 1)).toEqual([1, 0]);
    // Over by half a slot: one whole unit goes, however it is shared.
    expect(cutsOf([4, 4], [1, 1], [1, 1], 0.5)).toEqual([0, 1]); // ties: the first member gives its unit back first
  });

  it("never cuts past a member's candidates, and leaves divisible-only limits to the proportional rule", () => {
    const cut = cutsOf([2.5, 10], [1, 0], [1, 1], 11);
    expect(cut[0]).toBe(2.5);
    expect(cut[0] + cut[1]).toBeCloseTo(11, 9);
  });

  it("keeps the limit with whole cuts and cuts less than one extra unit of the largest whole member (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ candidates: fc.integer({ min: 0, max: 9 }), whole: fc.boolean(), spu: fc.constantFrom(1, 2, 3) }), { minLength: 1, maxLength: 6 }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        (members, share) => {
          const total = members.reduce((a, m) => a + m.spu * m.candidates, 0);
          fc.pre(total > 0);
          const excess = total * share;
          const cut = cutsOf(members.map((m) => m.candidates), members.map((m) => (m.whole ? 1 : 0)), members.map((m) => m.spu), excess);
          let slots = 0;
          members.forEach((m, i) => {
            expect(cut[i]).toBeGreaterThanOrEqual(0);
            expect(cut[i]).toBeLessThanOrEqual(m.candidates + 1e-12);
            if (m.whole) expect(Number.isInteger(cut[i])).toBe(true);
            slots += m.spu * cut[i];
          });
          expect(slots).toBeGreaterThanOrEqual(excess - 1e-6 * Math.max(1, excess));
          const largest = Math.max(0, ...members.filter((m) => m.whole).map((m) => m.spu));
          expect(slots).toBeLessThanOrEqual(excess + largest + 1e-9);
        },
      ),
      { numRuns: 500, seed: 20261204 },
    );
  });
});
