import { describe, expect, it } from "vitest";
import { curveNote, frontierTable, sameMoneyNote, shortMarginsNote } from "../../src/confidence/frontierFiles.js";
import type { FrontierResult } from "../../src/confidence/frontier.js";
import type { FrontierRow } from "../../src/output/columns.js";
import type { Scenario } from "../../src/scenario/types.js";

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

describe("sameMoneyNote and curveNote: a frontier whose levels all get the same plan (budgets bind)", () => {
  // Guangdong at 50–95 %: 343.16亿元 and 8,560.2 / 2,464 planned at every level, the province short at each.
  const planned = (confidence: number, target: string, reached: boolean, value: number) => ({ ...row(confidence, target, reached), planned_value: value }) as FrontierRow;
  const same = [0.5, 0.9, 0.95].flatMap((c) => [planned(c, "gd", false, 8560.1857), planned(c, "county", true, 2464)]);
  const money = frontier([343.16e8, 343.16e8, 343.16e8]);

  it("says every level gets the same plan, not that a higher level re-divides the money", () => {
    const note = sameMoneyNote(money, same)!;
    expect(note.en).toMatch(/^every level gets the same plan \(343\.16亿元 of government money; every target planned the same at every level\), so nothing is re-divided: the budgets \(or capacity or stock\) that keep targets below their level bind, no more money can be planned, and each level gets the plan they allow; at 95\.0% 1 of 2 targets fall short$/);
    expect(note.en).not.toContain("re-divides it");
    expect(note.zh).toMatch(/^各把握度档位的方案相同（政府资金均为343\.16亿元，各目标在各档位的计划值相同）/);
    expect(note.zh).not.toContain("更高的档位只是在各目标的余量之间重新分配这些资金");
  });

  it("keeps the re-division wording where the plans differ with the same money", () => {
    const moved = same.map((r) => (r.confidence === 0.95 && r.target === "county" ? { ...r, planned_value: 2400 } : r));
    expect(sameMoneyNote(money, moved)!.en).toContain("a higher level re-divides it among the targets' margins rather than adding any");
    expect(sameMoneyNote(money, moved)!.zh).toContain("更高的档位只是在各目标的余量之间重新分配这些资金");
  });

  it("names the run's own file in one line that gets the cost–confidence curve: min-budget once per level", () => {
    const note = curveNote(money, same, { file: "scenarios/guangdong-retrofit-2021-2025.yaml", overlays: ["overlays/cut 20.yaml"] })!;
    expect(note.en).toBe("this frontier is therefore not the cost–confidence curve: for the budget each level takes (where budgets hold it), run min-budget once per level — " +
      "simulate min-budget scenarios/guangdong-retrofit-2021-2025.yaml --with 'overlays/cut 20.yaml' --source government --confidence α for α = 0.5, 0.9, 0.95 (--source names the budgets to scale)");
    expect(note.zh).toContain("请对每个档位分别运行 simulate min-budget scenarios/guangdong-retrofit-2021-2025.yaml --with 'overlays/cut 20.yaml' --source government --confidence α，α 取 0.5、0.9、0.95");
  });

  it("passes the frontier's calibration options on, so each min-budget run calibrates on the same sample (another seed moves the minimum by ±1亿)", () => {
    const note = curveNote(money, same, { file: "s.yaml", calibrationSeed: 777, calibrationDraws: 8000 })!;
    expect(note.en).toContain("simulate min-budget s.yaml --calibration-seed 777 --calibration-draws 8000 --source government --confidence α");
  });

  it("says nothing of the curve where the plans differ, the money grows, or every level is reached", () => {
    const file = { file: "s.yaml" };
    expect(curveNote(money, same.map((r) => (r.target === "gd" ? { ...r, planned_value: 8000 + 1000 * r.confidence } : r)), file)).toBeNull();
    expect(curveNote(frontier([30e8, 32e8, 34e8]), same, file)).toBeNull();
    expect(curveNote(money, same.map((r) => ({ ...r, confidence_reached: true })), file)).toBeNull();
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

describe("frontierTable: a target reached on the calibration sample whose validation P(met) reads below the level", () => {
  // The officer's 圩镇客厅 (F10): 3 planned at 90 %, calibration P(met) 90.975 % (its lower bound reaches 90 %), 89.8 % ± 1.0 % on 1,000 validation draws.
  const scenario = { targets: [{ id: "qgy-living-room", metric: "started", program: "living-room" }, { id: "typical", metric: "started", program: "typical" }], programs: [{ id: "living-room", integer: true }, { id: "typical", integer: true }] } as unknown as Scenario;
  const level = (confidence: number) => ({ confidence, money: { governmentYuan: 2e8, totalYuan: 3e8 }, planOf: confidence === 0.5 ? 0 : 1, validation: new Map(), allTargetsMet: null });
  const result = { levels: [level(0.5), level(0.9)] } as unknown as FrontierResult;
  const cell = (confidence: number, target: string, calibration: number, pMet: number, reached: boolean) =>
    ({ confidence, target, target_name: target, planned_value: 3, p_met_calibration: calibration, p_met: pMet, p_met_se: 0.01, confidence_required: confidence, confidence_reached: reached }) as FrontierRow;
  const rows = [cell(0.5, "qgy-living-room", 0.97, 0.965, true), cell(0.5, "typical", 0.99, 0.99, true), cell(0.9, "qgy-living-room", 0.90975, 0.898, true), cell(0.9, "typical", 0.905, 0.91, false)];
  const printed = (r: FrontierRow[]) => frontierTable(scenario, result, { rows: r, plainMoney: { governmentYuan: 1e8, totalYuan: 2e8 }, sameMoney: null }, "frontier", 1000).split("\n");

  it("marks it † and says in a line under the grid that it is reached on the calibration sample, with the P(met) there", () => {
    const lines = printed(rows);
    expect(lines.find((x) => x.startsWith("qgy-living-room"))).toMatch(/3 \(89\.8% ± 1\.0%\) †$/);
    // Not reached stays ✗ only, and a validation P(met) at or above its level is not marked.
    expect(lines.find((x) => x.startsWith("typical"))).toMatch(/3 \(99\.0% ± 1\.0%\) +3 \(91\.0% ± 1\.0%\) ✗$/);
    expect(lines.at(-2)).toBe("† reached — judged by the lower bound of P(met) on the calibration sample, which must reach the level (docs/confidence.md); P(met) there: qgy-living-room 91.0% at the 90.0% level — while the validation draws read below the level: sampling error, as their P(met) is an estimate too, and a target reached by the bound holds its level on fresh draws with about 97.7 % probability");
  });

  it("prints neither mark nor line where every validation P(met) of a target reached reads at or above its level", () => {
    const text = printed(rows.map((r) => (r.target === "qgy-living-room" ? { ...r, p_met: 0.9 } : r))).join("\n");
    expect(text).not.toContain("†");
  });
});
