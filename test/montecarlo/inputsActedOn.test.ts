/**
 * sensitivity.csv ranks only the inputs a mode's draws act on: `reoptimize` re-plans with
 * foresight and does not apply slips, so ranking them would rank noise; draws.csv still records them.
 */
import { describe, expect, it } from "vitest";
import { inputsActedOn } from "../../src/montecarlo/inputsActedOn.js";
import { simulate } from "../../src/pipeline.js";

const TOY = "test/fixtures/mc/toy.yaml"; // inputs cost-a (unit cost) and slip-b (slip)

describe("inputs a mode acts on", () => {
  it("leaves slips out of reoptimize only", async () => {
    const sensitivityInputs = async (mode: "evaluate" | "reoptimize" | "replan") => {
      const outcome = await simulate(TOY, { dryRun: true, monteCarlo: { mode, draws: 30, workers: 1, saveDraws: true } });
      const tables = outcome.monteCarlo!.tables!;
      expect(tables.drawColumns).toContain("input:slip-b"); // recorded in every mode
      return new Set(tables.sensitivity.map((r) => r.input));
    };
    expect(await sensitivityInputs("evaluate")).toEqual(new Set(["cost-a", "slip-b"]));
    expect(await sensitivityInputs("replan")).toEqual(new Set(["cost-a", "slip-b"]));
    expect(await sensitivityInputs("reoptimize")).toEqual(new Set(["cost-a"]));
  }, 60_000);

  it("names the inputs by id in their scenario order", () => {
    const input = (id: string, appliesTo: "slip" | "budget") => ({ id, appliesTo }) as Parameters<typeof inputsActedOn>[1][number];
    const inputs = [input("s", "slip"), input("b", "budget")];
    expect(inputsActedOn("evaluate", inputs)).toEqual(["s", "b"]);
    expect(inputsActedOn("reoptimize", inputs)).toEqual(["b"]);
  });
});
