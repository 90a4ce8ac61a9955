/** What a report reads from a results folder's input.yaml. */
import { describe, expect, it } from "vitest";
import { runContext, targetCountsWholeUnits } from "../../src/report/runContext.js";

describe("targetCountsWholeUnits", () => {
  it("reads integer: 是 as integer: true, as the scenario does, so whole-unit P10–P90 show whole in the report as in the terminal", () => {
    const input = "name: z\nprograms:\n  - {id: yes, integer: 是}\n  - {id: plain, integer: true}\n  - {id: no, integer: 否}\n  - {id: unsaid}\n";
    const ctx = runContext("plan", { "run.json": "{}", "input.yaml": input });
    const whole = (program: string, metric = "started") => targetCountsWholeUnits(ctx, { program, metric });
    expect([whole("yes"), whole("plain"), whole("no"), whole("unsaid")]).toEqual([true, true, false, false]);
    expect(whole("yes", "households_started")).toBe(false); // households are counted, not whole units
  });
});
