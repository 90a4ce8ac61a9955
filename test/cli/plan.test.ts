/**
 * The plan command end to end: bad input gives one clear error (path and line), exit code 2, no
 * stack trace and no results folder; infeasible plans exit 3 with a diagnosis; two runs are
 * byte-identical; the folder is refused without --force.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { monteCarloSummary } from "../../src/cli/commands/plan.js";
import type { McRunInfo, McTables } from "../../src/montecarlo/mcFiles.js";
import { runCli } from "./run.js";
import { scenarioFile, TOWN } from "./town.js";

function tmp(): string {
  return mkdtempSync(join(tmpdir(), "renewsim-cli-"));
}

describe("simulate FILE", () => {
  it("plans, writes every result file and prints a summary", async () => {
    const dir = tmp();
    const out = join(dir, "out");
    const r = await runCli(scenarioFile(dir, TOWN), "--out", out);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("targets: 1 of 1 met in the plan");
    expect(r.stdout).toMatch(/^  met {4}started-6: started 6 \/ 6 by 2022 in /m); // no name of its own: the id alone
    expect(readdirSync(out).sort()).toEqual(
      [".renewsim-results.json", "budgets.csv", "capacity.csv", "diagnostics.csv", "funding.csv", "input.yaml", "plan.csv", "report.html", "results.xlsx", "run.json", "shadow_prices.csv", "targets.csv"].sort(),
    );
    const plan = readFileSync(join(out, "plan.csv"), "utf8");
    expect(plan.startsWith("\ufeffyear,region,region_name")).toBe(true);
    expect(plan).toContain("小镇");
  });

  it("names each target in the summary by its id and the name the scenario gives it", async () => {
    const dir = tmp();
    const file = scenarioFile(dir, TOWN.replace("{id: started-6,", "{id: started-6, name: 开工6个小区,"));
    const r = await runCli(file, "--out", join(dir, "out"));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^  met {4}started-6 \(开工6个小区\): started 6 \/ 6 by 2022 in /m);
  });

  it("lists the binding budgets it prints with what was carried in, says how many more there are, and skips budgets of 0", async () => {
    const out = join(tmp(), "out");
    const r = await runCli("test/fixtures/confidence/whole-units/qinghe.yaml", "--out", out);
    expect(r.code).toBe(0);
    // Four tail-year budgets of 0 were counted binding ("0元 of 0元") before: 14 of 42.
    expect(r.stdout).toContain("binding budgets: 10 of 42\n");
    expect(r.stdout).not.toMatch(/: 0元 of 0元/);
    expect(r.stdout).toContain("县级财政资金 / 东城镇 / 2024: 2,200万元 of 2,200万元 (800万元 budget + 1,400万元 carried in)");
    expect(r.stdout).toContain("  … and 2 more (budgets.csv)\n");
  }, 60_000);

  it("writes byte-identical CSVs on a second run (-o is --out), and only replaces the folder with --force", async () => {
    const dir = tmp();
    const file = scenarioFile(dir, TOWN);
    const a = join(dir, "a");
    const b = join(dir, "b");
    expect((await runCli(file, "--out", a, "--quiet")).code).toBe(0);
    expect((await runCli(file, "-o", b, "--quiet")).code).toBe(0);
    for (const f of readdirSync(a).filter((x) => x !== "run.json")) {
      expect(readFileSync(join(b, f)), f).toEqual(readFileSync(join(a, f)));
    }
    const again = await runCli(file, "--out", a);
    expect(again.code).toBe(4);
    expect(again.stderr).toContain("--force");
    expect((await runCli(file, "--out", a, "--force", "--quiet")).code).toBe(0);
  });

  it("quotes what money buys for no larger a step than the price holds for", async () => {
    // Guangdong's 2023 re-plan with slow consent misses county-communities by 15.5; its bonds
    // budget's price holds for +22万元 only, and the summary once promised "+1亿元 ≈ +46.6".
    const out = join(tmp(), "out");
    const r = await runCli("scenarios/guangdong-retrofit-actuals-2023.yaml", "--with", "scenarios/overlays/slow-consent.yaml", "--out", out, "--no-xlsx");
    expect(r.code).toBe(0);
    const yuan = (text: string) => Number(text.replace(/,/g, "").replace(/(亿|万)?元$/, "")) * (text.endsWith("亿元") ? 1e8 : text.endsWith("万元") ? 1e4 : 1);
    const priced = [...r.stdout.matchAll(/; \+(\S+元) ≈ .*\(certain up to \+(\S+元)\)/g)];
    expect(priced.length).toBeGreaterThan(3);
    for (const [, step, room] of priced) expect(yuan(step)).toBeLessThanOrEqual(yuan(room));
    expect(r.stdout).toMatch(/专项债券 \/ 广东省 \/ 2023: 3亿元 of 3亿元; \+10万元 ≈ \+0\.0466 county-communities \(certain up to \+22\.\d\d万元\)/);
  }, 120_000);

  it("omits the byte-order mark with --no-bom", async () => {
    const dir = tmp();
    const out = join(dir, "out");
    await runCli(scenarioFile(dir, TOWN), "--out", out, "--no-bom", "--quiet");
    expect(readFileSync(join(out, "targets.csv"), "utf8").startsWith("target,")).toBe(true);
  });

  it("skips results.xlsx with --no-xlsx and still writes report.html", async () => {
    const dir = tmp();
    const out = join(dir, "out");
    expect((await runCli(scenarioFile(dir, TOWN), "--out", out, "--no-xlsx", "--quiet")).code).toBe(0);
    const files = readdirSync(out);
    expect(files).toContain("report.html");
    expect(files).not.toContain("results.xlsx");
  });

  it("reports an infeasible plan in planning words, exit code 3, with diagnostics.csv", async () => {
    const dir = tmp();
    const out = join(dir, "out");
    const r = await runCli(scenarioFile(dir, TOWN.replace("at_least: 6", "at_least: 9")), "--out", out);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/hard target started-6: started ≥ 9 by 2022 in 小镇 \(town\) falls short by 2.33/);
    expect(r.stderr).toMatch(/against these limits:\n.*budgets of 政府 \(gov\), 2 limits: 小镇 2021 at s\.yaml:21, 小镇 2022 at s\.yaml:21\n/);
    expect(r.stderr).toContain("  whether (and by how much) larger budgets give a plan: simulate min-budget … --source gov\n");
    const diagnostics = readFileSync(join(out, "diagnostics.csv"), "utf8");
    expect(diagnostics).toMatch(/budget of 政府 \(gov\) for 小镇 \(town\) in 2021 is part of the smallest set of conflicting limits/);
    expect(diagnostics).toContain("conflict:targets");
    expect(diagnostics).toContain("conflict:budgets");
    // Each limit named with the file and line that states it, in the CSV and on the terminal.
    expect(diagnostics.split("\n")[0]).toBe("\ufeffkind,where,message,message_zh,input_line");
    expect(diagnostics).toMatch(/conflict:budgets,"budget\[gov,town,2021\]",.*,s\.yaml:21\n/);
    expect(diagnostics).toMatch(/conflict:targets,target\[started-6\],.*,s\.yaml:24\n/);
    expect(r.stderr).toContain("falls short by 2.33 (s.yaml:24)");
    expect(existsSync(join(out, "plan.csv"))).toBe(false);
  });
  it("names the conflicting limits the IIS finds, but never a budget of zero", async () => {
    const dir = tmp();
    const out = join(dir, "out");
    const withZero = TOWN.replace("at_least: 6", "at_least: 9")
      .replace('      gov: {max: "90%"}', '      gov: {max: "90%"}\n      city: {max: "50%"}')
      .replace("  - {id: residents, name: 居民, kind: resident}", "  - {id: city, name: 市级, kind: government, budgets: [{region: town, per_year: 0}]}\n  - {id: residents, name: 居民, kind: resident}");
    const r = await runCli(scenarioFile(dir, withZero), "--out", out);
    expect(r.code).toBe(3);
    const diagnostics = readFileSync(join(out, "diagnostics.csv"), "utf8");
    expect(diagnostics).toMatch(/maximum share 10% of 居民 \(residents\) .* in 2021 is part of the smallest set of conflicting limits/);
    expect(diagnostics).toMatch(/budget of 政府 \(gov\) .* in 2022 is part of the smallest set of conflicting limits/);
    expect(r.stderr).toContain("budgets of 政府 (gov), 2 limits: ");
    expect(r.stderr).not.toContain("市级");
    expect(diagnostics).not.toContain("budget[city");
  });

  // The towns model (13,500 rows) is too large for an IIS: the limits come from the elastic
  // re-solve's duals, which its degeneracy also put on the stocks of the seven other programmes
  // (118 rows "binding in the conflict") until only rows linked to the missed target were kept.
  it("names only the limits linked to a missed hard target when there is no IIS", async () => {
    const dir = tmp();
    cpSync("scenarios", dir, { recursive: true });
    const file = join(dir, "guangzhou-towns-2024-2027.yaml");
    const text = readFileSync(file, "utf8");
    expect(text).toContain("by: 2024, at_least: 19, kind: hard");
    writeFileSync(file, text.replace("by: 2024, at_least: 19, kind: hard", "by: 2024, at_least: 29, kind: hard"));
    const out = join(dir, "out");
    const r = await runCli(file, "--out", out);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/typical-2024\): started ≥ 29 by 2024 .* falls short by 2/);
    expect(r.stderr).toMatch(/against these limits:\n {4}stock of .* \(typical-town\), 34 limits: /);
    expect(r.stderr).not.toContain("simulate min-budget"); // no budget among the limits
    const kinds = readFileSync(join(out, "diagnostics.csv"), "utf8").trim().split("\n").slice(1).map((line) => line.split(",")[0]);
    expect(kinds.filter((k) => k === "conflict:targets")).toHaveLength(1);
    expect(kinds.filter((k) => k === "conflict:stock")).toHaveLength(34);
    expect(readFileSync(join(out, "diagnostics.csv"), "utf8")).not.toMatch(/stock\[[^\]]*,(?!typical-town)[a-z-]+\]/);
  }, 120_000);
});

/** Each case: a broken scenario, the path and line the message must name. */
const BAD: { name: string; edit: (s: string) => string; path: string; line: number }[] = [
  { name: "share above 100%", edit: (s) => s.replace('gov: {max: "90%"}', 'gov: {max: "140%"}'), path: "programs[0].shares.gov.max", line: 14 },
  { name: "amount that is not an amount", edit: (s) => s.replace('"100万"', '"100 thousand"'), path: "programs[0].unit_cost", line: 9 },
  { name: "unknown key", edit: (s) => s.replace("    unit_cost:", "    unit_costs: 1\n    unit_cost:"), path: "programs[0].unit_costs", line: 9 },
  { name: "unknown region in a target", edit: (s) => s.replace("region: town, metric", "region: city, metric"), path: "targets[0].region", line: 24 },
  { name: "unknown source in shares", edit: (s) => s.replace("residents: {min", "resident: {min"), path: "programs[0].shares.resident", line: 15 },
  { name: "min share above max share", edit: (s) => s.replace('residents: {min: "10%", max: "10%"}', 'residents: {min: "20%", max: "10%"}'), path: "programs[0].shares.residents", line: 15 },
  { name: "target year outside the horizon", edit: (s) => s.replace("by: 2022", "by: 2030"), path: "targets[0].by", line: 24 },
  { name: "horizon end before start", edit: (s) => s.replace("end: 2022", "end: 2019"), path: "horizon", line: 3 },
  { name: "negative stock", edit: (s) => s.replace("stock: 10", "stock: -10"), path: "programs[0].by_region[0].stock", line: 12 },
  { name: "unknown source kind", edit: (s) => s.replace("kind: government", "kind: state"), path: "sources[0].kind", line: 19 },
  { name: "metric misspelt", edit: (s) => s.replace("metric: started", "metric: begun"), path: "targets[0].metric", line: 24 },
  { name: "spend profile not summing to 1", edit: (s) => s.replace("    households_per_unit: 100", "    households_per_unit: 100\n    spend_profile: [0.5, 0.4]"), path: "programs[0].spend_profile", line: 11 },
  { name: "duplicate region id", edit: (s) => s.replace("  - {id: town, name: 小镇}", "  - {id: town, name: 小镇}\n  - {id: town, name: 又一个}"), path: "regions[1].id", line: 6 },
  { name: "YAML syntax error", edit: (s) => s.replace("regions:", "regions: [oops"), path: "", line: 4 },
  { name: "uncertainty with min above mode", edit: (s) => s + "uncertainty:\n  inputs:\n    - {id: cost, applies_to: unit_cost, dist: {type: triangular, min: 1.2, mode: 1.0, max: 1.4}}\n", path: "uncertainty.inputs[0].dist", line: 27 },
  { name: "residents' cap that can never pay their minimum share", edit: (s) => s.replace('residents: {min: "10%", max: "10%"}', 'residents: {min: "10%", max: "10%", cap_per_household: 100}'), path: "programs[0].shares.residents.cap_per_household", line: 15 },
  { name: "budget for an unknown region", edit: (s) => s.replace("{region: town, per_year", "{region: nowhere, per_year"), path: "sources[0].budgets[0].region", line: 21 },
];

describe("bad input", () => {
  for (const c of BAD) {
    it(`${c.name}: one error with path and line, exit 2, nothing written`, async () => {
      const dir = tmp();
      const out = join(dir, "out");
      const r = await runCli(scenarioFile(dir, c.edit(TOWN)), "--out", out);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^error: /);
      if (c.path) expect(r.stderr).toContain(c.path);
      expect(r.stderr).toContain(`line ${c.line}`);
      expect(r.stderr).not.toMatch(/\n\s+at .*\.ts:\d+/); // no stack trace
      expect(existsSync(out)).toBe(false);
    });
  }

  describe("every command that loads a scenario goes through the one loader", () => {
    const commands: [string, (file: string, out: string) => string[]][] = [
      ["validate", (f) => ["validate", f]],
      ["stress", (f, o) => ["stress", f, "--cut", "government=10%", "--out", o]],
      ["min-budget", (f, o) => ["min-budget", f, "--source", "government", "--out", o]],
      ["explain", (f) => ["explain", f]],
      ["export", (f, o) => ["export", f, "--stage", "1", "-o", join(o, "stage1.lp")]],
    ];
    const picked = BAD.filter((c) => /can never pay|unknown region in a target|uncertainty/.test(c.name));
    for (const [command, args] of commands) {
      for (const c of picked) {
        it(`${command}: ${c.name} is rejected with its path and line`, async () => {
          const dir = tmp();
          const out = join(dir, "out");
          const r = await runCli(...args(scenarioFile(dir, c.edit(TOWN)), out));
          expect(r.code).toBe(2);
          expect(r.stderr).toContain(c.path);
          expect(r.stderr).toContain(`line ${c.line}`);
          expect(existsSync(out)).toBe(false);
        });
      }
    }
  });

  it("prints the stack trace only with --debug", async () => {
    const dir = tmp();
    const r = await runCli(scenarioFile(dir, TOWN.replace("kind: government", "kind: state")), "--out", join(dir, "o"), "--debug");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\n\s+at /);
  });

  it("refuses --solver jslp for a plan too large for it at once, exit 2, nothing written", async () => {
    // javascript-lp-solver gives no answer at this size: it used to run for minutes, silently.
    const out = join(tmp(), "out");
    const r = await runCli("scenarios/guangdong-retrofit-2021-2025.yaml", "--solver", "jslp", "--out", out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--solver jslp is for small models (up to 300 columns");
    expect(r.stderr).toContain("this plan has 2,416: use --solver highs or auto");
    expect(existsSync(out)).toBe(false);
  });

  it("rejects an unknown --solver with exit 2", async () => {
    const dir = tmp();
    const r = await runCli(scenarioFile(dir, TOWN), "--solver", "gurobi", "--out", join(dir, "o"));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--solver must be auto, highs or jslp");
    expect(existsSync(join(dir, "o"))).toBe(false);
    // export took any name and solved with HiGHS.
    const e = await runCli("export", scenarioFile(dir, TOWN), "--stage", "2", "--solver", "gurobi", "-o", join(dir, "s2.lp"));
    expect(e.code).toBe(2);
    expect(e.stderr).toContain("--solver must be auto, highs or jslp");
    expect(existsSync(join(dir, "s2.lp"))).toBe(false);
  });
});

describe("the Monte Carlo lines after a plan", () => {
  const info: McRunInfo = {
    mode: "evaluate", seed: 1, seed_from: "--seed", draws_requested: 1000, draws_used: 1000, precision: null,
    workers: 1, shard: null, draw_range: null, inputs: 1, quantiles: "type 7",
  };
  const tables = (pMet: number) => ({
    targets: [{ target: "b-50", metric: "started", met: true, planned: 50, target_value: 50, p_met: pMet, p_met_se: 0.01, p10: 44, p90: 49 }],
    sensitivity: [],
  }) as unknown as McTables;

  it("say why a target planned met is missed in most worlds, and what plans a margin", () => {
    const text = monteCarloSummary(info, tables(0), 2);
    expect(text).toContain("  P(met) b-50: 0.0%");
    expect(text).toContain("b-50: planned to meet the target exactly, with no margin, so any loss in a sampled world misses it; `--confidence 0.9` plans the margin");
  });

  it("say nothing more when the target is likely met, or when the plan already has margins", () => {
    expect(monteCarloSummary(info, tables(0.8), 2)).not.toContain("no margin");
    expect(monteCarloSummary(info, tables(0), 2, true)).not.toContain("no margin");
    expect(monteCarloSummary({ ...info, mode: "reoptimize" }, tables(0), 2)).not.toContain("no margin");
    const above = tables(0);
    (above.targets[0] as { planned: number }).planned = 52; // planned above the target: not "exactly"
    expect(monteCarloSummary(info, above, 2)).not.toContain("no margin");
    // A hair above (the LP filling a budget: Guangdong's county towns 2,050.03 for 2,050) is no margin.
    (above.targets[0] as { planned: number }).planned = 50.02;
    expect(monteCarloSummary(info, above, 2)).toContain("b-50: planned to meet the target exactly");
  });

  it("print a whole-unit programme's P10–P90 in whole units, rounded down (type 7 read 9.0–11.1 villages)", () => {
    const villages = {
      targets: [
        { target: "czc", metric: "started", program: "czc", met: true, planned: 12, target_value: 12, p_met: 0.1, p_met_se: 0.0067, p10: 9, p90: 11.1 },
        { target: "czc-hh", metric: "households_started", program: "czc", met: true, planned: 6000, target_value: 6000, p_met: 0.1, p_met_se: 0.0067, p10: 5150, p90: 6595.5 },
        { target: "lj", metric: "started", program: "lj", met: true, planned: 150, target_value: 150, p_met: 0.1, p_met_se: 0.0067, p10: 11, p90: 14 },
      ],
      sensitivity: [],
    } as unknown as McTables;
    const text = monteCarloSummary(info, villages, 2, false, new Set(["czc"]));
    expect(text).toContain("P(met) czc: 10.0% ± 0.7% (1 s.e.) (planned met; P10–P90 9–11)");
    expect(text).toContain("P10–P90 5,150–6,596)"); // households at the range's precision, as before
    // A divisible programme's units keep the decimal its range warrants, even where the ends are whole.
    expect(text).toContain("P(met) lj: 10.0% ± 0.7% (1 s.e.) (planned met; P10–P90 11.0–14.0)");
    expect(text).not.toContain("P(all targets met)"); // tables without the joint figure (an older merge)
    const joint = monteCarloSummary(info, { ...villages, allTargetsMet: { p_met: 0.047, p_met_se: 0.002, met_draws: 94, draws: 2000 } }, 2);
    expect(joint).toContain("  P(all targets met): 4.7% ± 0.2% (1 s.e.) (every target met in the same draw)\n");
  });
});
