/**
 * Confidence planning through the command line: `simulate --confidence`, the scenario's
 * `objective.confidence` and per-target `confidence`, `simulate frontier`, `min-budget
 * --confidence`, `stress --draws` (common random numbers; the 0 % level equals the plain run) and
 * `--mode replan`; bad flags refused before anything is written.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as XLSX from "@e965/xlsx";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { StagedSession } from "../../src/plan/stagedSession.js";
import { runCli } from "./run.js";
import { loadScenario } from "../../src/scenario/index.js";

const CONSENT = "test/fixtures/confidence/consent.yaml";
const BUDGET = "test/fixtures/confidence/budget.yaml";
const RESIDENTS = "test/fixtures/confidence/budget-residents.yaml";
const TOY = "test/fixtures/mc/toy.yaml";
const REPLAN = "test/fixtures/mc/replan.yaml";
let tmp: string;
const dir = (name: string) => join(tmp, name);

/** A CSV's rows as records (no quoted commas in these files). */
function csv(folder: string, file: string): Record<string, string>[] {
  const [head, ...lines] = readFileSync(join(folder, file), "utf8").replace(/^\ufeff/, "").trimEnd().split("\n");
  const keys = head.split(",");
  return lines.map((l) => Object.fromEntries(l.split(",").map((v, i) => [keys[i], v])));
}

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "renewsim-confidence-"));
  writeFileSync(join(tmp, "objective.yaml"), "objective: {confidence: 0.8}\n");
  writeFileSync(join(tmp, "per-target.yaml"), "targets:\n  - {id: t-100, confidence: 0.5}\n");
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("simulate --confidence", () => {
  it("plans to the level, leads the summary with the price of confidence and adds the columns", async () => {
    const r = await runCli(CONSENT, "--confidence", "0.9", "--calibration-draws", "1000", "--draws", "2000", "--out", dir("plan"));
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines[1]).toMatch(/^to be 90\.0% sure of 100 t-100: plan 12\d(\.\d)? \(\+2\d\.\d% over the target; the plan without margins 100\)/);
    expect(lines[2]).toMatch(/^government money \S+ → 1\.2\d亿元 \(\+.*the price of confidence\)/);
    const [row] = csv(dir("plan"), "targets.csv");
    expect(row.confidence_required).toBe("0.9");
    expect(row.confidence_status).toBe("reached");
    expect(Number(row.p_met)).toBeGreaterThan(0.85);
    const run = JSON.parse(readFileSync(join(dir("plan"), "run.json"), "utf8"));
    expect(run.confidence.calibration).toMatchObject({ seed: 12, seed_from: "seed + 1", draws: 1000 });
    expect(run.confidence.validation_seed).toBe(11);
  });

  it("takes the level from objective.confidence, and a target's own confidence over the flag", async () => {
    expect((await runCli(CONSENT, "--with", join(tmp, "objective.yaml"), "--calibration-draws", "500", "--out", dir("objective"), "--quiet")).code).toBe(0);
    expect(csv(dir("objective"), "targets.csv")[0].confidence_required).toBe("0.8");
    expect((await runCli(CONSENT, "--with", join(tmp, "per-target.yaml"), "--confidence", "0.9", "--calibration-draws", "500", "--out", dir("own"), "--quiet")).code).toBe(0);
    expect(csv(dir("own"), "targets.csv")[0].confidence_required).toBe("0.5");
  });

  it.each([
    [["--confidence", "1"], /--confidence/],
    [["--confidence", "0"], /--confidence/],
    [["--confidence", "0.9", "--calibration-draws", "10"], /--calibration-draws/],
    [["--calibration-draws", "500"], /apply to confidence planning/],
    [["--confidence", "0.9", "--draws", "100", "--seed", "12"], /calibration seed/],
  ])("%s: exits 2 and writes nothing, also where the results folder exists", async (args, message) => {
    const out = dir(`bad-${(args as string[]).join("_")}`);
    const r = await runCli(CONSENT, ...(args as string[]), "--out", out);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message as RegExp);
    expect(existsSync(out)).toBe(false);
    // The options the scenario judges come before the folder: not exit 4 first, then 2 after --force.
    mkdirSync(out);
    writeFileSync(join(out, "mine.txt"), "mine");
    const again = await runCli(CONSENT, ...(args as string[]), "--out", out);
    expect(again.code, again.stderr).toBe(2);
    expect(again.stderr).toMatch(message as RegExp);
    expect(readdirSync(out)).toEqual(["mine.txt"]);
  });
});

describe("simulate frontier", () => {
  it("writes frontier.csv with money non-decreasing in the level, the report and the workbook", async () => {
    const r = await runCli("frontier", CONSENT, "--confidence", "0.5,0.8,0.95", "--calibration-draws", "1000", "--draws", "1000", "--out", dir("frontier"));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/confidence\s+gov money/);
    expect(r.stdout).toContain("(P(met) on validation draws, ± = 1 standard error (a 95% interval is about twice as wide); ✗ = level not reached):");
    const rows = csv(dir("frontier"), "frontier.csv");
    expect(rows.map((x) => x.confidence)).toEqual(["0.5", "0.8", "0.95"]);
    const money = rows.map((x) => Number(x.government_used_yuan));
    expect(money[1]).toBeGreaterThanOrEqual(money[0]);
    expect(money[2]).toBeGreaterThanOrEqual(money[1]);
    for (const x of rows) expect(Number(x.p_met)).toBeGreaterThanOrEqual(Number(x.confidence) - 2 * Number(x.p_met_se) - 0.02);
    expect(existsSync(join(dir("frontier"), "report.html"))).toBe(true);
    expect(existsSync(join(dir("frontier"), "results.xlsx"))).toBe(true);
    // run.json carries the loader's notes like every other command's (frontier's had no warnings).
    const run = JSON.parse(readFileSync(join(dir("frontier"), "run.json"), "utf8"));
    const notices = loadScenario(CONSENT).notices;
    expect(run).toMatchObject({ command: "frontier", warnings: notices.map((n) => n.en), warnings_zh: notices.map((n) => n.zh), selection: null });
    expect(Object.keys(run.timings_seconds)).toEqual(["load", "solve"]);
    expect((await runCli("frontier", CONSENT, "--confidence", "0.5,1.2", "--out", dir("frontier-bad"))).code).toBe(2);
  });

  it("exits 3 with the plan's diagnosis written and printed with file and line when there is no plan", async () => {
    // 200 units of 100万 cannot fit 1亿, and the target is hard.
    const file = dir("hard.yaml");
    writeFileSync(file, readFileSync(BUDGET, "utf8").replace("at_least: 80, kind: soft", "at_least: 200, kind: hard"));
    const out = dir("frontier-no-plan");
    const r = await runCli("frontier", file, "--confidence", "0.5", "--out", out);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("frontier: the plan without margins is infeasible, so no level can be planned:\n");
    expect(r.stderr).toContain("  - hard target t-80: started ≥ 200 by 2021 in Town (town) falls short by 100 (hard.yaml:25)\n");
    expect(r.stderr).toContain("  against these limits:\n    budgets of gov, 1 limit: Town 2021 at hard.yaml:23\n");
    expect(r.stderr).toContain(`diagnosis written to ${out}/diagnostics.csv`);
    // The folder plan writes for an infeasible plan: diagnosis, input, run.json, report, workbook.
    expect(existsSync(join(out, "frontier.csv"))).toBe(false);
    for (const f of ["diagnostics.csv", "input.yaml", "run.json", "report.html", "results.xlsx"]) expect(existsSync(join(out, f)), f).toBe(true);
    expect(csv(out, "diagnostics.csv").find((d) => d.kind === "conflict:targets")?.input_line).toBe("hard.yaml:25");
    expect(JSON.parse(readFileSync(join(out, "run.json"), "utf8"))).toMatchObject({ command: "frontier", status: "infeasible", levels: [], plain_plan: null });
    expect(readFileSync(join(out, "report.html"), "utf8")).toContain("falls short by 100");
  });

  it("exits 5 with the solver's message written to the folder when the solver fails on the plan", async () => {
    const message = "stage shortfall: error (HiGHS status: Time limit reached)";
    const spy = vi.spyOn(StagedSession.prototype, "run").mockResolvedValue({
      status: "error", message, stages: [{ stage: "shortfall", status: "error" }], primal: new Float64Array(0),
      optima: [], duals: [], ranges: [], sensitivity: null, dualMethod: "none", warnings: [],
    } as unknown as Awaited<ReturnType<StagedSession["run"]>>);
    const out = dir("frontier-solver-failed");
    try {
      const r = await runCli("frontier", BUDGET, "--confidence", "0.5", "--out", out);
      expect(r.code).toBe(5);
      expect(r.stderr).toContain(`error: ${message} (the plan without margins; diagnosis written to ${out}/diagnostics.csv)`);
    } finally {
      spy.mockRestore();
    }
    expect(csv(out, "diagnostics.csv")).toEqual([expect.objectContaining({ kind: "error", where: "solver", message })]);
    expect(JSON.parse(readFileSync(join(out, "run.json"), "utf8"))).toMatchObject({ status: "error", levels: [] });
  });
});

describe("--confidence with a list of levels on simulate and stress", () => {
  it.each([
    ["simulate", [BUDGET]],
    ["stress", ["stress", BUDGET, "--cut", "government=10%"]],
  ])("%s says it takes one level and that frontier plans several", async (_name, args) => {
    const out = dir(`list-${_name}`);
    const r = await runCli(...args, "--confidence", "0.8,0.9", "--out", out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--confidence takes one level here (got "0.8,0.9"); simulate frontier FILE --confidence 0.8,0.9 plans each of several levels');
    expect(r.stderr).not.toContain("expects a number");
    expect(existsSync(out)).toBe(false);
  });
});

describe("simulate min-budget --confidence", () => {
  it("says it takes one level, and to run it once per level, when given a list (frontier's form)", async () => {
    const out = dir("mb-list");
    const r = await runCli("min-budget", BUDGET, "--source", "government", "--confidence", "0.8,0.9", "--out", out);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`error: min-budget takes one --confidence level (got "0.8,0.9"): it searches the smallest budget for that level, so run it once per level — ` +
      `simulate min-budget ${BUDGET} --source government --confidence 0.8; simulate min-budget ${BUDGET} --source government --confidence 0.9 (simulate frontier plans a list of levels with today's budgets)\n`);
    expect(r.stderr).not.toContain("expects a number");
    expect(existsSync(out)).toBe(false);
  });

  it("writes the scale, the per-target P(met) at it and 1 % below, and the search", async () => {
    const r = await runCli("min-budget", BUDGET, "--source", "government", "--confidence", "0.9", "--calibration-draws", "1000", "--draws", "2000", "--out", dir("min-budget"));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/breaking point at 90\.0% confidence: λ = 0\.9[0-9]+/);
    // Two baselines, each named: the planned world's minimum (λ₀ = 0.8, 8000万) and today's 1亿:
    // the two differences add up to the 2000万 between them.
    const [, below] = /: −([\d,.]+)万元 against today's budgets\)/.exec(r.stdout)!;
    const [, above] = /the budgets at λ are ([\d,.]+)万元 above that deterministic minimum/.exec(r.stdout)!;
    expect(Number(above.replace(/,/g, "")) + Number(below.replace(/,/g, ""))).toBeCloseTo(2000, 1);
    // 1 % below λ the one target is no longer at its level: marked, so the line reads as the reason λ is the minimum.
    expect(r.stdout).toMatch(/\(required 90\.0%\): [\d.]+% ± [\d.]+% \(1 s\.e\.\) → [\d.]+% ± [\d.]+% \(1 s\.e\.\) ✗\n/);
    // One target: no P(all targets met) (it would repeat its P(met)), printed or in run.json.
    expect(r.stdout).not.toContain("P(all targets met)");
    expect(JSON.parse(readFileSync(join(dir("min-budget"), "run.json"), "utf8")).validation).not.toHaveProperty("all_targets_met");
    const [t] = csv(dir("min-budget"), "min_budget_confidence.csv");
    expect(Number(t.p_met)).toBeGreaterThan(0.85);
    expect(Number(t.p_met_below)).toBeLessThan(Number(t.p_met));
    // The search's verdict, as the printout marks it: at its level at λ, not 1 % below.
    expect([t.confidence_reached, t.confidence_reached_below]).toEqual(["true", "false"]);
    expect(csv(dir("min-budget"), "min_budget_search.csv").length).toBeGreaterThan(3);
    expect(Number(csv(dir("min-budget"), "min_budget.csv")[0].scale)).toBeCloseTo(Number(t.scale), 9);
    expect((await runCli("min-budget", BUDGET, "--source", "government", "--confidence", "0.9", "--per-year", "--out", dir("mb-bad"))).code).toBe(2);
  });

  it("writes who pays in the 90 % plan at λ against the plain plan with today's budgets (min_budget_funding.csv), printed, in the report and the workbook", async () => {
    const out = dir("mb-residents");
    const r = await runCli("min-budget", RESIDENTS, "--source", "government", "--confidence", "0.9", "--calibration-draws", "1000", "--out", out);
    expect(r.code).toBe(0);
    const funding = csv(out, "min_budget_funding.csv");
    const yuan = (rows: Record<string, string>[], key: string) => rows.reduce((a, f) => a + Number(f[key]), 0);
    // Every source in every payment year, the tail year 2023 included; λ scales only the government's budgets.
    expect(funding.map((f) => [f.year, f.source, f.scaled_source])).toEqual([
      ["2021", "gov", "true"], ["2021", "residents", "false"], ["2022", "gov", "true"], ["2022", "residents", "false"], ["2023", "gov", "true"], ["2023", "residents", "false"],
    ]);
    // The baseline is plain min-budget's, the plan `simulate` makes with today's budgets: the same column.
    const plain = dir("mb-residents-plain");
    expect((await runCli("min-budget", RESIDENTS, "--source", "government", "--out", plain)).code).toBe(0);
    expect(funding.map((f) => f.today_used_yuan)).toEqual(csv(plain, "min_budget_funding.csv").map((f) => f.today_used_yuan));
    for (const f of funding) expect(Number(f.change_yuan)).toBeCloseTo(Number(f.used_yuan) - Number(f.today_used_yuan), 2);
    // The government rows are the money min_budget.csv says the plan at λ uses of the scaled budgets.
    for (const b of csv(out, "min_budget.csv")) expect(funding.find((f) => f.year === b.year && f.source === "gov")!.used_yuan).toBe(b.used_yuan);
    // Money balances: each year's payments are its cost due, half of its starts' 100万 and half of the
    // year before's, so 2022 pays what 2021 and 2023 pay together, and the table what the planned units cost.
    const paid = (year: string) => yuan(funding.filter((f) => f.year === year), "used_yuan");
    expect(paid("2022")).toBeCloseTo(paid("2021") + paid("2023"), 1);
    const [t] = csv(out, "min_budget_confidence.csv");
    expect(Math.abs(yuan(funding, "used_yuan") - Number(t.planned_value) * 1e6)).toBeLessThan(100); // planned_value to 4 decimals
    // Who pays: the scaled government money no longer pays the margin and more; residents take it up.
    const residents = funding.filter((f) => f.source === "residents");
    expect(yuan(residents, "today_used_yuan")).toBe(0);
    expect(yuan(residents, "used_yuan")).toBeGreaterThan(1e7);
    // Printed over the years, as plain min-budget prints it, each source's line the sum of its rows.
    expect(r.stdout).toContain("who pays in the 90.0% plan at λ (min_budget_funding.csv; change against the plan with today's budgets, without margins):\n");
    const total = (rows: Record<string, string>[]) => `${(yuan(rows, "used_yuan") / 1e4).toLocaleString("en-US", { maximumFractionDigits: 2 })}万元`;
    expect(r.stdout).toContain(`  居民出资: ${total(residents)} (+${total(residents)})\n`);
    // The report's table of what each source pays, named as the plan to the level, and the workbook's sheet with Chinese headers.
    const html = readFileSync(join(out, "report.html"), "utf8");
    expect(html).toContain("各资金来源的支出：现有预算下的方案与90.0%把握度的最低预算方案（括号内为变化）");
    expect(html).toContain(`<tr><td>居民出资</td><td class="num">0元</td><td class="num">${total(residents)}（+${total(residents)}）</td></tr>`);
    const book = XLSX.read(readFileSync(join(out, "results.xlsx")));
    const sheet = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets["最低预算-各资金来源"], { header: 1 });
    expect(sheet[0]).toEqual(["年份", "资金来源代码", "资金来源", "资金类别", "预算是否按λ缩放", "现有预算下方案的支出", "已使用", "变化"]);
    expect(sheet.length).toBe(2 + funding.length);
    // The price of confidence, as simulate --confidence means it: the government money the plan at λ
    // pays above today's plan (printed, in run.json and in the report's key figures), not λ₀'s difference.
    const run = JSON.parse(readFileSync(join(out, "run.json"), "utf8"));
    expect(run.price_of_confidence_yuan).toBeCloseTo(yuan(funding.filter((f) => f.source_kind === "government"), "change_yuan"), 2);
    expect(run.price_of_confidence_all_sources_yuan).toBeCloseTo(yuan(funding, "change_yuan"), 2);
    expect(r.stdout).toMatch(/\nthe price of confidence: the 90\.0% plan at λ pays [+−][\d,.]+万元 of government money against the plan with today's budgets, without margins/);
    expect(html).toContain("把握度的代价：比现有预算下的方案");
  });

  it("with --from, where the plan at λ₀ reaches the level and 1 % less has no plan at all, answers λ₀ and says why 1 % less fails", async () => {
    // 2021 is kept at today's 90 % plan, which starts all 100 units then; their second halves (5,000万)
    // fall due in 2022, at least 70 % from the government: λ₀ = 3,500万 / 6,000万. That plan is 100 %
    // sure, and at 1 % less the scaled 2022 budget (3,465万) cannot pay the frozen year's 3,500万.
    // The old search planned that scale on the margin problem and stopped with exit 5.
    const out = dir("mb-from");
    const r = await runCli("min-budget", RESIDENTS, "--source", "government", "--confidence", "0.9", "--from", "2022", "--calibration-draws", "1000", "--out", out);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("breaking point at 90.0% confidence: λ = 0.5833 ");
    expect(r.stdout).toContain("λ₀ = 0.5833 (5,250万元, below today's budgets) would do: the budgets at λ are 0元 above that deterministic minimum.");
    expect(r.stdout).toContain("  t-100 (required 90.0%): 100.0% → no plan ✗\n");
    expect(r.stdout).toContain("at 1 % less, λ = 0.5775 (below λ₀ = 0.5833), the selected budgets give no plan at all, not even one that misses a target, " +
      "so no target reaches its level there (min_budget_search.csv: status infeasible): budget of gov for Town (town) in 2022 is exceeded by 35万元\n");
    // The search: λ₀ reaches, and 1 % less has no plan — not reached, no targets counted, status infeasible.
    const lambda = 3500 / 6000;
    const search = csv(out, "min_budget_search.csv");
    expect(search.map((s) => [s.reached, s.targets_reached, s.targets, s.status])).toEqual([["true", "1", "1", "optimal"], ["false", "", "1", "infeasible"]]);
    expect(Number(search[0].scale)).toBeCloseTo(lambda, 6);
    expect(Number(search[1].scale)).toBeCloseTo(0.99 * lambda, 6);
    // Per target: reached at λ, not at 1 % less, where nothing is planned or met.
    const [t] = csv(out, "min_budget_confidence.csv");
    expect(t).toMatchObject({ scale: search[0].scale, confidence_reached: "true", p_met_calibration: "1", scale_below: search[1].scale, confidence_reached_below: "false", planned_value_below: "", p_met_calibration_below: "" });
    const run = JSON.parse(readFileSync(join(out, "run.json"), "utf8"));
    expect(run).toMatchObject({ status: "optimal", scale: Number(search[0].scale), scale_below: Number(search[1].scale) });
    expect(run.search.map((s: { status: string }) => s.status)).toEqual(["optimal", "infeasible"]);
    expect(run.below_no_plan[0]).toMatchObject({ kind: "budgets", where: "budget[gov,town,2022]" });
    expect(Number(csv(out, "min_budget.csv").find((b) => b.year === "2022")!.min_budget_yuan)).toBeCloseTo(35e6, -2); // λ₀ to the LP's tolerance
    expect(readFileSync(join(out, "report.html"), "utf8")).toContain("At 1% less the budgets give no plan at all");
  });

  it("with no scale reaching the level, writes who pays in the plan at the largest scale tried, and says so", async () => {
    // 110 communities of stock, a fifth of the votes failing: no money makes 100 starts 90 % sure (P ≈ 45 %).
    const scenario = join(tmp, "consent-110.yaml");
    writeFileSync(scenario, readFileSync(CONSENT, "utf8").replace("stock: 1000", "stock: 110"));
    const out = dir("mb-unreachable");
    const r = await runCli("min-budget", scenario, "--source", "government", "--confidence", "0.9", "--calibration-draws", "1000", "--out", out);
    expect(r.code).toBe(3);
    expect(existsSync(join(out, "min_budget.csv"))).toBe(false);
    expect(Number(csv(out, "min_budget_confidence.csv")[0].scale)).toBe(100);
    // The plan at 100× plans the whole stock, 110 units of 100万; the plain plan today's 100.
    const [row, ...more] = csv(out, "min_budget_funding.csv");
    expect(more).toEqual([]);
    expect(Number(row.used_yuan)).toBeCloseTo(1.1e8, -2);
    expect(Number(row.today_used_yuan)).toBeCloseTo(1e8, -2);
    expect(r.stderr).toContain("who pays in the plan at 100× today's budgets, the largest scale tried (to its best towards 90.0%) (min_budget_funding.csv;");
    const html = readFileSync(join(out, "report.html"), "utf8");
    expect(html).toContain("各资金来源的支出：现有预算下的方案与所试最大比例下的方案（未能全部达到要求把握度；括号内为变化）");
    expect(html).toContain("所列为所试最大比例下尽量接近要求的方案，并非最低预算。");
  });
});

describe("simulate stress --draws", () => {
  it("adds P(met) per level with common random numbers; the 0 % level is the plain run; cuts never raise it", async () => {
    expect((await runCli(TOY, "--draws", "600", "--seed", "9", "--out", dir("toy-plain"), "--quiet")).code).toBe(0);
    const r = await runCli("stress", TOY, "--cut", "government=10%,20%", "--draws", "600", "--seed", "9", "--out", dir("toy-stress"));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/P\(met\) by target.*; ± = 1 standard error \(a 95% interval is about twice as wide\)\):\n/);
    expect(r.stdout).toMatch(/\na-50 +[\d.]+% ± [\d.]+% /); // the legend says what ± is, not each cell
    // The 0 % plan is the plain plan: the same no-margin note as its summary gives (a-50 and b-50 are planned exactly).
    expect(r.stdout).toMatch(/\nat 0%, a-50, b-50: planned to meet the target exactly, with no margin/);
    // b-50 is met in no draw at any level: its bound is said once, under the table, not in every cell.
    expect(r.stdout).toMatch(/\nb-50 +0\.0% † +0\.0% † +0\.0% †\n/);
    expect(r.stdout).toContain("† 0.0%: met in none of the 600 draws, so at most 0.50% at 95% confidence");
    expect(r.stdout).not.toContain("at 95%)");
    const plain = csv(dir("toy-plain"), "targets.csv");
    const stress = csv(dir("toy-stress"), "stress.csv");
    for (const p of plain) {
      const levels = stress.filter((s) => s.target === p.target).sort((a, b) => Number(a.cut) - Number(b.cut));
      expect(levels[0].p_met).toBe(p.p_met);
      expect(levels[0].p_met_se).toBe(p.p_met_se);
      for (let i = 1; i < levels.length; i++) expect(Number(levels[i].p_met)).toBeLessThanOrEqual(Number(levels[i - 1].p_met) + 2 * Number(levels[i].p_met_se));
    }
    // Town A's budget no longer pays 50 units at 20 %: P(met) falls to 0 there.
    expect(stress.find((s) => s.target === "a-50" && s.cut === "0.2")!.p_met).toBe("0");
  });
});

describe("simulate --mode replan", () => {
  it("runs from the command line and records the mode", async () => {
    expect((await runCli(REPLAN, "--draws", "4", "--mode", "replan", "--workers", "1", "--out", dir("replan"), "--quiet")).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir("replan"), "run.json"), "utf8")).monte_carlo.mode).toBe("replan");
  });
});
