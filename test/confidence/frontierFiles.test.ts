import { describe, expect, it } from "vitest";
import { sameMoneyNote, shortMarginsNote } from "../../src/confidence/frontierFiles.js";
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

describe("shortMarginsNote: a frontier whose money includes margins of targets below their level", () => {
  const rows = [row(0.5, "a", true), row(0.5, "b", true), row(0.9, "a", true), row(0.9, "b", false), row(0.95, "a", false), row(0.95, "b", false)];

  it("says which targets' margins a level's money holds though they stay below it (Guangdong: 343.16亿元 at every level, its county level 0.02元)", () => {
    const note = shortMarginsNote(frontier([30e8, 32e8, 34e8]), rows)!;
    expect(note.en).toBe("a level's government money includes the margins of the targets that stay below it (✗: b at 90.0%; a, b at 95.0%), which the plan still holds at its best: it is not what the levels reached cost. simulate FILE --confidence α prices the levels reached apart from those margins");
    expect(note.zh).toContain("（✗：90.0%档位：b；95.0%档位：a、b）");
    // The same targets short at every level (Guangdong) read once.
    const same = shortMarginsNote(frontier([34e8, 34e8, 34e8]), rows.map((r) => ({ ...r, confidence_reached: r.target === "a" })))!;
    expect(same.en).toContain("(✗: b at every level)");
    expect(same.zh).toContain("（✗：各档位：b）");
  });

  it("says nothing where every target reaches every level", () => {
    expect(shortMarginsNote(frontier([30e8, 32e8, 34e8]), rows.map((r) => ({ ...r, confidence_reached: true })))).toBeNull();
  });
});
