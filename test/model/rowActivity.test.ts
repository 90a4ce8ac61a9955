import { describe, expect, it } from "vitest";
import { bindsAt } from "../../src/model/rowActivity.js";
import type { Row } from "../../src/model/types.js";

// funds − 0.8 · cost ≤ 0: a maximum share of 80 %.
const share: Row = { terms: [{ v: 0, c: 1 }, { v: 1, c: -0.8 }], lb: -Infinity, ub: 0, ref: { family: "shares" } as Row["ref"] };

describe("a row binding a plan", () => {
  it("is on one of its bounds within a millionth", () => {
    expect(bindsAt(share, [8, 10])).toBe(true);
    expect(bindsAt(share, [7.99, 10])).toBe(false);
    const floor: Row = { ...share, lb: 2e6, ub: Infinity, terms: [{ v: 0, c: 1 }] };
    expect(bindsAt(floor, [2e6 + 1])).toBe(true); // 1 in 2,000,000 is within 1e-6 relative
    expect(bindsAt(floor, [2e6 + 3])).toBe(false);
  });
  it("holds something back: nothing paid and nothing due (0 ≤ 0) is tight but binds nothing", () => {
    expect(bindsAt(share, [0, 0])).toBe(false);
  });
});
