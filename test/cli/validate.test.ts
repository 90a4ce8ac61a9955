/** `validate --print` shows the merged input as written; `--print --normalised` what the model is built from. */
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { runCli } from "./run.js";

describe("validate --print", () => {
  it("prints the merged scenario, or with --normalised the normalised one: defaults applied, amounts in yuan", async () => {
    const merged = await runCli("validate", "bench/scenarios/city-continuous.yaml", "--print", "--allow-outside", "bench");
    expect(merged.code).toBe(0);
    const m = parse(merged.stdout);
    expect(m.programs[0].unit_cost).toEqual({ per_household: "2.7万元" });
    expect(m.programs[0].integer).toBe(false); // the overlay's value, merged over the base's
    expect(m.objective).toBeUndefined();

    const normalised = await runCli("validate", "bench/scenarios/city-continuous.yaml", "--print", "--normalised", "--allow-outside", "bench");
    const n = parse(normalised.stdout);
    // --normalised alone asks for the same print.
    expect((await runCli("validate", "bench/scenarios/city-continuous.yaml", "--normalised", "--allow-outside", "bench")).stdout).toBe(normalised.stdout);
    expect(n.programs[0].leaves[0]).toMatchObject({ region: "district-a", householdsPerUnit: 210, unitCost: 210 * 27_000 });
    expect(n.programs[0].shares.city).toEqual({ min: 0.05, max: 0.5, capPerHousehold: null });
    expect(n.objective).toMatchObject({ smoothing: false, mipGap: 1e-3, timeLimitSeconds: 300 });
    expect(n.sources.find((s: { id: string }) => s.id === "county").budgets[0]).toEqual({ region: "district-a", year: 2021, amount: 15_000_000 });
  });
});

describe("validate", () => {
  it("counts what it read in words that agree with the count: 1 programme, 2 targets", async () => {
    const r = await runCli("validate", "test/fixtures/finance/towns.yaml");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ok: finance-towns — 2021–2023, 2 leaf regions, 1 programme, 4 sources, 2 targets \(layers: 1, hash [0-9a-f]{12}\)\n$/);
  });
});

describe("validate --strict", () => {
  it("fails with exit 2 on a scenario that loads with notes, naming them as the reason; passes one without", async () => {
    const noted = await runCli("validate", "test/fixtures/plan/zero-budget.yaml", "--strict");
    expect(noted.code).toBe(2);
    expect(noted.stderr).toContain("note: budget of gov (gov) for b (zero-budget.yaml:41): no entry for 2022–2023");
    expect(noted.stderr).toContain("error: --strict: 1 note about the scenario (above) counts as a problem");
    expect(noted.stdout).toBe("");
    expect((await runCli("validate", "test/fixtures/plan/zero-budget.yaml")).code).toBe(0);
    const clean = await runCli("validate", "test/fixtures/finance/towns.yaml", "--strict");
    expect(clean.code).toBe(0);
    expect(clean.stdout).toMatch(/^ok: finance-towns/);
  });
});
