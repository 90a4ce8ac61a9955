/**
 * Re-planning from actuals, end to end through the CLI, on the shipped Guangdong scenario:
 *  - a plan's 2021–2022 rows re-entered as actuals (starts, households, money by source, from its
 *    own plan.csv and funding.csv) come back byte-identical in the re-plan, and stay so when the
 *    future changes (a 20 % government cut from 2024);
 *  - the shipped re-plan as of September 2023 counts the reported households (1.40 M), not units
 *    × the task base's average.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./run.js";

/** CSV lines as records keyed by the header (text kept as written). */
function table(file: string): Record<string, string>[] {
  const [head, ...lines] = readFileSync(file, "utf8").replace(/^\ufeff/, "").trimEnd().split("\n");
  const keys = head.split(",");
  return lines.map((l) => Object.fromEntries(splitCsv(l).map((v, i) => [keys[i], v])));
}

function splitCsv(line: string): string[] {
  const out: string[] = [];
  let cell = "";
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (c === "," && !quoted) {
      out.push(cell);
      cell = "";
    } else cell += c;
  }
  out.push(cell);
  return out;
}

/** The lines of a CSV file for years ≤ `last`, as written. */
function linesUpTo(file: string, last: number): string[] {
  return readFileSync(file, "utf8").split("\n").filter((l) => /^\d{4},/.test(l) && Number(l.slice(0, 4)) <= last);
}

describe("re-planning from actuals", () => {
  it("keeps the recorded years' starts and money byte-identical in plan.csv and funding.csv", async () => {
    // A planner's own copy of the scenarios: the re-plan extends the base from the same folder.
    const dir = mkdtempSync(join(tmpdir(), "renewsim-actuals-"));
    const scenarios = join(dir, "scenarios");
    cpSync("scenarios", scenarios, { recursive: true });
    const base = join(scenarios, "guangdong-retrofit-2021-2025.yaml");
    const cut = join(scenarios, "overlays", "government-cut-20.yaml");
    expect((await runCli(base, "--out", join(dir, "A"), "--quiet", "--no-xlsx")).code).toBe(0);

    // What a finance office would type in: the 2021–2022 starts, households and payments as planned.
    const plan = table(join(dir, "A", "plan.csv")).filter((r) => Number(r.year) <= 2022);
    const funding = table(join(dir, "A", "funding.csv")).filter((r) => Number(r.year) <= 2022);
    const sources = [...new Set(funding.map((f) => f.source))];
    const paid = (r: Record<string, string>) => sources.map((s) => funding.find((f) => f.year === r.year && f.region === r.region && f.source === s)?.amount_yuan ?? "");
    const csv = [
      ["region", "program", "year", "started", "households_started", ...sources.map((s) => `paid.${s}`)].join(","),
      ...plan.map((r) => [r.region, r.program, r.year, r.units_started, r.households_started, ...paid(r)].join(",")),
    ].join("\n");
    writeFileSync(join(scenarios, "data", "actuals.csv"), csv + "\n");
    const replan = join(scenarios, "replan.yaml");
    writeFileSync(replan, "extends: guangdong-retrofit-2021-2025.yaml\nname: replan\nas_of: 2022-12-31\nactuals:\n  - {file: data/actuals.csv}\n");

    expect((await runCli(replan, "--out", join(dir, "B"), "--quiet", "--no-xlsx")).code).toBe(0);
    expect((await runCli(replan, "--with", cut, "--out", join(dir, "C"), "--quiet", "--no-xlsx")).code).toBe(0);

    for (const file of ["plan.csv", "funding.csv"]) {
      // The re-plans agree byte for byte on the recorded years, whatever the future holds.
      const b = linesUpTo(join(dir, "B", file), 2022);
      expect(b.length).toBeGreaterThan(0);
      expect(linesUpTo(join(dir, "C", file), 2022)).toEqual(b);
      // And with the original plan in every column but the one marking what was recorded.
      const marker = file === "plan.csv" ? "actual_started" : "actual_amount_yuan";
      const value = file === "plan.csv" ? "units_started" : "amount_yuan";
      const a = table(join(dir, "A", file)).filter((r) => Number(r.year) <= 2022);
      const replan = table(join(dir, "B", file)).filter((r) => Number(r.year) <= 2022);
      expect(replan.map((r) => ({ ...r, [marker]: "" }))).toEqual(a.map((r) => ({ ...r, [marker]: "" })));
      expect(replan.map((r) => r[marker])).toEqual(a.map((r) => r[value]));
    }
    // The cut changed the future: less government money from 2024.
    const gov = (folder: string) => table(join(dir, folder, "funding.csv"))
      .filter((f) => Number(f.year) >= 2024 && f.source_kind === "government")
      .reduce((s, f) => s + Number(f.amount_yuan), 0);
    expect(gov("C")).toBeLessThan(gov("B") - 1e8);
  }, 180_000);

  it("the shipped re-plan as of 2023-09-30 counts the reported households", async () => {
    const dir = mkdtempSync(join(tmpdir(), "renewsim-actuals-"));
    const r = await runCli("scenarios/guangdong-retrofit-actuals-2023.yaml", "--out", join(dir, "out"), "--no-xlsx");
    expect(r.code).toBe(0);
    const plan = table(join(dir, "out", "plan.csv"));
    const sum = (year: number, key: string) => plan.filter((p) => Number(p.year) === year).reduce((s, p) => s + Number(p[key]), 0);
    expect([2021, 2022].map((y) => sum(y, "households_started"))).toEqual([655_198, 393_600]);
    expect([2021, 2022, 2023].map((y) => sum(y, "actual_started"))).toEqual([2998, 1802, 1607]);
    // By September 2023: 6,407 communities and 1.40 M households reported (seed 001).
    const recorded = readFileSync("scenarios/data/guangdong-retrofit-actuals-2023.csv", "utf8").trim().split("\n").slice(1).map((l) => l.split(","));
    expect(recorded.reduce((s, c) => s + Number(c[4]), 0)).toBe(1_400_000);
    const targets = table(join(dir, "out", "targets.csv"));
    const hh = targets.find((t) => t.target === "gd-households")!;
    expect(Number(hh.planned)).toBeGreaterThan(1_400_000);
    expect(sum(2023, "households_started")).toBeGreaterThanOrEqual(351_202);
    // The date the actuals run to, for the report's and the workbook's key figures.
    expect(JSON.parse(readFileSync(join(dir, "out", "run.json"), "utf8")).as_of).toBe("2023-09-30");
    expect(readFileSync(join(dir, "out", "report.html"), "utf8")).toContain("实际进度截至");
  }, 120_000);

  it("refuses stress --from a year as_of has closed, before solving anything", async () => {
    const r = await runCli("stress", "scenarios/guangdong-retrofit-actuals-2023.yaml", "--cut", "government=10%", "--from", "2022", "--out", join(tmpdir(), "never-written"));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("as_of 2023-09-30 closes every year before 2023");
  });
});
