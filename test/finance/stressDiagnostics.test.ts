/** A cut level without a plan says what would have to give, in the folder and under the table. */
import { describe, expect, it } from "vitest";
import { resolveSelection } from "../../src/finance/selection.js";
import { levelStatus, runStress, type StressLevel } from "../../src/finance/stress.js";
import { stressDiagnosticLines, stressDiagnosticRows } from "../../src/finance/stressDiagnostics.js";
import { stressTable } from "../../src/finance/stressReport.js";
import { planScenario } from "../../src/plan/planScenario.js";
import { simulate } from "../../src/pipeline.js";
import { inputLocator } from "../../src/scenario/index.js";

describe("stress diagnostics", () => {
  it("names the limits an infeasible level breaks, with their scenario lines; levels with a plan add none", async () => {
    const base = await simulate("test/fixtures/finance/towns.yaml", { dryRun: true });
    const s = base.loaded.scenario;
    const locate = inputLocator(base.loaded.file, base.loaded.locate);
    // From 2023, 90 % less government money cannot pay what the 2021–2022 starts still owe.
    const sel = resolveSelection(s, { selector: { kind: "government", ids: null }, from: 2023 });
    const levels = await runStress(s, sel, [0.5, 0.9], { locate, solver: "highs" });
    expect(levels.map(levelStatus)).toEqual(["optimal", "optimal", "infeasible"]);
    const rows = stressDiagnosticRows(levels);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.cut === 0.9 && r.cut_label === "90%" && r.kind.startsWith("conflict:"))).toBe(true);
    expect(rows.some((r) => /budget of .* in 2023 is exceeded by/.test(r.message))).toBe(true);
    // The same row in Chinese, for the report's zh view and the workbook (a budget that must grow).
    expect(rows.some((r) => /^.+在.+2023年的预算需增加[\d.]+(万元|亿元)$/.test(r.message_zh))).toBe(true);
    expect(rows.filter((r) => r.kind === "conflict:budgets").every((r) => /towns\.yaml:\d+|\.csv:\d+/.test(r.input_line))).toBe(true);
    const table = stressTable(levels, "stress");
    expect(table).toContain("levels without a plan");
    expect(table).toMatch(/\n {2}90%: no plan fits: budget of .*exceeded by/); // the cut budgets first
    expect(table).not.toMatch(/\n {2}50%: /);
  });

  it("names the cut budgets first in the printed line, whatever order the diagnosis gave", () => {
    const conflict = (kind: string, message: string, row: number) => ({ kind, where: kind, message, message_zh: "", violation: 1, row });
    const level = {
      cut: 0.2,
      label: "20%",
      planned: {
        solution: { status: "infeasible", conflicts: [conflict("shares", "maximum share 5% of 居民 … is exceeded", 3), conflict("budgets", "budget of 中央 in 2027 is exceeded", 7)] },
        tables: { diagnostics: [] },
      },
    } as unknown as StressLevel;
    expect(stressDiagnosticLines([level])).toEqual(["20%: no plan fits: budget of 中央 in 2027 is exceeded; maximum share 5% of 居民 … is exceeded"]);
  });

  it("says what must give before the limits that are in the conflict without having to give", async () => {
    // A hard target 20 % above what the towns' budgets reach: the IIS names 16 limits, the elastic
    // re-solve moves only the target. The line listed three of the IIS's budgets (budgets first)
    // as what would have to give, and never the target that falls short.
    const base = await simulate("test/fixtures/finance/towns.yaml", { dryRun: true });
    const s = base.loaded.scenario;
    const hard = { ...s, targets: s.targets.map((t) => ({ ...t, kind: "hard" as const, atLeast: t.atLeast * 1.2 })) };
    const sel = resolveSelection(hard, { selector: { kind: "government", ids: null }, from: 2023 });
    const levels = await runStress(hard, sel, [0.1], { solver: "highs" });
    expect(levels.map(levelStatus)).toEqual(["infeasible", "not_planned"]);
    const [line] = stressDiagnosticLines(levels);
    expect(line).toMatch(/^0%: no plan fits: hard target 全县惠及2万户 \(hh\): .* falls short by 388\.89; also in the conflict, without having to give: /);
    expect(line).toContain("budgets of 中央补助 (central) (3 limits)");
    expect(line).not.toContain("smallest set");
    // The file keeps every row, each worded as the plan's diagnostics.csv words it.
    expect(stressDiagnosticRows(levels).filter((r) => /is part of the smallest set of conflicting limits$/.test(r.message))).toHaveLength(15);
  });
});

describe("stress diagnostics of a level with a plan", () => {
  it("carry the sums its rounding to the fen could not hold, as simulate's diagnostics.csv does, and nothing else", async () => {
    const base = await simulate("test/fixtures/finance/towns.yaml", { dryRun: true });
    const s = base.loaded.scenario;
    const sel = resolveSelection(s, { selector: { kind: "government", ids: null } });
    // No shipped or fixture scenario leaves a sum unheld: each level's plan is given one.
    const unheld = { kind: "rounding", where: "cost[town,retrofit,2022]", message: "the payments … read 1.00 yuan", message_zh: "付款合计1.00元", input_line: "" };
    const plan = async (scenario: typeof s) => {
      const planned = await planScenario(scenario, "highs");
      planned.tables.diagnostics.push(unheld);
      return planned;
    };
    const levels = await runStress(s, sel, [0.1], { solver: "highs", plan });
    expect(levels.map(levelStatus)).toEqual(["optimal", "optimal"]);
    const rows = stressDiagnosticRows(levels);
    expect(rows.map((r) => [r.cut_label, r.kind, r.where])).toEqual([
      ["0%", "rounding", "cost[town,retrofit,2022]"],
      ["10%", "rounding", "cost[town,retrofit,2022]"],
    ]);
  });
});
