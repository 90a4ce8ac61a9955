import { describe, expect, it } from "vitest";
import { sameMoneyNote } from "../../src/confidence/frontierFiles.js";
import type { FrontierResult } from "../../src/confidence/frontier.js";
import type { FrontierRow } from "../../src/output/columns.js";

/** The parts of a frontier the note reads: each level's confidence and government money. */
const frontier = (money: number[]) => ({ levels: money.map((m, i) => ({ confidence: [0.5, 0.9, 0.95][i], money: { governmentYuan: m, totalYuan: m } })) }) as unknown as FrontierResult;
const row = (confidence: number, target: string, reached: boolean) => ({ confidence, target, confidence_reached: reached }) as FrontierRow;

describe("sameMoneyNote: a frontier whose levels all plan the same money", () => {
  const rows = [row(0.5, "a", true), row(0.5, "b", true), row(0.9, "a", true), row(0.9, "b", false), row(0.95, "a", true), row(0.95, "b", false)];

  it("says so when a target falls short: a higher level re-divides the money rather than adding any", () => {
    const note = sameMoneyNote(frontier([34.871e8, 34.874e8, 34.874e8]), rows)!;
    expect(note.en).toMatch(/^every level plans the same government money \(34\.87亿元, within 0\.1 %\).*at 95\.0% 1 of 2 targets fall short; simulate min-budget --confidence/);
    expect(note.zh).toMatch(/^各把握度档位的政府资金相同（34\.87亿元.*在95\.0%档位，2个目标中有1个未达到/);
  });

  it("says nothing where the money grows with the level, or every target reaches every level", () => {
    expect(sameMoneyNote(frontier([30e8, 32e8, 34e8]), rows)).toBeNull();
    expect(sameMoneyNote(frontier([34e8, 34e8, 34e8]), rows.map((r) => ({ ...r, confidence_reached: true })))).toBeNull();
  });
});
