import { describe, expect, it } from "vitest";
import { averageRanks } from "../../src/stats/averageRanks.js";

describe("averageRanks", () => {
  it("ranks 1 … n in input order, ties given their average rank", () => {
    expect(Array.from(averageRanks([10, 20, 20, 30]))).toEqual([1, 2.5, 2.5, 4]);
    expect(Array.from(averageRanks([30, 10, 20]))).toEqual([3, 1, 2]);
    expect(Array.from(averageRanks([7, 7, 7, 7]))).toEqual([2.5, 2.5, 2.5, 2.5]);
  });
  it("ties −0 with +0", () => {
    expect(Array.from(averageRanks([0, -0, 1]))).toEqual([1.5, 1.5, 3]);
  });
});
