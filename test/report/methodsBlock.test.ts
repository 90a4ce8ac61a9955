/**
 * The methods block (analyst review s38, finding 2): report.html's 要点 and the workbook's 概要 of
 * every Monte Carlo run say what P(met) rests on — its meaning in the run's mode, a level judged per
 * target by the calibration sample's lower bound, the uncertain inputs as assumptions, the samples
 * and seeds, and that ± is sampling error only — from the run's own run.json and input.yaml.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { keyFigures } from "../../src/report/keyFigures.js";
import { renderReport } from "../../src/report/report.js";
import { runContext, type ReportKind } from "../../src/report/runContext.js";
import { renderWorkbook } from "../../src/workbook/workbook.js";

const input = [
  "name: gd",
  "programs:",
  "  - {id: retrofit, name: 老旧小区改造}",
  "sources:",
  "  - {id: city, name: 地级市财政资金, kind: government}",
  "uncertainty:",
  "  inputs:",
  "    - {id: unit-cost, applies_to: unit_cost, program: retrofit, dist: {type: pert, min: 0.34, mode: 1.0, max: 1.41}, per: region}",
  "    - {id: city-budget, applies_to: budget, source: city, dist: {type: pert, min: 0.43, mode: 0.95, max: 1.0}, per: year}",
  "    - {id: consent, applies_to: consent_failure, dist: {type: uniform, min: 0, max: \"20%\"}, per: region_year}",
  "  correlations:",
  "    - {between: [unit-cost, city-budget], rho: 0.2}",
].join("\n") + "\n";
const targets = "target,name,metric,target_value,planned,attainment,met,confidence_required,p_met_calibration,confidence_status,p_met,p_met_se\n" +
  "county,县城开工2050个小区,started,2050,2464,1.2,true,0.9,0.989,reached,0.99,0.002\n";
const plainTargets = "target,name,metric,target_value,planned,attainment,met,p_met,p_met_se\ncounty,县城开工2050个小区,started,2050,2050,1,true,0.1,0.01\n";

const mc = (mode: string, seed: number, draws: number) => ({ mode, seed, draws_requested: draws, draws_used: draws });

/** The block's rows, title → value, in the page's Chinese and English. */
function block(kind: ReportKind, files: Record<string, string>): Map<string, { zh: string; en: string }> {
  const rows = keyFigures(runContext(kind, files)).filter((f) => f.label.zh.startsWith("方法："));
  return new Map(rows.map((f) => [f.label.zh, f.value as { zh: string; en: string }]));
}

describe("methods block", () => {
  it("a plan to 90 %: P(met) of the fixed plan, levels per target by the lower bound, inputs as assumptions, both samples, ± as sampling error", () => {
    const run = { scenario: { name: "gd" }, monte_carlo: mc("evaluate", 5, 2000), confidence: { calibration: { seed: 20212, draws: 4000 }, validation_seed: 5 } };
    const rows = block("plan", { "targets.csv": targets, "run.json": JSON.stringify(run), "input.yaml": input });
    expect([...rows.keys()]).toEqual(["方法：完成概率的含义", "方法：要求把握度的含义", "方法：不确定的输入（假设）", "方法：抽样次数与随机种子", "方法：± 的含义"]);
    expect(rows.get("方法：完成概率的含义")!.zh).toBe("在每个抽样情景中按本计划固定执行（各资金来源的出资比例固定，一个来源的缺口不由其他来源补足），达到目标的情景所占比例");
    const level = rows.get("方法：要求把握度的含义")!;
    expect(level.zh).toMatch(/^每个目标分别要求达到该完成概率，不是全部目标同时完成的概率；是否达到：按校准样本上完成概率的下界判断（下界须达到要求，见 docs\/confidence\.md；与命令行输出、targets\.csv 的 confidence_status 相同）/);
    expect(level.en).toContain("asked of each target alone, not of all targets together");
    const inputs = rows.get("方法：不确定的输入（假设）")!;
    expect(inputs.zh).toBe("场景 uncertainty 部分设定的假设，不是官方公布的分布：单位造价：系数 PERT(0.34, 1, 1.41)，按地区；预算到位（地级市财政资金）：系数 PERT(0.43, 0.95, 1)，按年；" +
      "居民同意未达成：均匀分布(0, 20%)，按地区、按年；其中1组输入相关。其余输入均按场景取值，不随机。");
    expect(inputs.en).toContain("not official distributions: unit cost: factor PERT(0.34, 1, 1.41), per region;");
    expect(rows.get("方法：抽样次数与随机种子")!.zh).toBe("校准样本4,000次（随机种子20212；据此编制余量、判断是否达到要求把握度）；验证抽样2,000次（随机种子5，另行抽取；带 ± 的完成概率取自验证抽样）");
    expect(rows.get("方法：± 的含义")!.zh).toMatch(/^± 为1个标准误，只反映抽样次数有限带来的蒙特卡洛误差，不反映上述假设分布本身的不确定性/);
  });

  it("says P(met) in the run's own mode, and a plain Monte Carlo run's draws and seed, without a level row", () => {
    const files = (mode: string) => ({ "targets.csv": plainTargets, "run.json": JSON.stringify({ monte_carlo: mc(mode, 1, 300) }), "input.yaml": input });
    const replan = block("plan", files("replan"));
    expect(replan.has("方法：要求把握度的含义")).toBe(false);
    expect(replan.get("方法：完成概率的含义")!.zh).toContain("逐年执行本计划，每年按已发生的情况重新编制剩余年份的计划");
    expect(replan.get("方法：抽样次数与随机种子")!).toEqual({ zh: "蒙特卡洛抽样300次，随机种子1", en: "300 Monte Carlo draws, seed 1" });
    expect(block("plan", files("reoptimize")).get("方法：完成概率的含义")!.zh).toContain("事后最优的上限，不是按固定计划执行的把握");
  });

  it("min-budget, frontier and stress take their samples from their own run.json records; no draws, no block", () => {
    const minBudget = { confidence: 0.9, calibration: { seed: 20212, draws: 4000 }, validation: { seed: 5, draws: 2000 } };
    const rows = block("min-budget", { "run.json": JSON.stringify(minBudget), "input.yaml": input });
    expect(rows.get("方法：完成概率的含义")!.zh).toContain("按最低预算比例 λ 下的计划固定执行");
    expect(rows.get("方法：要求把握度的含义")!.zh).toContain("min_budget_confidence.csv 的 confidence_reached");
    expect(rows.get("方法：抽样次数与随机种子")!.zh).toContain("验证抽样2,000次（随机种子5");
    // Without --draws: the calibration sample only, no ±.
    const calibrated = block("frontier", { "run.json": JSON.stringify({ calibration: { seed: 7, draws: 1000 }, validation: null }), "input.yaml": input });
    expect(calibrated.get("方法：抽样次数与随机种子")!.zh).toBe("校准样本1,000次（随机种子7；据此编制余量、判断是否达到要求把握度）；未做验证抽样（完成概率为校准样本上的值；加 --draws 可另行验证）");
    expect(calibrated.has("方法：± 的含义")).toBe(false);
    const stress = block("stress", { "run.json": JSON.stringify({ confidence: null, calibration: null, monte_carlo: { mode: "evaluate", seed: 3, draws: 500 } }), "input.yaml": input });
    expect(stress.get("方法：完成概率的含义")!.zh).toContain("按各削减档位的计划固定执行");
    expect(stress.has("方法：要求把握度的含义")).toBe(false);
    expect(block("min-budget", { "run.json": JSON.stringify({ scale: 0.95 }), "input.yaml": input }).size).toBe(0);
    expect(block("plan", { "targets.csv": plainTargets, "run.json": "{}", "input.yaml": input }).size).toBe(0);
  });

  it("stands in report.html (with its English) and on the workbook's 概要 sheet alike", async () => {
    const run = { scenario: { name: "gd" }, monte_carlo: mc("evaluate", 5, 2000), confidence: { calibration: { seed: 20212, draws: 4000 }, validation_seed: 5 } };
    const files = { "targets.csv": targets, "run.json": JSON.stringify(run), "input.yaml": input };
    const html = renderReport(runContext("plan", files));
    expect(html).toContain("不是官方公布的分布：单位造价：系数 PERT(0.34, 1, 1.41)，按地区");
    expect(html).toContain("Monte Carlo sampling error only, not the uncertainty of the assumed distributions");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await renderWorkbook(runContext("plan", files))) as unknown as ExcelJS.Buffer);
    const cells: string[] = [];
    book.getWorksheet("概要")!.eachRow((row) => cells.push(`${String(row.getCell(1).value)}|${String(row.getCell(2).value)}`));
    for (const [title, value] of block("plan", files)) expect(cells).toContain(`${title}|${value.zh}`);
  });
});
