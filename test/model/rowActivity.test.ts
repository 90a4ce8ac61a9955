import { describe, expect, it } from "vitest";
import { bindsAt, isTightAt, rowActivity } from "../../src/model/rowActivity.js";
import type { Row } from "../../src/model/types.js";

const share: Row = { terms: [{ v: 0, c: 1 }, { v: 1, c: -0.8 }], lb: -Infinity, ub: 0, ref: { family: "shares" } as Row["ref"] };

describe("a row at a point", () => {
  it("sums its terms", () => {
    expect(rowActivity(share, [8, 10])).toBeCloseTo(0, 12);
    expect(rowActivity(share, [5, 10])).toBeCloseTo(-3, 12);
  });
  it("is tight on either bound within a millionth, and binds only with something in it", () => {
    expect(isTightAt(share, [8, 10])).toBe(true);
    expect(isTightAt(share, [7.99, 10])).toBe(false);
    expect(bindsAt(share, [8, 10])).toBe(true);
    // Nothing paid and nothing due: tight (0 ≤ 0), but it holds nothing back.
    expect(isTightAt(share, [0, 0])).toBe(true);
    expect(bindsAt(share, [0, 0])).toBe(false);
    const floor: Row = { ...share, lb: 2e6, ub: Infinity, terms: [{ v: 0, c: 1 }] };
    expect(isTightAt(floor, [2e6 + 1])).toBe(true); // 1 in 2,000,000 is within 1e-6 relative
    expect(isTightAt(floor, [2e6 + 3])).toBe(false);
  });
});
