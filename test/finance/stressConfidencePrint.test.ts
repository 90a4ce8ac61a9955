/**
 * simulate stress --confidence prints, beside the targets the plan meets, how many reach their
 * confidence level (the report's 达到要求把握度的目标, by the same rule), and says what "hh lost" is
 * when every level is planned with margins. The plain printout keeps its columns.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../cli/run.js";
import { tempDirs } from "../helpers/tempDirs.js";

const FIXTURE = "test/fixtures/confidence/stress-levels.yaml";
const tmp = tempDirs("stress-print");

describe("simulate stress --confidence: the printed table", () => {
  it("counts the targets at their level per cut (2/2 met in the plan, 1/2 at 90 % after a 10 % cut), as the report does", async () => {
    const out = join(tmp(), "stress");
    const r = await runCli("stress", FIXTURE, "--cut", "government=10%", "--confidence", "0.9", "--calibration-draws", "1000", "--draws", "1000", "--seed", "5", "--out", out);
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n");
    const head = lines.find((l) => l.startsWith("cut "))!;
    expect(head).toMatch(/^cut\s+status\s+met\s+at level\s+shortfall obj/);
    const cols = (prefix: string) => lines.find((l) => l.startsWith(prefix))!.split(/\s{2,}/);
    expect(cols("0% ").slice(0, 4)).toEqual(["0%", "optimal", "2/2", "2/2"]);
    expect(cols("10% ").slice(0, 4)).toEqual(["10%", "optimal", "2/2", "1/2"]);
    expect(r.stdout).toContain("at level: targets whose plan reaches its required confidence level on the calibration sample");
    expect(r.stdout).toContain("(hh lost: households planned for the households targets at 0% minus at this level; every level is planned with margins above its targets, so while a target stays met this is margin given up");
    // The same count as the report's and the workbook's key figure.
    expect(readFileSync(join(out, "report.html"), "utf8")).toMatch(/削减10%：达到要求把握度的目标[\s\S]{0,200}?1 \/ 2/);
  }, 120_000);

  it("leaves the plain printout as it was: no at-level column, no legend", async () => {
    const r = await runCli("stress", FIXTURE, "--cut", "government=10%", "--out", join(tmp(), "plain"));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\ncut\s+status\s+met\s+shortfall obj\s+gov money used\s+budget cut\s+hh lost\s+hh lost\/亿 cut\s+regions losing most/);
    expect(r.stdout).not.toContain("at level");
    expect(r.stdout).not.toContain("(hh lost:");
  }, 60_000);
});
