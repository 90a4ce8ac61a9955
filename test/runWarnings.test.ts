import { describe, expect, it } from "vitest";
import { NO_UNCERTAINTY_FOR_CONFIDENCE, NO_UNCERTAINTY_FOR_DRAWS, noUncertaintyNotes, notesOf, notesOfPlans, withNotes } from "../src/runWarnings.js";

const timedOut = { en: "stage cost stopped at the 300 s time limit", zh: "成本阶段在300秒时间上限处停止" };
const notSmoothed = { en: "smoothing applies to continuous programmes only", zh: "平滑只作用于连续规划的项目" };

describe("run.json notes of a command's plans", () => {
  it("says which plan a note is about, in both languages", () => {
    expect(notesOf({ en: "cut 20%", zh: "削减20%" }, [timedOut])).toEqual([
      { en: "cut 20%: stage cost stopped at the 300 s time limit", zh: "削减20%：成本阶段在300秒时间上限处停止" },
    ]);
  });

  it("gives a note every level has once, as it is, and a level's own note with its level", () => {
    const notes = notesOfPlans([
      { plan: { en: "cut 0%", zh: "削减0%" }, notes: [notSmoothed] },
      { plan: { en: "cut 20%", zh: "削减20%" }, notes: [notSmoothed, timedOut] },
    ]);
    expect(notes.map((n) => n.en)).toEqual([notSmoothed.en, `cut 20%: ${timedOut.en}`]);
    expect(notes.map((n) => n.zh)).toEqual([notSmoothed.zh, `削减20%：${timedOut.zh}`]);
  });

  it("keeps the plan on the notes of a single level (there is nothing it shares them with)", () => {
    expect(notesOfPlans([{ plan: { en: "cut 10%", zh: "削减10%" }, notes: [timedOut] }]).map((n) => n.en)).toEqual([`cut 10%: ${timedOut.en}`]);
  });
});

describe("the notes for a scenario without uncertain inputs", () => {
  it("name what was asked for (a confidence level, draws, both) and nothing where the scenario has uncertain inputs", () => {
    expect(noUncertaintyNotes(0, { confidence: true, draws: true })).toEqual([NO_UNCERTAINTY_FOR_CONFIDENCE, NO_UNCERTAINTY_FOR_DRAWS]);
    expect(noUncertaintyNotes(0, { confidence: false, draws: true })).toEqual([NO_UNCERTAINTY_FOR_DRAWS]);
    expect(noUncertaintyNotes(0, { confidence: false, draws: false })).toEqual([]);
    expect(noUncertaintyNotes(3, { confidence: true, draws: true })).toEqual([]);
    expect(withNotes("stress: towns", [NO_UNCERTAINTY_FOR_DRAWS])).toBe(`stress: towns\nnote: ${NO_UNCERTAINTY_FOR_DRAWS.en}`);
  });
});
