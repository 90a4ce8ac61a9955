/**
 * Every shipped scenario (and each overlay on its base) plans to an optimal result whose tables
 * pass the independent invariants: money balances to 1 yuan, shares, caps, budgets, capacity,
 * stock, start limits, targets; and whose money adds up to the fen as docs/outputs.md promises.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { simulate } from "../../src/pipeline.js";
import type { PlanRow } from "../../src/results/types.js";
import { householdPrograms } from "../../src/scenario/householdPrograms.js";
import { fenIdentities } from "../helpers/fenIdentities.js";
import { checkInvariants } from "../helpers/invariants.js";

const dir = "scenarios";
const bases = readdirSync(dir).filter((f) => f.endsWith(".yaml")).map((f) => join(dir, f));
const overlays = readdirSync(join(dir, "overlays"))
  .filter((f) => f.endsWith(".yaml"))
  .map((f) => {
    const file = join(dir, "overlays", f);
    const base = /^# *base: *(\S+)/m.exec(readFileSync(file, "utf8"))?.[1];
    return { file, base };
  });

describe("shipped scenarios", () => {
  for (const file of bases) {
    it(`${file} plans optimally and passes every invariant`, async () => {
      const o = await simulate(file, { dryRun: true });
      expect(o.solution.status).toBe("optimal");
      expect(checkInvariants(o.loaded.scenario, o.tables)).toEqual([]);
      expect(fenIdentities(o.loaded.scenario, o.tables)).toEqual([]);
      expect(o.tables.plan.length).toBeGreaterThan(0);
      // Households are shown only for programmes whose units hold them: none of the Guangzhou
      // towns' (towns, streets, km of greenway), every one of Guangdong's communities'.
      const counted = householdPrograms(o.loaded.scenario);
      const shown = (r: PlanRow) => [r.households_started !== null, r.households_completed !== null];
      expect(o.tables.plan.filter((r) => shown(r).some((s) => s !== counted.has(r.program)))).toEqual([]);
    }, 300_000);
  }

  for (const { file, base } of overlays) {
    it(`${file} names its base scenario and plans on it within every invariant`, async () => {
      expect(base, `${file} must start with a '# base: scenarios/….yaml' comment`).toBeTruthy();
      const o = await simulate(base!, { overlays: [file], dryRun: true });
      expect(o.solution.status).toBe("optimal");
      expect(checkInvariants(o.loaded.scenario, o.tables)).toEqual([]);
      expect(fenIdentities(o.loaded.scenario, o.tables)).toEqual([]);
    }, 300_000);
  }
});
