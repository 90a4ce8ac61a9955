/** The limits holding against an infeasible plan, grouped as the printed diagnosis lists them. */
import { describe, expect, it } from "vitest";
import { limitGroupLines } from "../../src/cli/summary.js";
import { buildPlanningModel } from "../../src/model/build.js";
import { rowName } from "../../src/model/names.js";
import type { Conflict } from "../../src/plan/elastic.js";
import { type ConflictGroup, groupConflicts } from "../../src/plan/conflictGroups.js";
import { handSolvedTown } from "../helpers/scenario.js";

describe("conflict groups", () => {
  it("puts every construction capacity in one group (one per city ranked each below the ten printed)", () => {
    const s = handSolvedTown();
    s.capacity = [
      { id: "crews-a", region: "town", programs: ["retrofit"], slots: { 2021: 1, 2022: 1 } },
      { id: "crews-b", region: "town", programs: ["retrofit"], slots: { 2021: 2 } },
    ];
    const { model } = buildPlanningModel(s);
    const conflicts: Conflict[] = model.rows.flatMap((r, row) =>
      r.ref.family === "capacity" ? [{ kind: "capacity", where: rowName(r), message: "", message_zh: "", violation: 0, row }] : []);
    expect(conflicts).toHaveLength(3);
    expect(groupConflicts(conflicts, model, s)).toEqual([
      { what: "construction capacity", count: 3, examples: ["'crews-a' of town 2021", "'crews-a' of town 2022", "'crews-b' of town 2021"] },
    ]);
  });

  it("lists ten groups and names the rest, with their count of limits, instead of dropping them", () => {
    const groups: ConflictGroup[] = Array.from({ length: 12 }, (_, k) => ({ what: `group ${k + 1}`, count: 13 - k, examples: ["x"] }));
    const lines = limitGroupLines(groups);
    expect(lines[0]).toBe("  against these limits:");
    expect(lines).toHaveLength(12);
    expect(lines[10]).toBe("    group 10, 4 limits: x, …");
    expect(lines[11]).toBe("    … and 2 more groups (5 limits: group 11; group 12; diagnostics.csv)");
    expect(limitGroupLines(groups.slice(0, 10))).toHaveLength(11);
  });
});
