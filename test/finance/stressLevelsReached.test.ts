/** The count of targets at their confidence level, one rule for stress's printout, report and workbook. */
import { describe, expect, it } from "vitest";
import { levelsReachedAt } from "../../src/finance/stressLevelsReached.js";

describe("levelsReachedAt", () => {
  it("counts the targets held to a level and those reaching it; a target asking none (status none) is in neither", () => {
    const rows = [
      { target: "a", confidence_required: 0.9, confidence_status: "reached" },
      { target: "b", confidence_required: 0.9, confidence_status: "limited" },
      { target: "c", confidence_required: 0, confidence_status: "none" },
    ];
    expect(levelsReachedAt(rows)).toEqual({ reached: 1, held: 2 });
  });

  it("is null where no target is held to a level (a plain stress run)", () => {
    expect(levelsReachedAt([{ target: "a", confidence_required: null, confidence_status: null }])).toBeNull();
    expect(levelsReachedAt([{ target: "a", confidence_required: 0, confidence_status: "none" }])).toBeNull();
  });
});
