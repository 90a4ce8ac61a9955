/**
 * diagnostics.csv in both languages: each row's `message` as before and its `message_zh` for the
 * Chinese reader, on the hand-solved town (handSolvedTown: 6⅔ of 8 units fit the budgets).
 */
import { describe, expect, it } from "vitest";
import { planScenario } from "../../src/plan/planScenario.js";
import { solverErrorRow } from "../../src/plan/diagnostics.js";
import type { DiagnosticRow } from "../../src/results/types.js";
import { handSolvedTown } from "../helpers/scenario.js";

async function diagnostics(kind: "hard" | "soft"): Promise<DiagnosticRow[]> {
  const s = handSolvedTown();
  s.regions[0].name = "小镇";
  s.sources[0].name = "政府";
  s.programs[0].name = "老旧小区改造";
  s.targets[0] = { ...s.targets[0], name: "开工8个", kind };
  return (await planScenario(s, "highs")).tables.diagnostics;
}

describe("diagnostics in Chinese", () => {
  it("says in Chinese which limits conflict when a hard target cannot be met, the English unchanged", async () => {
    const rows = await diagnostics("hard");
    const target = rows.find((r) => r.kind === "conflict:targets")!;
    expect(target.message).toBe("hard target 开工8个 (started-8): started ≥ 8 by 2022 in 小镇 (town) falls short by 1.33");
    expect(target.message_zh).toBe("约束性目标开工8个（started-8）：小镇（town）至2022年开工数 ≥ 8，缺口1.33");
    const budget = rows.find((r) => r.where === "budget[gov,town,2021]")!;
    expect(budget.kind).toBe("conflict:budgets");
    expect(budget.message).toBe("budget of 政府 (gov) for 小镇 (town) in 2021 is part of the smallest set of conflicting limits");
    expect(budget.message_zh).toBe("政府（gov）在小镇（town）2021年的预算属于相互冲突的最小约束组");
    const share = rows.find((r) => r.where === "share_max[town,retrofit,2022,residents]")!;
    expect(share.message_zh).toBe("residents在小镇（town）2022年老旧小区改造（retrofit）中的最高占比（10%）属于相互冲突的最小约束组");
  });

  it("says in Chinese which target a plan misses and which budgets it uses up", async () => {
    const rows = await diagnostics("soft");
    expect(rows.map((r) => [r.kind, r.message_zh])).toEqual([
      ["target_missed", "预期性目标开工8个（started-8）：小镇至2022年开工数计划6.6667，目标值8，缺口1.3333"],
      ["budget_binding", "政府在小镇2021年的预算已全部用完"],
      ["budget_binding", "政府在小镇2022年的预算已全部用完"],
    ]);
    expect(rows[0].message).toBe("soft target 开工8个 (started-8) (started by 2022 in 小镇) reaches 6.6667 of 8: short by 1.3333");
  });
});

describe("a solver failure in diagnostics.csv", () => {
  it("keeps the solver's text and heads it 求解出错 in Chinese (a QA review read an English-only message_zh)", () => {
    const row = solverErrorRow("stage shortfall: error (HiGHS status: Time limit reached)");
    expect(row).toMatchObject({ kind: "error", where: "solver", message: "stage shortfall: error (HiGHS status: Time limit reached)" });
    expect(row.message_zh).toBe("求解出错（求解器原文）：stage shortfall: error (HiGHS status: Time limit reached)");
    expect(solverErrorRow(undefined).message_zh).toBe("求解出错");
  });
});
