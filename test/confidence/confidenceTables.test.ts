/**
 * diagnostics.csv under confidence planning: a target that cannot reach its level gets a
 * `confidence_not_reached` row (pointing at the target) and one `confidence_limit` row per group of
 * limits holding it, pointing at that limit's own entry when the group is one row.
 */
import { describe, expect, it } from "vitest";
import { simulate } from "../../src/pipeline.js";

const SHORT = "test/fixtures/confidence/short-budget.yaml";

describe("confidence diagnostics", () => {
  it("names the budget that holds an unreachable level, at the budget's line", async () => {
    const outcome = await simulate(SHORT, { dryRun: true, confidence: { level: 0.9, calibrationDraws: 1000 } });
    const rows = outcome.tables.diagnostics;
    const notReached = rows.find((r) => r.kind === "confidence_not_reached")!;
    expect(notReached).toMatchObject({ where: "target[t-80]", input_line: "short-budget.yaml:22" });
    // Closed form: P(met) = P(f ≤ 8500万 / 8000万) = 0.3125 with f ~ uniform(1, 1.2).
    const best = Number(/at best P\(met\) ([\d.]+)%/.exec(notReached.message)![1]) / 100;
    expect(Math.abs(best - 0.3125)).toBeLessThan(4 * Math.sqrt((0.3125 * 0.6875) / 1000));
    const limit = rows.find((r) => r.kind === "confidence_limit")!;
    expect(limit).toMatchObject({ where: "target[t-80] budget[gov,*,2021]", input_line: "short-budget.yaml:20" });
    expect(limit.message).toContain("up to +100 started of t-80 per 1亿元 (1 limit)");
  });
});
