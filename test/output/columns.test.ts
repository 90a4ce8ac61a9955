import { describe, expect, it } from "vitest";
import { READING_ORDER, TABLE_KEYS } from "../../src/output/columns.js";

describe("result tables", () => {
  it("reads every keyed table in READING_ORDER (compare walks that order; a table missing from it would not be compared)", () => {
    expect([...READING_ORDER].sort()).toEqual(Object.keys(TABLE_KEYS).sort());
    expect(READING_ORDER[0]).toBe("targets.csv");
  });
});
