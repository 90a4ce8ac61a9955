/** The printed plan summary (src/cli/summary.ts), on a plan's own tables with one row edited. */
import { describe, expect, it, vi } from "vitest";
import { planSummary, printNotices } from "../../src/cli/summary.js";
import { simulate } from "../../src/pipeline.js";

describe("plan summary", () => {
  it("says when a budget used in full has no price: more of it would change nothing", async () => {
    const outcome = await simulate("test/fixtures/finance/towns.yaml", { dryRun: true });
    const [first] = outcome.tables.budgets;
    // A county budget used in full beside central money that can stand in: every price 0.
    const full = { ...first, used_yuan: first.budget_yuan, carried_in_yuan: 0, binding: true, shadow_price_units_per_100m_yuan: 0, shadow_price_score_per_100m_yuan: 0, cost_saved_per_yuan: 0 };
    outcome.tables.budgets = [full, ...outcome.tables.budgets.slice(1).map((b) => ({ ...b, binding: false }))];
    outcome.tables.shadowPrices = outcome.tables.shadowPrices.filter((p) => !(p.limit === "budget" && p.of === full.source && p.region === full.region && p.year === full.year));
    const text = planSummary(outcome);
    expect(text).toContain(`  ${full.source_name} / ${full.region_name} / ${full.year}: `);
    expect(text).toContain("; used in full, but priced 0: more of it would change nothing (other money can stand in)");
    // A budget whose money saves weighted cost is not called unpriced.
    outcome.tables.budgets = [{ ...full, cost_saved_per_yuan: 0.3 }, ...outcome.tables.budgets.slice(1)];
    expect(planSummary(outcome)).not.toContain("priced 0");
  });

  it("quotes a budget's price by shadow_prices.csv's step, its room rounded down, never past it", async () => {
    const outcome = await simulate("test/fixtures/finance/towns.yaml", { dryRun: true });
    const [budget, ...rest] = outcome.tables.budgets;
    outcome.tables.budgets = [{ ...budget, binding: true }, ...rest.map((b) => ({ ...b, binding: false }))];
    // Its price holds 0.8 yuan up (no step fits: the least is 1 yuan) and 419.99992万 down.
    outcome.tables.shadowPrices = [{
      limit: "budget", year: budget.year, region: budget.region, region_name: budget.region_name, of: budget.source, of_name: budget.source_name,
      step: "100万元", step_amount: 1_000_000, where: "", target: "hh", target_name: "hh", metric: "households_started", units_per_step: 12.5,
      valid_from: budget.budget_yuan - 4_199_999.2, valid_to: budget.budget_yuan + 0.8, method: "lp",
    }];
    // formatMoney rounds that room to "420万元", past where the price is certain.
    expect(planSummary(outcome)).toContain("; −100万元 ≈ −12.5 hh (certain down to −419.99万元; more would not be used)");
  });

  it("says a budget table in the wrong unit right above the targets, as a warning, not among the notes", async () => {
    // test/fixtures/unit-slip: a city table headed 金额（亿元） over 万元 figures plans every target met on 10,000 times the money.
    const outcome = await simulate("test/fixtures/unit-slip/scenario.yaml", { dryRun: true });
    const lines = planSummary(outcome).split("\n");
    const targets = lines.findIndex((l) => l.startsWith("targets: "));
    expect(lines.slice(targets - 2, targets)).toEqual([
      "WARNING: a budget table looks typed in the wrong unit; a plan built on it means nothing (fix and run again; --strict refuses such a scenario):",
      expect.stringMatching(/^  data\/city\.csv: 12 of its 12 budgets are about 10,000 times above .*: write the header 金额（万元）$/),
    ]);
    expect(lines.filter((l) => l.includes("city.csv"))).toHaveLength(1);
    // run.json carries it apart (for the report's key figures and the workbook's 概要) and among its warnings.
    expect(outcome.runJson.unit_slips).toEqual([lines[targets - 1].trim()]);
    expect(outcome.runJson.unit_slips_zh?.[0]).toMatch(/请把表头改为“金额（万元）”$/);
    expect(outcome.runJson.warnings).toContain(lines[targets - 1].trim());
  });

  it("prints a budget table in the wrong unit as a WARNING block for commands without a plan summary (stress, validate)", async () => {
    const outcome = await simulate("test/fixtures/unit-slip/scenario.yaml", { dryRun: true });
    const written: string[] = [];
    const spy = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => (written.push(String(chunk)), true));
    try {
      printNotices(outcome.loaded.notices, outcome.loaded.unitSlips);
    } finally {
      spy.mockRestore();
    }
    const text = written.join("");
    expect(text).toContain("WARNING: a budget table looks typed in the wrong unit; a plan built on it means nothing (fix and run again; --strict refuses such a scenario):\n  data/city.csv: 12 of its 12 budgets");
    expect(text).not.toMatch(/note: data\/city\.csv/);
  });
});
