import { describe, expect, it } from "vitest";
import { resolveSelection } from "../../src/finance/selection.js";
import { runStress } from "../../src/finance/stress.js";
import { stressTable } from "../../src/finance/stressReport.js";
import { householdsCountedNotes, regionsMovingMost, stressSummaryRows } from "../../src/finance/stressTables.js";
import { formatCount } from "../../src/format/numbers.js";
import type { PlanRow, PlanTables } from "../../src/results/types.js";
import { loadScenario } from "../../src/scenario/index.js";

const TYPICAL = "test/fixtures/finance/towns-typical.yaml";

/** plan.csv rows of one year: [region, programme, households_started] (null: a programme without households). */
function planOf(rows: [string, string, number | null][]): PlanTables {
  return { plan: rows.map(([region, program, households]) => ({ region, region_name: region, program, households_started: households }) as PlanRow) } as PlanTables;
}

describe("stress households count households only", () => {
  it("does not add a town given up under a cut in as a household: the three figures of a level agree", async () => {
    const { scenario: s } = loadScenario(TYPICAL);
    const levels = await runStress(s, resolveSelection(s, { selector: { kind: "government", ids: null }, from: 2022 }), [0.2]);
    const typical = (i: number) => levels[i].planned!.tables.targets.find((t) => t.target === "typical-all")!.planned;
    expect([typical(0), typical(1)]).toEqual([2, 1]); // the cut gives up a town, and households
    const [, cut] = stressSummaryRows(levels);
    expect(cut.households_lost).toBeGreaterThan(100);
    // Before, the town counted as a household: households_started_lost was households_lost + 1.
    expect(cut.households_started_lost).toBeCloseTo(cut.households_lost!, 2);
    const sum = (list: string) => list.split(";").filter(Boolean).reduce((acc, entry) => acc + Number(entry.split(":")[1]), 0);
    expect(sum(cut.regions_losing_most) - sum(cut.regions_gaining_most)).toBeCloseTo(cut.households_lost!, 2);
    // The printed table names the same households (乙镇 −1,185户, not −1,186户 with its town).
    const [lost] = cut.regions_losing_most.split(";").map((e) => e.split(":"));
    const line = stressTable(levels, "stress").split("\n").find((l) => l.startsWith("20%"))!;
    expect(line).toContain(`${lost[0] === "town-a" ? "甲镇" : "乙镇"} −${formatCount(Number(lost[1]), true)}户`);
  });

  it("names no region whose loss is a town alone", () => {
    // plan.csv leaves a town's households empty: its starts (1, then 0) are no household.
    const base = planOf([["hulao", "typical-town", null], ["hulao", "urban-village", 320], ["sanhe", "urban-village", 180]]);
    const townLost = planOf([["hulao", "typical-town", null], ["hulao", "urban-village", 320], ["sanhe", "urban-village", 180]]);
    expect(regionsMovingMost(base, townLost, 3)).toEqual({ losing: [], gaining: [] });
    const both = planOf([["hulao", "typical-town", null], ["hulao", "urban-village", 0], ["sanhe", "urban-village", 360]]);
    expect(regionsMovingMost(base, both, 3)).toEqual({
      losing: [{ region: "hulao", region_name: "hulao", households: 320 }],
      gaining: [{ region: "sanhe", region_name: "sanhe", households: 180 }],
    });
  });

  it("says which programmes the households figures count, where some programmes hold no households", () => {
    const { scenario: s } = loadScenario(TYPICAL);
    const [note] = householdsCountedNotes(s);
    expect(note.en).toMatch(/count the households of 老旧小区改造 \(retrofit, in community\) only: 典型镇培育 \(typical-town, in 镇 \(town\)\) has no households_per_unit/);
    expect(note.zh).toContain("只计老旧小区改造（retrofit，单位：community）的户数：典型镇培育（typical-town，单位：镇 (town)）未给出每单位户数");
    // Every programme counts households, or none does: nothing to say (the tables say the latter).
    expect(householdsCountedNotes(loadScenario("test/fixtures/finance/towns.yaml").scenario)).toEqual([]);
    expect(householdsCountedNotes(loadScenario("scenarios/guangzhou-towns-2024-2027.yaml").scenario)).toEqual([]);
  });
});
