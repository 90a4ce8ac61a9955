import { describe, expect, it } from "vitest";
import { sortedCopy } from "../../src/stats/sortedCopy.js";

describe("sortedCopy", () => {
  it("sorts numerically into a copy, −0 before +0, NaN last", () => {
    const xs = [3, NaN, 0, -0, -Infinity, 10];
    const sorted = Array.from(sortedCopy(xs));
    expect(sorted).toEqual([-Infinity, -0, 0, 3, 10, NaN]);
    expect(Object.is(sorted[1], -0)).toBe(true);
    expect(xs).toEqual([3, NaN, 0, -0, -Infinity, 10]);
  });
});
