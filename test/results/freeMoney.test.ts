/**
 * The note on money with no cost weight (src/results/freeMoney.ts): where the plan takes such a
 * source at its maximum share in every place it pays, run.json and the printed summary say once
 * that this money is treated as free and how to weigh it; nothing where it is not so.
 */
import { describe, expect, it } from "vitest";
import { planSummary } from "../../src/cli/summary.js";
import { simulate } from "../../src/pipeline.js";
import { planScenario } from "../../src/plan/planScenario.js";
import { freeMoneyNotes } from "../../src/results/freeMoney.js";
import { loadScenario } from "../../src/scenario/index.js";
import type { Scenario } from "../../src/scenario/types.js";

const NAMED = "test/fixtures/plan/named-villages.yaml";

async function notesOf(edit: (s: Scenario) => void) {
  const { scenario } = loadScenario(NAMED);
  edit(scenario);
  const { tables } = await planScenario(scenario, "highs");
  return freeMoneyNotes(scenario, tables);
}

describe("money with no cost weight", () => {
  it("is noted once, in run.json in both languages and in the summary, where the plan takes its maximum share everywhere", async () => {
    const outcome = await simulate(NAMED, { dryRun: true });
    const en = outcome.runJson.warnings.filter((w) => w.includes("no cost weight"));
    expect(en).toHaveLength(1);
    expect(en[0]).toContain("treated as free");
    expect(en[0]).toContain("实施主体 (developer): 60.0% of 城中村改造");
    expect(en[0]).toContain("give its source a cost_weight");
    const zh = outcome.runJson.warnings_zh.filter((w) => w.includes("没有成本权重"));
    expect(zh).toHaveLength(1);
    expect(zh[0]).toContain("实施主体：城中村改造60.0%");
    const text = planSummary(outcome);
    expect(text.split("\n").filter((line) => line.includes("no cost weight"))).toEqual([`note: ${en[0]}`]);
  });

  it("is not noted where the source has a cost weight", async () => {
    expect(await notesOf((s) => { s.sources.find((x) => x.id === "developer")!.costWeight = 2; })).toEqual([]);
  });

  it("is not noted where the plan cannot take its maximum share (another source's minimum leaves less)", async () => {
    expect(await notesOf((s) => { s.programs[0].shares.district.min = 0.5; })).toEqual([]);
  });

  it("says where the source's budget runs out, the only places it pays less", async () => {
    const notes = await notesOf((s) => {
      const developer = s.sources.find((x) => x.id === "developer")!;
      developer.budgets = developer.budgets.map((b) => (b.year === 2026 ? { ...b, amount: 1e8 } : b));
    });
    expect(notes).toHaveLength(1);
    expect(notes[0].en).toContain("实施主体 (developer): 60.0% of 城中村改造 (less only where its budget runs out)");
  });
});
