/** A source's money beside the plan it is compared with: 0 when it pays nothing, null without a plan. */
import { describe, expect, it } from "vitest";
import { sourceChange } from "../../src/finance/sourceChange.js";
import type { Source } from "../../src/scenario/types.js";

const city: Source = { id: "city", name: "市级", kind: "government", costWeight: 1, carryover: false, budgets: [], links: [] };

describe("sourceChange", () => {
  it("takes the change to the fen, and a source missing from a plan pays 0 in it", () => {
    expect(sourceChange(city, new Map([["city", 100.004]]), new Map([["city", 40]]))).toEqual({
      source: "city", source_name: "市级", source_kind: "government", used_yuan: 100.004, before_yuan: 40, change_yuan: 60,
    });
    expect(sourceChange(city, new Map(), new Map([["city", 40]]))).toMatchObject({ used_yuan: 0, change_yuan: -40 });
  });

  it("has no change when either plan is missing", () => {
    expect(sourceChange(city, null, new Map([["city", 40]]))).toMatchObject({ used_yuan: null, before_yuan: 40, change_yuan: null });
    expect(sourceChange(city, new Map([["city", 40]]), null)).toMatchObject({ used_yuan: 40, before_yuan: null, change_yuan: null });
  });
});
