/**
 * min-budget --confidence's report shows each target's P(met) at λ as plan's report does: the
 * validation P(met) ± one standard error (labelled once, in the column's heading), its one-sided
 * 95 % bound where every draw met the target, and the calibration P(met) that decides the level.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { records } from "../../src/output/resultTables.js";
import { renderReport } from "../../src/report/report.js";
import { runContext } from "../../src/report/runContext.js";
import { runCli } from "../cli/run.js";

let tmp: string;
let html: string;
let rows: Record<string, unknown>[];
let stdout: string;
let runJson: { validation: { draws: number; all_targets_met?: Joint; all_targets_met_below?: Joint } };
type Joint = { p_met: number; p_met_se: number; met_draws: number; draws: number };

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), "renewsim-mb-targets-"));
  // The closed-form fixture with a second, easy target: 10 of the 80 units, met in every draw.
  const scenario = readFileSync("test/fixtures/confidence/budget.yaml", "utf8")
    .replace("  - {id: t-80,", "  - {id: t-10, name: 十个, program: retrofit, region: town, metric: started, by: 2021, at_least: 10, kind: soft}\n  - {id: t-80, name: 八十个,");
  writeFileSync(join(tmp, "two.yaml"), scenario);
  const out = join(tmp, "out");
  const r = await runCli("min-budget", join(tmp, "two.yaml"), "--source", "government", "--confidence", "0.9",
    "--calibration-draws", "1000", "--draws", "2000", "--no-xlsx", "--out", out);
  expect(r.code).toBe(0);
  stdout = r.stdout;
  runJson = JSON.parse(readFileSync(join(out, "run.json"), "utf8"));
  html = readFileSync(join(out, "report.html"), "utf8");
  rows = records(runContext("min-budget", { "min_budget_confidence.csv": readFileSync(join(out, "min_budget_confidence.csv"), "utf8") }).tables.get("min_budget_confidence.csv"));
}, 120_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The table row of a target, by its name. */
const rowOf = (name: string) => new RegExp(`<tr><td>${name}</td>.*</tr>`).exec(html)?.[0] ?? "";

describe("min-budget --confidence report", () => {
  it("shows each target's P(met) at λ, ± one standard error as the column's heading says", () => {
    const scale = (rows[0].scale as number) * 100;
    expect(html).toContain(`各目标在最低预算比例 λ = ${scale.toFixed(1)}% 下的完成概率`);
    expect(html).toContain("P(met) (± 1 s.e.), validation draws");
    const hard = rows.find((r) => r.target === "t-80")!;
    const pct = ((hard.p_met as number) * 100).toFixed(1);
    expect(rowOf("八十个")).toMatch(new RegExp(`<td class="num">${pct.replace(".", "\\.")}% ± \\d\\.\\d%</td></tr>`));
    expect(rowOf("八十个")).toContain("90.0%"); // the level required
    // At λ every level is reached (run.json's calibration.draws, by criterion.ts); the draws are grouped.
    expect(rowOf("八十个")).toContain("✓ 达到");
    expect(rowOf("十个")).toContain("✓ 达到");
    expect(html).toContain("The validation draws are 2,000 fresh draws.");
  });

  it("shows the one-sided 95 % bound of a target met in every draw, not ± 0.0%", () => {
    expect(rowOf("十个")).toContain('<span class="zh">100.0%（95%置信下限 99.85%）</span><span class="en">100.0% (≥ 99.85% at 95%)</span>');
    expect(rowOf("十个")).not.toContain("± 0.0%");
  });
});

describe("min-budget --confidence: P(all targets met) on the validation draws", () => {
  // t-10 is met in every draw, so the draws meeting both are exactly those meeting t-80: the joint
  // count is t-80's P(met) × draws, at λ and at 1 % less — and never above either target's P(met).
  it("records it in run.json beside the validation, counted over the same draws", () => {
    const { all_targets_met: at, all_targets_met_below: below } = runJson.validation;
    expect(at).toBeDefined();
    expect(below).toBeDefined();
    const hard = rows.find((r) => r.target === "t-80")!;
    const easy = rows.find((r) => r.target === "t-10")!;
    expect(at!.draws).toBe(2000);
    expect(at!.met_draws).toBe(Math.round((hard.p_met as number) * 2000));
    expect(below!.met_draws).toBe(Math.round((hard.p_met_below as number) * 2000));
    expect(at!.p_met).toBeCloseTo(at!.met_draws / at!.draws, 6);
    expect(at!.p_met_se).toBeCloseTo(Math.sqrt(at!.p_met * (1 - at!.p_met) / 2000), 6);
    for (const t of [hard, easy]) {
      expect(at!.p_met).toBeLessThanOrEqual(t.p_met as number);
      expect(below!.p_met).toBeLessThanOrEqual(t.p_met_below as number);
    }
  });

  it("prints it after the per-target lines, as plan prints P(all targets met)", () => {
    const { all_targets_met: at, all_targets_met_below: below } = runJson.validation;
    const pct = (p: number) => `${(p * 100).toFixed(1)}%`;
    const line = stdout.split("\n").find((l) => l.startsWith("  P(all targets met): "));
    expect(line).toBeDefined();
    expect(line).toMatch(/^ {2}P\(all targets met\): [\d.]+% ± [\d.]+% \(1 s\.e\.\) → [\d.]+% ± [\d.]+% \(1 s\.e\.\) \(every target met in the same draw\)$/);
    expect(line).toContain(`: ${pct(at!.p_met)} ± `);
    expect(line).toContain(`→ ${pct(below!.p_met)} ± `);
    const lines = stdout.split("\n");
    expect(lines.indexOf(line!)).toBe(lines.findIndex((l) => l.startsWith("  t-80 (required")) + 1);
  });

  it("ends the report's per-target table with an all-targets row and adds a key figure", () => {
    const pct = ((runJson.validation.all_targets_met!.p_met) * 100).toFixed(1).replace(".", "\\.");
    expect(html).toMatch(new RegExp(`<tr><td><span class="zh">全部目标同时完成</span><span class="en">All targets met</span></td>(<td class="num"></td>){4}<td></td><td class="num">${pct}% ± \\d\\.\\d%</td></tr>`));
    expect(html).toContain("λ下全部目标同时完成的概率（验证抽样）");
  });
});

describe("min-budget --confidence report from its files", () => {
  const csv = [
    "target,name,confidence_required,target_value,scale,planned_value,p_met_calibration,p_met,p_met_se,scale_below,planned_value_below,p_met_calibration_below,p_met_below,p_met_se_below",
    "a,甲,0.9,80,1.5,80,0.7,,,,,,,",
  ].join("\n");

  it("without --draws shows the calibration P(met) only; without a scale reaching every level, names the largest tried", () => {
    const page = renderReport(runContext("min-budget", { "min_budget_confidence.csv": csv, "run.json": JSON.stringify({ status: "unreachable", confidence: 0.9 }) }));
    expect(page).toContain("各目标在所试最大比例 150.0% 下的完成概率（未能全部达到要求把握度）");
    expect(page).toContain("<tr><td>甲</td><td class=\"num\">90.0%</td><td class=\"num\">80</td><td class=\"num\">80</td><td class=\"num\">70.0%</td><td><span class=\"zh\">✗ 未达到</span><span class=\"en\">✗ not reached</span></td></tr>");
    expect(page).not.toContain("validation draws");
  });

  // Calibration 1,000 draws: 甲 met in 908 of them, 乙 in 950, each asked 90 %. 甲's P̂ is above the
  // level but its lower bound (criterion.ts) is 88.8 %: not reached, as the printed summary marks it.
  const twoCsv = [
    "target,name,confidence_required,target_value,scale,planned_value,p_met_calibration,p_met,p_met_se,scale_below,planned_value_below,p_met_calibration_below,p_met_below,p_met_se_below",
    "a,甲,0.9,80,1.5,80,0.908,0.905,0.009,,,,,",
    "b,乙,0.9,10,1.5,12,0.95,0.951,0.007,,,,,",
  ].join("\n");
  const twoRun = JSON.stringify({ status: "unreachable", confidence: 0.9, calibration: { seed: 1, draws: 1000, rounds: 3 }, validation: { seed: 2, draws: 1000 } });
  const twoPage = () => renderReport(runContext("min-budget", { "min_budget_confidence.csv": twoCsv, "run.json": twoRun }));
  const rowIn = (page: string, name: string) => new RegExp(`<tr><td>${name}</td>.*?</tr>`).exec(page)?.[0] ?? "";

  it("marks each target reached or not by the calibration's lower bound, with the bound where P(met) is above the level", () => {
    const page = twoPage();
    expect(page).toContain('<th><span class="zh">是否达到把握度</span><span class="en">Level reached</span></th>');
    const jia = rowIn(page, "甲");
    expect(jia).toContain("90.8%");
    expect(jia).toContain("✗ 未达到（其下界88.8%须达到要求：1,000次抽样尚不能排除低于要求）");
    expect(jia).toContain("✗ not reached (its lower bound 88.8%, which must reach the level: a sample of 1,000 draws cannot tell it from below)");
    const yi = rowIn(page, "乙");
    expect(yi).toContain("✓ 达到");
    expect(yi).not.toContain("未达到");
  });

  it("explains the lower-bound rule, not 'the calibration sample decides', and writes the draws as 1,000", () => {
    const page = twoPage();
    expect(page).toContain("按校准样本上完成概率的下界判断");
    expect(page).toContain("judged by the lower bound of P(met) on the calibration sample");
    expect(page).not.toContain("校准样本决定是否达到要求把握度");
    expect(page).toContain("另行抽取的 1,000 次");
    expect(page).toContain("1,000 fresh draws");
  });
});
