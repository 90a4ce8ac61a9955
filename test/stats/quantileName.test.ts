import { describe, expect, it } from "vitest";
import { quantileName } from "../../src/stats/quantileName.js";

describe("quantileName", () => {
  it("names the column by 100p without its rounding", () => {
    expect([0.05, 0.1, 0.5, 0.9, 0.95, 0.025, 0.07].map(quantileName)).toEqual(["p5", "p10", "p50", "p90", "p95", "p2.5", "p7"]);
  });
});
