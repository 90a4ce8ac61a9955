/**
 * compare of folders whose tables do not have the same columns: a Monte Carlo results folder
 * against a shard folder (docs/distributed.md) or a plain plan. The Monte Carlo columns of
 * targets.csv are in one folder only; the summary says which folders lack them instead of a bare
 * "0 changed values".
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { compareFolders, compareText } from "../../src/finance/compare/compare.js";
import { simulate } from "../../src/pipeline.js";

const TOY = "test/fixtures/mc/toy.yaml";
let full: string;
let shard: string;
let plain: string;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), "renewsim-absent-"));
  [full, shard, plain] = ["full", "shard", "plain"].map((name) => join(dir, name));
  const mc = { mode: "evaluate" as const, draws: 40, seed: 3, workers: 1 };
  await simulate(TOY, { out: full, xlsx: false, monteCarlo: mc });
  await simulate(TOY, { out: shard, xlsx: false, monteCarlo: { ...mc, shard: { k: 1, n: 2 } } });
  await simulate(TOY, { out: plain, xlsx: false });
});

describe("compare of folders whose tables lack columns", () => {
  it("says that the Monte Carlo columns are missing in the shard folder, not only '0 changed values'", async () => {
    const text = compareText(await compareFolders([full, shard]), 5, null);
    expect(text).toContain(
      "  targets.csv: the Monte Carlo columns p_met, p_met_se, p10, p50, p90 are missing in [2] (shard 1/2: `simulate merge` of all the shards makes them; docs/distributed.md), so their values are not compared",
    );
    expect(text).toContain("none of the values every folder holds changed");
    expect(text).not.toContain("every value is the same");
  });

  it("names the side that lacks them, whichever it is, and a plain plan as planned without --draws", async () => {
    const text = compareText(await compareFolders([shard, full, plain]), 5, null);
    expect(text).toContain("the Monte Carlo columns p_met, p_met_se, p10, p50, p90 are missing in [1] (shard 1/2: ");
    expect(text).toContain("docs/distributed.md) and [3] (planned without --draws), so their values are not compared");
  });

  it("says nothing of columns when every folder has the same ones", async () => {
    const result = await compareFolders([full, full]);
    expect(result.absent).toEqual([]);
    expect(compareText(result, 5, null)).toContain("none: every value is the same");
  });
});
