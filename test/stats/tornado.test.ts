import { describe, expect, it } from "vitest";
import { tornado } from "../../src/stats/tornado.js";

describe("tornado", () => {
  it("orders by |rho|, ties by id, undefined last and unranked", () => {
    const t = tornado([
      { input: "b", rho: 0.2 },
      { input: "c", rho: NaN },
      { input: "a", rho: -0.2 },
      { input: "d", rho: -0.7 },
    ]);
    expect(t.map((e) => [e.input, e.rank])).toEqual([["d", 1], ["a", 2], ["b", 3], ["c", null]]);
  });
  it("orders ids by code unit, not locale", () => {
    expect(tornado([{ input: "a", rho: 0.5 }, { input: "B", rho: 0.5 }]).map((e) => e.input)).toEqual(["B", "a"]);
  });
});
