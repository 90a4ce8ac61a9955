/**
 * The finance commands through `main(argv)`: bad --cut / --source / --sources values give one clear
 * error, exit code 2 and no output; good runs write their folders and record the overlays.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli/main.js";
import { NO_UNCERTAINTY_FOR_CONFIDENCE, NO_UNCERTAINTY_FOR_DRAWS } from "../../src/runWarnings.js";

const TOWNS = "test/fixtures/finance/towns.yaml";
const CUT = "test/fixtures/finance/cut-20.yaml";
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "renewsim-finance-cli-"));
});

afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  vi.spyOn(process.stdout, "write").mockImplementation((s) => ((stdout += String(s)), true));
  vi.spyOn(process.stderr, "write").mockImplementation((s) => ((stderr += String(s)), true));
  const code = await main(["node", "simulate", ...args]);
  vi.restoreAllMocks();
  process.exitCode = undefined;
  return { code, stdout, stderr };
}

/** The run exits 2 with exactly these problems, in one error. */
async function expectRefused(args: string[], problems: string[]): Promise<void> {
  const { code, stderr } = await run(...args);
  expect(code).toBe(2);
  expect(stderr).toBe(problems.length === 1 ? `error: ${problems[0]}\n` : `error: ${problems.length} problems with the options:\n${problems.map((p) => `  - ${p}\n`).join("")}`);
}

describe("finance commands reject bad values with exit code 2 and write nothing", () => {
  const cases: [string, string[], RegExp][] = [
    ["letters as a level", ["stress", TOWNS, "--cut", "government=abc"], /"abc" is not a cut level/],
    ["an unknown selector", ["stress", TOWNS, "--cut", "unknown=10%"], /unknown selector "unknown"/],
    ["a cut above 100%", ["stress", TOWNS, "--cut", "government=120%"], /outside 0%–100%/],
    ["a missing '='", ["stress", TOWNS, "--cut", "government10%"], /<selector>=<levels>/],
    ["no --cut", ["stress", TOWNS], /--cut is required/],
    ["an unknown --sources id", ["stress", TOWNS, "--cut", "government=10%", "--sources", "centrl"], /unknown source "centrl" \(did you mean "central"\?\)/],
    ["a --sources id of another kind", ["stress", TOWNS, "--cut", "government=10%", "--sources", "enterprise"], /is enterprise money, not government/],
    ["a kind without budgets", ["stress", TOWNS, "--cut", "resident=10%"], /no budget matches/],
    ["a year outside the horizon", ["stress", TOWNS, "--cut", "government=10%", "--from", "2030"], /outside the scenario's horizon/],
    ["an unknown region", ["stress", TOWNS, "--cut", "government=10%", "--region", "town-c"], /unknown region "town-c"/],
    ["an unknown --source", ["min-budget", TOWNS, "--source", "bogus"], /unknown source "bogus"/],
    ["no --source", ["min-budget", TOWNS], /--source is required/],
    ["a bad --top", ["explain", TOWNS, "--top", "0"], /--top must be a whole number/],
  ];
  // Every mistake of one kind in one error: the options' own form first (before loading the
  // scenario), then the values the scenario must know (sources, --from, --region).
  it("lists every malformed option at once", async () => {
    const { code, stderr } = await run("stress", TOWNS, "--cut", "government=abc", "--from", "20x5", "--solver", "cplex", "--out", join(dir, "bad-three"));
    expect(code).toBe(2);
    expect(stderr).toMatch(/^error: 3 problems with the options:\n {2}- --cut "government=abc": "abc" is not a cut level.*\n {2}- --from "20x5" is not a year.*\n {2}- .*cplex/);
  });

  // docs/finance.md: problems with the options' values come together in one error — every bad
  // level of a --cut, and each bad value of the confidence and validation options beside it.
  it("lists every bad level of a --cut and every bad value of every option at once", async () => {
    const out = join(dir, "bad-levels");
    const cut = '--cut "government=15,-5%,abc,-1亿"';
    await expectRefused(["stress", TOWNS, "--cut", "government=15,-5%,abc,-1亿", "--confidence", "x", "--calibration-draws", "y", "--draws", "z", "--seed", "s", "--out", out], [
      `${cut}: cut level 15 is outside 0%–100% (write 15% for a percentage)`,
      `${cut}: cut level -5% is outside 0%–100%`,
      `${cut}: "abc" is not a cut level; write a percentage such as 20% (or a fraction such as 0.2)`,
      `${cut}: "-1亿" is not an amount to cut; write one such as 1亿 or 5000万`,
      '--confidence expects a number (got "x")',
      '--calibration-draws expects a number (got "y")',
      '--draws expects a number (got "z")',
      '--seed expects a number (got "s")',
    ]);
    const selector = await run("stress", TOWNS, "--cut", "govt=15", "--out", out);
    expect(selector.stderr).toMatch(/^error: 2 problems with the options:\n {2}- --cut "govt=15": unknown selector "govt".*\n {2}- --cut "govt=15": cut level 15 is outside/);
    await expectRefused(["frontier", TOWNS, "--confidence", "1.2,x,0.5", "--solver", "cplex", "--out", out], [
      "--confidence: every level must be above 0 and below 1 (got 1.2)",
      '--confidence expects a number (got "x")',
      '--solver must be auto, highs or jslp (got "cplex")',
    ]);
    await expectRefused([TOWNS, "--draws", "many", "--shard", "1-2", "--precision", "p", "--out", out], [
      '--draws expects a number (got "many")',
      '--precision expects a number (got "p")',
      '--shard expects k/n, e.g. 2/8 (got "1-2")',
    ]);
    expect(existsSync(out)).toBe(false);
  });

  // 2024 is a budget year of the 2021–2023 towns (the payment year of 2023's starts), so
  // "outside the horizon" alone looked wrong to a finance officer: say what the year is and how to reach it.
  it("tells a payment year after the horizon how to reach it, and a year past those only that it is outside", async () => {
    const out = join(dir, "payment-year");
    await expectRefused(["stress", TOWNS, "--cut", "government=10%", "--from", "2024", "--to", "2025", "--out", out], [
      "--from 2024 is outside the scenario's horizon 2021–2023: 2024 is only a payment year for units started by 2023; --from 2023 cuts 2023 and the payment years after it, or extend horizon.end to plan starts in 2024",
      "--to 2025 is outside the scenario's horizon 2021–2023",
    ]);
    await expectRefused(["min-budget", TOWNS, "--source", "government", "--to", "2024", "--out", out], [
      "--to 2024 is outside the scenario's horizon 2021–2023: 2024 is only a payment year for units started by 2023; leaving --to out cuts every payment year after the horizon, or extend horizon.end to plan starts in 2024",
    ]);
    expect(existsSync(out)).toBe(false);
  });

  it("lists every option the scenario refuses at once", async () => {
    const { code, stderr } = await run("stress", TOWNS, "--cut", "government=10%", "--sources", "centrl", "--from", "2030", "--region", "town-c", "--out", join(dir, "bad-scenario"));
    expect(code).toBe(2);
    expect(stderr).toMatch(/^error: 3 problems with the options:\n {2}- unknown source "centrl".*\n {2}- --from 2030 is outside the scenario's horizon.*\n {2}- unknown region "town-c"/);
    expect(existsSync(join(dir, "bad-scenario"))).toBe(false);
  });

  it("checks the options the scenario judges before the results folder: exit 2, not 4, where it exists", async () => {
    const out = join(dir, "exists");
    mkdirSync(out);
    writeFileSync(join(out, "mine.txt"), "mine");
    const cases: [string[], RegExp][] = [
      [["stress", TOWNS, "--cut", "government=10%", "--sources", "bogus"], /unknown source "bogus"/],
      [["stress", TOWNS, "--cut", "government=100亿"], /more than the selected budgets hold/],
      [["min-budget", TOWNS, "--source", "bogus"], /unknown source "bogus"/],
      [["min-budget", TOWNS, "--source", "government", "--from", "2030"], /outside the scenario's horizon/],
    ];
    for (const [args, message] of cases) {
      const { code, stderr } = await run(...args, "--out", out);
      expect(code, stderr).toBe(2);
      expect(stderr).toMatch(message);
    }
    expect(readdirSync(out)).toEqual(["mine.txt"]);
  });

  it("names every unknown item of a --source list, and a kind in the list as a kind, not an unknown source", async () => {
    const out = join(dir, "bad-source-list");
    for (const list of ["government,bogus", "bogus,government"]) {
      const { code, stderr } = await run("min-budget", TOWNS, "--source", list, "--out", out);
      expect(code).toBe(2);
      expect(stderr).toMatch(/^error: 2 problems with the options:\n/);
      expect(stderr).toContain('  - "government" is a source kind, not a source id: a kind is given alone (--source government, --cut government=…) and a list names source ids (central,county)\n');
      expect(stderr).toContain('  - unknown source "bogus"; the scenario\'s sources are central（中央补助）, county（县级财政）, enterprise（管线单位）, residents（居民）\n');
      expect(stderr).not.toContain('unknown source "government"');
    }
    const both = await run("stress", TOWNS, "--cut", "government=10%", "--sources", "centrl,bogus", "--from", "2030", "--out", out);
    expect(both.stderr).toMatch(/^error: 3 problems with the options:\n {2}- unknown source "centrl".*\n {2}- unknown source "bogus".*\n {2}- --from 2030 is outside/);
    expect(existsSync(out)).toBe(false);
  });

  // A finance officer thinks in 县级财政 and 甲镇: a name is told its id, as the data-file checks do.
  it("tells a source or region written by its name its id, on every command that takes them", async () => {
    const out = join(dir, "by-name");
    await expectRefused(["stress", TOWNS, "--cut", "government=10%", "--sources", "县级财政,centrl", "--region", "甲镇", "--out", out], [
      'unknown source "县级财政" ("县级财政" is the name of source "county": write its id)',
      'unknown source "centrl" (did you mean "central"?)',
      'unknown region "甲镇" ("甲镇" is the name of region "town-a": write its id)',
    ]);
    await expectRefused(["min-budget", TOWNS, "--source", "中央补助", "--region", "town-bb", "--out", out], [
      'unknown source "中央补助" ("中央补助" is the name of source "central": write its id)',
      'unknown region "town-bb" (did you mean "town-b"?)',
    ]);
    await expectRefused(["stress", TOWNS, "--cut", "sources=10%", "--sources", "示范县", "--out", out], [
      'unknown source "示范县"; the scenario\'s sources are central（中央补助）, county（县级财政）, enterprise（管线单位）, residents（居民）',
    ]);
    expect(existsSync(out)).toBe(false);
  });

  // Names need not be unique: naming the first region called 甲镇 sent the planner to town-a alone.
  it("names every source or region a shared name belongs to, and asks for the id of the one meant", async () => {
    const shared = join(dir, "shared-names.yaml");
    writeFileSync(shared, readFileSync(TOWNS, "utf8").replace("{id: town-b, name: 乙镇", "{id: town-b, name: 甲镇").replace("name: 管线单位", "name: 县级财政"));
    const out = join(dir, "shared-names");
    await expectRefused(["stress", shared, "--cut", "sources=10%", "--sources", "县级财政", "--region", "甲镇", "--out", out], [
      'unknown source "县级财政" ("县级财政" is the name of sources "county", "enterprise": write the id of the one meant)',
      'unknown region "甲镇" ("甲镇" is the name of regions "town-a", "town-b": write the id of the one meant)',
    ]);
    expect(existsSync(out)).toBe(false);
  });

  for (const [what, args, message] of cases) {
    it(what, async () => {
      const out = join(dir, `bad-${what.replace(/\W+/g, "-")}`);
      // explain writes nothing and has no --out.
      const { code, stdout, stderr } = await run(...args, ...(args[0] === "explain" ? [] : ["--out", out]));
      expect(code).toBe(2);
      expect(stdout).toBe("");
      expect(stderr.trim().split("\n")).toHaveLength(1);
      expect(stderr).toMatch(/^error: /);
      expect(stderr).toMatch(message);
      expect(existsSync(out)).toBe(false);
    });
  }
});

describe("finance commands write their outputs", () => {
  it("stress writes stress.csv, stress_summary.csv and run.json with the overlays, and prints the table", async () => {
    const out = join(dir, "stress");
    const { code, stdout } = await run("stress", TOWNS, "--with", CUT, "--cut", "government=10%,30%", "--from", "2022", "--out", out);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^cut +status +met/m);
    expect(stdout).toMatch(/cutting 中央补助 \(central\), 县级财政 \(county\) from 2022 \(with the payment year 2024 after the horizon\)/);
    expect(stdout).toMatch(/^30% +optimal/m);
    const summary = readFileSync(join(out, "stress_summary.csv"), "utf8");
    expect(summary.startsWith("\ufeffcut,cut_label,status,")).toBe(true);
    expect(summary.trimEnd().split("\n")).toHaveLength(4); // header + 0 %, 10 %, 30 %
    const runJson = JSON.parse(readFileSync(join(out, "run.json"), "utf8"));
    expect(runJson.command).toBe("stress");
    expect(runJson.scenario.overlays).toEqual([CUT]);
    expect(runJson.scenario.layers).toHaveLength(2);
    expect(runJson.selection).toEqual({ sources: ["central", "county"], from: 2022, from_given: true, to: null, region: null, tail_years: [2024, 2024] });
    expect(runJson.cut.levels).toEqual([0, 0.1, 0.3]);
    expect(readFileSync(join(out, "report.html"), "utf8")).toContain("预算削减压力测试报告");
    expect(existsSync(join(out, "results.xlsx"))).toBe(true);
    // An existing folder is refused (exit 4) unless --force.
    expect((await run("stress", TOWNS, "--cut", "government=10%", "--out", out)).code).toBe(4);
  });

  it("stress exits 3 with its folder and diagnosis written when the 0 % level itself has no plan", async () => {
    // Town A holds 100 communities: a hard target of 150 has no plan at any level.
    const overlay = join(dir, "no-plan.yaml");
    writeFileSync(overlay, "targets:\n  - {id: a-started, at_least: 150, kind: hard}\n");
    const out = join(dir, "stress-no-plan");
    const { code, stdout, stderr } = await run("stress", TOWNS, "--with", overlay, "--cut", "government=10%,30%", "--out", out, "--quiet");
    expect(code).toBe(3);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^0% +infeasible/m);
    // A cut only lowers budgets: the cut levels are not planned, and the terminal says why.
    expect(stderr).toMatch(/^10% +not_planned/m);
    expect(stderr).toContain("\n  10%, 30%: not planned: the 0% level has no plan, and a cut only lowers budgets, so no cut level can have one\n");
    expect(stderr).toContain("error: the scenario has no plan even without a cut (the 0% level), so no cut level can have one (a cut only lowers budgets), and 10%, 30% were not planned; ");
    const diagnostics = readFileSync(join(out, "diagnostics.csv"), "utf8");
    expect(diagnostics).toMatch(/^0,0%,conflict:targets,/m);
    expect(diagnostics).toMatch(/^0\.1,10%,not_planned,level\[0%\],"not planned: the 0% level has no plan/m);
    expect(readFileSync(join(out, "stress_summary.csv"), "utf8")).toMatch(/^0\.3,30%,not_planned,,/m);
    expect(JSON.parse(readFileSync(join(out, "run.json"), "utf8")).levels).toEqual([
      expect.objectContaining({ cut: 0, status: "infeasible" }), { cut: 0.1, status: "not_planned", stages: [] }, { cut: 0.3, status: "not_planned", stages: [] },
    ]);
    for (const f of ["stress.csv", "stress_summary.csv", "run.json", "input.yaml", "report.html"]) expect(existsSync(join(out, f)), f).toBe(true);
    // A cut level without a plan, the 0 % level planned, is an answer of the sweep: exit 0.
    const deep = await run("stress", TOWNS, "--cut", "government=90%", "--from", "2023", "--out", join(dir, "stress-deep"), "--quiet");
    expect(deep.code).toBe(0);
    expect(readFileSync(join(dir, "stress-deep", "stress_summary.csv"), "utf8")).toMatch(/^0\.9,90%,infeasible,/m);
  });

  it("min-budget writes min_budget.csv and reports the breaking point", async () => {
    const out = join(dir, "min-budget");
    const { code, stdout } = await run("min-budget", TOWNS, "--source", "government", "--out", out, "--no-xlsx");
    expect(code).toBe(0);
    expect(stdout).toMatch(/breaking point: λ = 0\.83/);
    const csv = readFileSync(join(out, "min_budget.csv"), "utf8");
    expect(csv.split("\n")[0]).toBe("\ufeffsource,source_name,source_kind,region,region_name,year,budget_yuan,scale,min_budget_yuan,change_yuan,carried_in_yuan,used_yuan,binding");
    expect(existsSync(join(out, "min_budget_binding.csv"))).toBe(true);
    expect(JSON.parse(readFileSync(join(out, "run.json"), "utf8")).scales[0].scale).toBeCloseTo(0.8348, 3);
    expect(readFileSync(join(out, "report.html"), "utf8")).toContain("最低预算");
    expect(existsSync(join(out, "results.xlsx"))).toBe(false);
  });

  it("say in run.json and on the terminal when draws or a confidence level meet a scenario without uncertain inputs", async () => {
    // towns.yaml has no `uncertainty` section: every draw is the planned world, as simulate --draws says.
    const runs: [string[], string[]][] = [
      [["stress", TOWNS, "--cut", "government=10%", "--draws", "50"], [NO_UNCERTAINTY_FOR_DRAWS.en]],
      [["stress", TOWNS, "--cut", "government=10%", "--confidence", "0.9", "--calibration-draws", "100"], [NO_UNCERTAINTY_FOR_CONFIDENCE.en]],
      [["min-budget", TOWNS, "--source", "government", "--confidence", "0.9", "--calibration-draws", "100", "--draws", "50"], [NO_UNCERTAINTY_FOR_CONFIDENCE.en, NO_UNCERTAINTY_FOR_DRAWS.en]],
      [["frontier", TOWNS, "--confidence", "0.5", "--calibration-draws", "100"], [NO_UNCERTAINTY_FOR_CONFIDENCE.en]],
      [["stress", TOWNS, "--cut", "government=10%"], []],
    ];
    for (const [k, [args, notes]] of runs.entries()) {
      const out = join(dir, `no-uncertainty-${k}`);
      const { code, stdout } = await run(...args, "--out", out, "--no-xlsx");
      expect(code, args.join(" ")).toBe(0);
      const runJson = JSON.parse(readFileSync(join(out, "run.json"), "utf8"));
      expect(runJson.warnings.filter((w: string) => /no uncertain inputs/.test(w)), args.join(" ")).toEqual(notes);
      expect(runJson.warnings_zh.filter((w: string) => /没有不确定输入/.test(w))).toHaveLength(notes.length);
      for (const note of notes) expect(stdout.split("\n").slice(1, 3)).toContain(`note: ${note}`);
      if (notes.length === 0) expect(stdout).not.toContain("no uncertain inputs");
    }
  }, 120_000);

  it("explain lists binding limits with prices", async () => {
    const { code, stdout } = await run("explain", TOWNS, "--with", CUT, "--top", "3");
    expect(code).toBe(0);
    expect(stdout).toContain("explain: finance-towns (with test/fixtures/finance/cut-20.yaml)");
    expect(stdout).toMatch(/1\. budget of .* — uses .*\n +\+1亿元 \(re-planned\): \+[\d,.]+ households_started of hh — /);
  });

  it("compare writes compare.csv and refuses an existing file without --force", async () => {
    const a = join(dir, "plan-a");
    expect((await run(TOWNS, "--out", a, "--quiet")).code).toBe(0);
    const csv = join(dir, "compare.csv");
    const { code, stdout } = await run("compare", a, a, "--out", csv);
    expect(code).toBe(0);
    expect(stdout).toContain("none: every value is the same");
    expect(existsSync(csv)).toBe(true);
    expect(readFileSync(join(dir, "compare.html"), "utf8")).toContain("方案比较报告");
    expect(existsSync(join(dir, "compare.xlsx"))).toBe(true);
    const again = await run("compare", a, a, "--out", csv);
    expect(again.code).toBe(4);
    // With --force it replaces its own files, even a report whose charts push the footer far down.
    const cut = join(dir, "plan-cut");
    expect((await run(TOWNS, "--with", CUT, "--out", cut, "--quiet")).code).toBe(0);
    for (let k = 0; k < 2; k++) expect((await run("compare", a, cut, "--out", csv, "--force")).code).toBe(0);
    const html = readFileSync(join(dir, "compare.html"), "utf8");
    expect(html).toContain("<svg");
    expect(html).toContain("全县惠及2万户 · "); // a changed value named by its target, not "target=hh"
    expect(html).not.toContain("target=hh");
    expect(Buffer.byteLength(html.slice(0, html.indexOf("由 renewsim")))).toBeGreaterThan(4096); // past the 4 KB head that is read
    expect((await run("compare", a, a, "--out", join(dir, "lean.csv"), "--no-xlsx")).code).toBe(0);
    expect(existsSync(join(dir, "lean.html"))).toBe(true);
    expect(existsSync(join(dir, "lean.xlsx"))).toBe(false);
    expect((await run("compare", a, join(dir, "missing"), "--out", join(dir, "x.csv"))).code).toBe(2);
    expect(existsSync(join(dir, "x.csv"))).toBe(false);
  });
});
