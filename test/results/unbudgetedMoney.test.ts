/** Money the plan takes where its source has no budget is said, with how much (unbudgetedMoney.ts). */
import { describe, expect, it } from "vitest";
import { planScenario } from "../../src/plan/planScenario.js";
import { unbudgetedMoney, unbudgetedMoneyNotes } from "../../src/results/unbudgetedMoney.js";
import { handSolvedTown } from "../helpers/scenario.js";

describe("money used without a budget", () => {
  it("is none where every payment year of a budgeted source has a budget", async () => {
    const s = handSolvedTown();
    const { tables } = await planScenario(s, "highs");
    expect(unbudgetedMoney(s, tables.funding)).toEqual([]);
    expect(unbudgetedMoneyNotes(s, tables.funding)).toEqual([]);
  });

  it("sums what a budgeted source pays in a year its budgets leave out; a source with no budgets at all is not counted", async () => {
    // gov's 2022 budget left out: 2022 is unlimited, so the town's 8 units are all started, 2021 paying
    // at most its 3,000,000 (3.33 units at 900,000 of gov money each) and 2022 at least the other 4.67.
    const s = handSolvedTown();
    s.sources[0].budgets = s.sources[0].budgets.filter((b) => b.year === 2021);
    const { tables } = await planScenario(s, "highs");
    const gov2022 = tables.funding.filter((f) => f.source === "gov" && f.year === 2022).reduce((a, f) => a + f.amount_yuan, 0);
    expect(gov2022).toBeGreaterThanOrEqual(8 * 900_000 - 3_000_000 - 1);
    const [use, ...rest] = unbudgetedMoney(s, tables.funding);
    expect(rest).toEqual([]); // residents have no budgets: limited by their share, by design
    expect(use.source).toBe("gov");
    expect(use.years).toEqual([2022]);
    expect(use.yuan).toBeCloseTo(gov2022, 2);
    const [note] = unbudgetedMoneyNotes(s, tables.funding);
    expect(note.en).toMatch(/^the plan uses .+元 of gov in 2022 where none of its budgets covers the year or place/);
    expect(note.zh).toMatch(/^方案在2022年使用了gov.+元，这些年份或地区没有该来源的预算/);
  });
});
