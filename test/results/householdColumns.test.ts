/**
 * plan.csv's households columns count households only: a programme whose units hold none (a
 * 典型镇 town, at the model's default of 1 household per unit) leaves them empty, so that a town
 * started does not read as one household, and a spreadsheet's sum of the column is households.
 */
import { describe, expect, it } from "vitest";
import { PLAN_COLUMNS } from "../../src/output/columns.js";
import { toCsv } from "../../src/output/csv.js";
import { parseResultCsv } from "../../src/output/resultTables.js";
import { simulate } from "../../src/pipeline.js";

const TYPICAL = "test/fixtures/finance/towns-typical.yaml";

describe("plan.csv's households of a programme without households", () => {
  it("are empty for the towns of a 典型镇 programme and counted for the communities beside it", async () => {
    const { tables, solution } = await simulate(TYPICAL, { dryRun: true });
    expect(solution.status).toBe("optimal");
    const towns = tables.plan.filter((r) => r.program === "typical-town");
    const communities = tables.plan.filter((r) => r.program === "retrofit");
    expect(towns.reduce((s, r) => s + r.units_started, 0)).toBe(2); // both towns are started …
    expect(towns.every((r) => r.households_started === null && r.households_completed === null)).toBe(true); // … and hold no households
    expect(communities.some((r) => (r.households_started ?? 0) > 100)).toBe(true);
    expect(communities.every((r) => r.households_started !== null && r.households_completed !== null)).toBe(true);

    // Written as empty cells (as a missing validity range is), read back as no value.
    const plan = parseResultCsv("plan.csv", toCsv(tables.plan, PLAN_COLUMNS, { bom: false }));
    const column = (name: string) => plan.columns.indexOf(name);
    const townRow = plan.rows.find((r) => r[column("program")] === "typical-town" && r[column("units_started")] === 1)!;
    expect([townRow[column("households_started")], townRow[column("households_completed")]]).toEqual([null, null]);
    // The column's total, as a spreadsheet adds it up, is the communities' households alone.
    const total = (program: string | null) => plan.rows
      .filter((r) => program === null || r[column("program")] === program)
      .reduce((s, r) => s + (typeof r[column("households_started")] === "number" ? (r[column("households_started")] as number) : 0), 0);
    expect(total(null)).toBe(total("retrofit"));
  }, 60_000);
});
