/**
 * A plan to a confidence level, in the report's key figures and the workbook's 概要: a target not
 * reached whose P(met) reads at or above the level says why — the verdict is the calibration
 * P(met)'s lower bound — in the frontier report's words, and in the page's language.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { keyFigures } from "../../src/report/keyFigures.js";
import { renderReport } from "../../src/report/report.js";
import { runContext } from "../../src/report/runContext.js";
import { renderWorkbook } from "../../src/workbook/workbook.js";

// The county review's conf90: 示范主街 3,637 of 4,000 calibration draws (90.925 %, lower bound 89.974 %), 91.15 % validated.
const targets = [
  "target,name,metric,target_value,planned,attainment,met,confidence_required,p_met_calibration,confidence_status,p_met,p_met_se",
  "typical-all,2027年全部6镇启动典型镇培育,started,6,6,1,true,0.9,0.95,reached,0.9525,0.004756",
  "village-hh,城中村改造惠及1000户,households_started,1000,1140,1.14,true,0.9,0.22075,limited,0.2365,0.009502",
  "street-all,示范主街全部建成,completed,5,5,1,true,0.9,0.90925,limited,0.9115,0.006351",
].join("\n") + "\n";
const run = { scenario: { name: "dabu" }, monte_carlo: { draws_used: 2000, mode: "evaluate" }, confidence: { calibration: { seed: 2026, draws: 4000, rounds: 3 } } };
const files = { "targets.csv": targets, "run.json": JSON.stringify(run) };

const required = (name: string) => keyFigures(runContext("plan", files)).find((f) => f.label.zh === `要求把握度：${name}`)!;

describe("confidence key figures", () => {
  it("gives a target not reached at a P(met) above its level the calibration P(met) and its lower bound, below the level as shown", () => {
    const street = required("示范主街全部建成").value as { zh: string; en: string };
    expect(street.zh).toMatch(/^90\.0%，未达到：校准样本上完成概率90\.9%（其下界89\.97%须达到要求：4,000次抽样尚不能排除低于要求）；本方案中该目标的余量无法再增加/);
    expect(street.en).toMatch(/^90\.0%, not reached: P\(met\) 90\.9% on the calibration sample \(its lower bound 89\.97%, which must reach the level/);
    // Far below its level, a target's P(met) explains itself: no bound.
    expect((required("城中村改造惠及1000户").value as { zh: string }).zh).toMatch(/^90\.0%，未达到：本方案中该目标的余量无法再增加/);
  });

  it("never prints a calibration P(met) just below the level as the level itself (0.89975 of 90 % reads 89.98%, not 90.0%)", () => {
    const below = targets.replace("0.9,0.90925,limited,0.9115", "0.9,0.89975,limited,0.9115");
    const street = keyFigures(runContext("plan", { ...files, "targets.csv": below })).find((f) => f.label.zh === "要求把握度：示范主街全部建成")!;
    expect((street.value as { zh: string }).zh).toContain("校准样本上完成概率89.98%；");
  });

  it("says how a level is judged in the frontier report's words, once, in the methods block", () => {
    const notes = keyFigures(runContext("plan", files)).filter((f) => JSON.stringify(f.value).includes("按校准样本上完成概率的下界判断"));
    expect(notes.map((f) => f.label.zh)).toEqual(["方法：要求把握度的含义"]);
    const rule = "按校准样本上完成概率的下界判断（下界须达到要求，见 docs/confidence.md；与命令行输出、__ 相同），因此完成概率略高于要求仍可能未达到。";
    expect((notes[0].value as { zh: string }).zh).toContain(`是否达到：${rule.replace("__", "targets.csv 的 confidence_status")}`);
    expect((notes[0].value as { en: string }).en).toMatch(/judged by the lower bound of P\(met\) on the calibration sample, which must reach the level \(docs\/confidence\.md; as printed, and targets\.csv's confidence_status\)/);
    const frontier = renderReport(runContext("frontier", {
      "frontier.csv": "confidence,target,target_name,government_used_yuan,total_used_yuan,planned_value,target_value,p_met_calibration,p_met,p_met_se,confidence_required,confidence_reached,plan_of_level\n0.9,a,甲,1,1,5,5,0.90925,0.91,0.006,0.9,false,0.9\n",
    }));
    expect(frontier).toContain(`是否达到：${rule.replace("__", "frontier.csv 的 confidence_reached")}`);
  });

  it("names what holds a target below its level, as the printout does, from diagnostics.csv's limit rows", () => {
    // The review's village target: "未达到…详见 diagnostics.csv" where the printout named the 14 sites of 2027.
    const diagnostics = [
      "kind,where,message,message_zh,input_line",
      "confidence_not_reached,target[village-hh],\"城中村改造惠及1000户 (village-hh): P(met) 22.1% …\",城中村改造惠及1000户（village-hh）：…,s.yaml:114",
      "confidence_limit,\"target[village-hh] capacity[*,2027]\",\"construction capacity 'village-sites' of 示例区 (sl) in 2027: up to +1 started of village-hh per slot (1 limit)\",示例区（sl）2027年的施工能力“village-sites”：每1个施工能力单位最多可使village-hh的开工数增加1（1项限制）,s.yaml:110",
      "confidence_not_reached,target[street-all],\"示范主街全部建成 (street-all): …\",示范主街全部建成（street-all）：…,s.yaml:120",
    ].join("\n") + "\n";
    const figure = (name: string) => keyFigures(runContext("plan", { ...files, "diagnostics.csv": diagnostics })).find((f) => f.label.zh === `要求把握度：${name}`)!.value as { zh: string; en: string };
    const village = figure("城中村改造惠及1000户");
    expect(village.zh).toMatch(/；受制于：示例区（sl）2027年的施工能力“village-sites”：每1个施工能力单位最多可使village-hh的开工数增加1（1项限制）$/);
    expect(village.en).toMatch(/; held by construction capacity 'village-sites' of 示例区 \(sl\) in 2027: up to \+1 started of village-hh per slot \(1 limit\)$/);
    expect(village.zh).not.toContain("详见 diagnostics.csv");
    // Not reached with no limit priced at the margin: said so, as the printout says it.
    expect(figure("示范主街全部建成").zh).toContain("；受制于：没有哪一项限制在边际上显示出价格");
  });

  it("shows the level required in English in the English view", () => {
    expect(required("2027年全部6镇启动典型镇培育").value).toEqual({ zh: "90.0%，已达到", en: "90.0%, reached" });
    const html = renderReport(runContext("plan", files));
    expect(html).toContain('<span class="en">90.0%, not reached: its margin cannot grow in this plan');
  });

  it("writes the same words on the workbook's 概要 sheet, in Chinese", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await renderWorkbook(runContext("plan", files))) as unknown as ExcelJS.Buffer);
    const cells: string[] = [];
    book.getWorksheet("概要")!.eachRow((row) => cells.push(`${String(row.getCell(1).value)}|${String(row.getCell(2).value)}`));
    expect(cells).toContain(`要求把握度：示范主街全部建成|${(required("示范主街全部建成").value as { zh: string }).zh}`);
    expect(cells.some((c) => c.startsWith("方法：要求把握度的含义|") && c.includes("按校准样本上完成概率的下界判断"))).toBe(true);
  });
});
