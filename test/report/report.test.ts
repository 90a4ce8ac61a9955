/**
 * report.html from a results folder's files: progress adds plan.csv up to each target (the last
 * year equals targets.csv), Monte Carlo bands come from mc_summary, optional columns switch their
 * charts on, text is escaped, nothing refers to a URL, and the frontier page renders from rows of
 * frontier.csv's shape.
 */
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseResultCsv, records } from "../../src/output/resultTables.js";
import { rankedBudgets, validityChart } from "../../src/report/budgetCharts.js";
import { FRONTIER_COLUMNS, type FrontierRow } from "../../src/output/columns.js";
import { progressChart, progressSeries } from "../../src/report/progressChart.js";
import { keyFigures } from "../../src/report/keyFigures.js";
import { renderReport } from "../../src/report/report.js";
import { runContext } from "../../src/report/runContext.js";
import { largestChanges, largestPointChanges } from "../../src/report/compareCharts.js";
import { tornadoCharts } from "../../src/report/tornadoChart.js";
import { targetsTable } from "../../src/report/tables.js";
import { runCli } from "../cli/run.js";

let files: Record<string, string>;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), "renewsim-report-"));
  const out = join(dir, "gd");
  const r = await runCli("scenarios/guangdong-retrofit-2021-2025.yaml", "--out", out, "--draws", "200", "--workers", "1", "--quiet", "--no-xlsx");
  expect(r.code).toBe(0);
  files = {};
  for (const f of readdirSync(out).filter((x) => !x.endsWith(".html"))) files[f] = readFileSync(join(out, f), "utf8");
}, 120_000);

const charts = (html: string) => (html.match(/<figure class="chart/g) ?? []).length;

describe("plan report", () => {
  it("progress by year ends at each target's planned value, for the province and the county-town group", () => {
    const ctx = runContext("plan", files);
    const targets = records(ctx.tables.get("targets.csv"));
    expect(targets.map((t) => t.region)).toContain("county-towns");
    for (const t of targets) {
      const s = progressSeries(ctx, t);
      expect(s.years.at(-1)).toBe(t.by);
      expect(s.planned.at(-1)!).toBeCloseTo(t.planned as number, 2);
      for (let i = 1; i < s.planned.length; i++) expect(s.planned[i]).toBeGreaterThanOrEqual(s.planned[i - 1]);
      // The Monte Carlo band at the target's year is the target's own P10/P50/P90.
      expect(s.band!.at(-1)!.p50).toBeCloseTo(t.p50 as number, 2);
      expect(s.band!.at(-1)!.p10).toBeLessThanOrEqual(s.band!.at(-1)!.p90);
    }
  });

  it("shades the years whose starts were recorded (actuals), labelled with the date they run to", () => {
    const ctx = runContext("plan", files);
    const [t] = records(ctx.tables.get("targets.csv"));
    expect(progressSeries(ctx, t).recordedThrough).toBeNull(); // a plan with no actuals
    expect(renderReport(ctx)).not.toContain("灰色区域为已记录实际的年份");
    // The plan's 2021–2022 starts recorded as actuals, as of 2022-12-31.
    const [head, ...rows] = files["plan.csv"].replace(/^\ufeff/, "").trimEnd().split("\n");
    const k = head.split(",").indexOf("actual_started");
    const started = head.split(",").indexOf("units_started");
    const recorded = rows.map((l) => {
      const cells = l.split(",");
      if (Number(cells[0]) <= 2022) cells[k] = cells[started];
      return cells.join(",");
    });
    const run = { ...JSON.parse(files["run.json"]), as_of: "2022-12-31" };
    const withActuals = runContext("plan", { ...files, "plan.csv": [head, ...recorded].join("\n"), "run.json": JSON.stringify(run) });
    expect(progressSeries(withActuals, t).recordedThrough).toBe(2022);
    const html = renderReport(withActuals);
    expect(html).toContain("实际（截至2022-12-31）");
    expect(html).toContain("灰色区域为已记录实际的年份");
  });

  it("puts the scenario's description under the title, its caveats included, beside the horizon", () => {
    const html = renderReport(runContext("plan", files));
    expect(html).toMatch(/广东省城镇老旧小区改造“十四五”任务底数[^<]*的分年分市计划。[^<]*非官方数据。 · 规划期 2021–2025/);
  });

  it("draws a one-year target's Monte Carlo band as its ends and P50, not as an area that one year cannot shade", () => {
    const [t] = records(runContext("plan", files).tables.get("targets.csv"));
    const oneYear = { ...t, by: 2021 };
    const spec = progressChart(runContext("plan", files), oneYear);
    const series = (spec.option("zh") as { series: { type: string; name: string; data: unknown[] }[] }).series;
    expect(series.map((x) => `${x.type}:${x.name}`)).toEqual(["line:计划", "scatter:P10–P90", "scatter:P50"]);
    expect(series[1].data).toHaveLength(2);
    expect(spec.note!.zh).toContain("两条短横线为蒙特卡洛 P10 与 P90");
  });

  it("holds money figures to the fen: a sum's float noise does not reach a workbook cell", () => {
    const funding = "source,year,amount_yuan\na,2021,0.1\nb,2021,0.2\nc,2021,5985415828.52\n";
    const total = keyFigures(runContext("plan", { ...files, "funding.csv": funding })).find((f) => f.label.en === "Total money")!;
    expect(0.1 + 0.2 + 5985415828.52).not.toBe(5985415828.82); // the noise being removed
    expect(total.value).toBe(5985415828.82);
  });

  it("says the date the actuals run to and how the draws were made: P(met) means something else in each mode", () => {
    const plain = keyFigures(runContext("plan", files));
    expect(plain.find((f) => f.label.en === "Actuals recorded to")).toBeUndefined();
    const run = { ...JSON.parse(files["run.json"]), as_of: "2024-09-30", monte_carlo: { mode: "replan", draws_used: 200 } };
    const figures = keyFigures(runContext("plan", { ...files, "run.json": JSON.stringify(run) }));
    expect(figures.find((f) => f.label.zh === "实际进度截至")?.value).toBe("2024-09-30");
    expect((figures.find((f) => f.label.zh === "蒙特卡洛方式")?.value as { zh: string }).zh).toMatch(/^逐年重新规划/);
    expect(figures.find((f) => f.label.zh === "蒙特卡洛抽样次数")?.value).toBe(200);
    // A year alone means its start: not "through 2022".
    const yearOnly = keyFigures(runContext("plan", { ...files, "run.json": JSON.stringify({ ...run, as_of: "2022" }) }));
    expect(yearOnly.find((f) => f.label.zh === "实际进度截至")?.value).toEqual({ zh: "2022年初", en: "the start of 2022" });
  });

  it("gives the mean funding gap of the draws, summed over sources and years (mc_summary.csv's means)", () => {
    const run = { ...JSON.parse(files["run.json"]), monte_carlo: { mode: "evaluate", draws_used: 200 } };
    const summary = "metric,year,region,program,source,draws,mean\nfunding_gap_yuan,2024,r,,central,200,1000000.25\nfunding_gap_yuan,2025,r,,city,200,2500000.5\npaid_yuan,2024,r,,central,200,9e9\n";
    const figures = keyFigures(runContext("plan", { ...files, "run.json": JSON.stringify(run), "mc_summary.csv": summary }));
    expect(figures.find((f) => f.label.en.startsWith("Funding gap"))?.value).toBe(3500000.75);
    const noGap = { ...files, "run.json": JSON.stringify(run), "mc_summary.csv": "metric,year,region,program,source,draws,mean\npaid_yuan,2024,r,,central,200,9e9\n" };
    expect(keyFigures(runContext("plan", noGap)).some((f) => f.label.en.startsWith("Funding gap"))).toBe(false);
  });

  it("puts a budget table in the wrong unit (run.json's unit_slips) before the targets met, in the page's language", () => {
    const run = { ...JSON.parse(files["run.json"]), unit_slips: ["data/city.csv: 12 of its 12 budgets are about 10,000 times above …"], unit_slips_zh: ["data/city.csv：本文件12个预算中有12个约为…"] };
    const figures = keyFigures(runContext("plan", { ...files, "run.json": JSON.stringify(run) }));
    const at = figures.findIndex((f) => f.label.en === "Warning: a budget table's unit looks wrong");
    expect(figures[at].value).toEqual({ zh: run.unit_slips_zh[0], en: run.unit_slips[0] });
    expect(at).toBeLessThan(figures.findIndex((f) => f.label.en === "Targets met in the plan"));
    expect(keyFigures(runContext("plan", files)).some((f) => f.label.en.startsWith("Warning: a budget table"))).toBe(false);
  });

  it("gives the solver status in the page's language, and says when a stage stopped at its time limit", () => {
    expect(keyFigures(runContext("plan", files)).find((f) => f.label.en === "Status")?.value).toEqual({ zh: "最优", en: "optimal" });
    const run = { ...JSON.parse(files["run.json"]), stages: [{ stage: "shortfall", status: "optimal" }, { stage: "cost", status: "time_limit" }] };
    expect(keyFigures(runContext("plan", { ...files, "run.json": JSON.stringify(run) })).find((f) => f.label.en === "Status")?.value)
      .toEqual({ zh: "达到时间上限（保留最好方案，未证明最优）", en: "time limit reached (best plan kept, not proven optimal)" });
    expect(renderReport(runContext("plan", files))).toContain('<td><span class="zh">最优</span><span class="en">optimal</span></td>');
  });

  it("names what each target counts — 户, or its programme's unit — in the targets table and on the progress axis; P(met) bounds in the page's language", () => {
    const html = renderReport(runContext("plan", files));
    const row = (name: string) => html.match(new RegExp(`<tr><td>${name}</td>.*?</tr>`))?.[0] ?? "";
    expect(row("全省惠及142万户")).toContain('<td><span class="zh">户</span><span class="en">households</span></td>');
    expect(row("全省开工8007个小区")).toContain('<td><span class="zh">小区</span><span class="en">community</span></td>'); // the scenario's "小区 (community)"
    expect(row("全省开工8007个小区")).toMatch(/<span class="zh">0\.0%（95%置信上限 [\d.]+%）<\/span><span class="en">0\.0% \(≤ [\d.]+% at 95%\)<\/span>/);
    const [progress] = records(runContext("plan", files).tables.get("targets.csv")).map((t) => progressChart(runContext("plan", files), t));
    expect((progress.option("zh") as { yAxis: { name: string } }).yAxis.name).toBe("开工数（小区）");
    expect((progress.option("en") as { yAxis: { name: string } }).yAxis.name).toBe("units started (community)");
  });

  it("names each tornado's inputs by what they vary, with their ids, and shows all nine", () => {
    const [first] = tornadoCharts(runContext("plan", files));
    const axis = (first.option("zh") as { yAxis: { data: string[] } }).yAxis.data;
    expect(axis).toHaveLength(9);
    expect(axis).toContain("单位造价（unit-cost）");
    expect(axis).toContain("预算到位：省级财政补助资金（provincial-budget）"); // the source's name: five budget inputs read alike by their ids alone
    expect(axis).toContain("开工推迟（slip）");
    expect((first.option("en") as { yAxis: { data: string[] } }).yAxis.data).toContain("budget realised: 省级财政补助资金 (provincial-budget)");
    // Unit cost drawn per city, consent per city-year: ranked by their cells' average, which understates them.
    expect(first.note?.zh).toBe("斯皮尔曼秩相关系数 ρ；正值表示输入越大、结果越高。按地区或年份抽取的输入以其各单元的平均值计算 ρ，会低估其实际影响。");
    expect(first.note?.en).toMatch(/ρ understates its effect\.$/);
    const perDraw = files["input.yaml"].replace(/\n\s+per: (region_year|region|year)\b/g, "");
    expect(tornadoCharts(runContext("plan", { ...files, "input.yaml": perDraw }))[0].note?.zh).toBe("斯皮尔曼秩相关系数 ρ；正值表示输入越大、结果越高。");
  });

  it("draws no tornado for an output that never varies (no ρ: e.g. the gap of re-plans that never owe money)", () => {
    const flat = files["sensitivity.csv"].replace(/^([^,\n]+),funding_gap_total,[^,\n]*,/gm, "$1,funding_gap_total,,");
    const titles = (csv: string) => tornadoCharts(runContext("plan", { ...files, "sensitivity.csv": csv })).map((c) => c.title.en);
    expect(titles(files["sensitivity.csv"])).toContain("Sensitivity: total funding gap");
    expect(titles(flat)).not.toContain("Sensitivity: total funding gap");
    expect(titles(flat).length).toBe(titles(files["sensitivity.csv"]).length - 1);
  });

  it("draws progress, money, utilisation, binding limits and tornadoes; Chinese; no URL; reproducible", () => {
    const html = renderReport(runContext("plan", files));
    const targets = records(runContext("plan", files).tables.get("targets.csv")).length;
    const outputs = new Set(records(parseResultCsv("s", files["sensitivity.csv"])).map((r) => r.output)).size;
    expect(charts(html)).toBe(targets + 4 + outputs); // progress per target, money, utilisation, binding, validity, tornadoes
    expect(html).toContain("累计进度");
    expect(html).toContain("分年度资金来源");
    expect(html).toContain("预算使用率");
    expect(html).toContain("紧约束预算按影子价格排序");
    expect(html).toContain("敏感性");
    expect(html).toContain("P(met)");
    expect(html).not.toMatch(/https?:\/\//);
    // Nothing loads from anywhere: clip paths refer to ids in the page (url(#…)) only.
    expect(html).not.toMatch(/<(link|img|iframe)\b|src=|@import|url\((?!#)/);
    expect(renderReport(runContext("plan", files))).toBe(html);
    // The head says who made the page (compare --force looks for it), as one well-formed tag.
    expect(html).toMatch(/<meta charset="utf-8">\n<meta name="generator" content="renewsim \d+\.\d+\.\d+">\n<meta name="viewport"/);
  });

  it("adds the validity-range chart only when budgets.csv has the validity columns", () => {
    const ctx = runContext("plan", files);
    const chart = validityChart(ctx)!;
    expect(renderReport(ctx)).toContain("影子价格确定成立的预算增减范围");
    // Drawn relative to today's budget (rooms of a few 万元 vanished on an axis of whole budgets).
    const { limits } = rankedBudgets(ctx);
    const [down, up] = (chart.option("en") as { series: { data: number[] }[] }).series.map((x) => x.data);
    limits.forEach((l, i) => {
      const room = Number(l.row.shadow_price_valid_to_yuan) - Number(l.row.budget_yuan);
      if (Number.isFinite(room)) expect(up[i]).toBeCloseTo(room, 6);
      expect(down[i]).toBeLessThanOrEqual(0);
      expect(up[i]).toBeGreaterThanOrEqual(0);
    });
    // The same table without the two columns (an older results folder): no chart.
    const [head, ...rows] = files["budgets.csv"].trimEnd().split("\n");
    const columns = head.replace(/^\ufeff/, "").split(",");
    // No upper limit (a blank cell): the up bar runs to the edge of the chart.
    const to = columns.indexOf("shadow_price_valid_to_yuan");
    const open = [head, ...rows.map((l) => l.split(",").map((c, i) => (i === to ? "" : c)).join(","))].join("\n");
    const openChart = validityChart(runContext("plan", { ...files, "budgets.csv": open }))!.option("en") as { xAxis: { max: number }; series: { data: number[] }[] };
    expect(openChart.series[1].data.length).toBeGreaterThan(0);
    for (const x of openChart.series[1].data) expect(x).toBe(openChart.xAxis.max);
    const keep = columns.map((c, i) => (c.startsWith("shadow_price_valid_") ? -1 : i)).filter((i) => i >= 0);
    const without = [head, ...rows].map((l) => keep.map((i) => l.replace(/^\ufeff/, "").split(",")[i]).join(",")).join("\n");
    expect(validityChart(runContext("plan", { ...files, "budgets.csv": without }))).toBeNull();
  });

  it("ranks and ranges only binding budgets with a price: zero prices (a whole-unit plan's) draw neither chart", () => {
    const ctx = runContext("plan", files);
    const { limits } = rankedBudgets(ctx);
    expect(limits.length).toBeGreaterThan(0);
    for (const l of limits) expect(l.price).not.toBe(0);
    // Every price set to 0, every range blank (as budgets.csv writes a budget without a price):
    // before, 14 zero bars were ranked and every range ran to the chart's edge (±1.2亿元).
    const [head, ...rows] = files["budgets.csv"].trimEnd().split("\n");
    const columns = head.replace(/^\ufeff/, "").split(",");
    const priceColumns = ["shadow_price_units_per_100m_yuan", "shadow_price_score_per_100m_yuan", "cost_saved_per_yuan"].map((c) => columns.indexOf(c));
    const rangeColumns = ["shadow_price_valid_from_yuan", "shadow_price_valid_to_yuan"].map((c) => columns.indexOf(c));
    const unpriced = [head, ...rows.map((l) => l.split(",").map((c, i) => (priceColumns.includes(i) ? "0" : rangeColumns.includes(i) ? "" : c)).join(","))].join("\n");
    const zero = runContext("plan", { ...files, "budgets.csv": unpriced });
    expect(rankedBudgets(zero).limits).toEqual([]);
    expect(validityChart(zero)).toBeNull();
    const html = renderReport(zero);
    expect(html).not.toContain("紧约束预算按影子价格排序");
    expect(html).not.toContain("影子价格确定成立的预算增减范围");
    expect(html).toContain("预算使用率"); // the heatmap still marks binding budgets
  });

  it("says why a target planned exactly sits at 100 % beside a P(met) near 0 (report and workbook share the key figures)", () => {
    // Guangdong's plan meets both targets exactly; in the draws costs rise and consent fails.
    const note = (run: Record<string, unknown>) =>
      (keyFigures(runContext("plan", { ...files, "run.json": JSON.stringify(run) })).find((f) => f.label.en === "Note: no margin")?.value as { zh: string } | undefined)?.zh;
    const run = JSON.parse(files["run.json"]);
    // All four: the county towns' 2,050.03 for 2,050 is no margin either.
    expect(note(run)).toMatch(/^全省开工8007个小区、全省惠及142万户、县城开工2050个小区、县城惠及25\.6万户：按目标值恰好规划，没有余量.*按要求的把握度规划/);
    expect(renderReport(runContext("plan", files))).toContain("按目标值恰好规划，没有余量");
    // Met in no draw: the key figure gives the bound on 200 draws, as the table does.
    // A number still, so the workbook's cell computes, with the bound after it there too.
    const pMet = keyFigures(runContext("plan", files)).find((f) => f.label.en === "P(met): 全省开工8007个小区");
    expect(pMet).toMatchObject({ value: 0, kind: "share", suffix: { zh: "（95%置信上限 1.5%）", en: " (≤ 1.5% at 95%)" } });
    expect(renderReport(runContext("plan", files))).toContain('<span class="zh">0.0%（95%置信上限 1.5%）</span>');
    expect(note({ ...run, confidence: { level: 0.9 } })).toBeUndefined(); // planned to a confidence level
    expect(note({ ...run, monte_carlo: { ...run.monte_carlo, mode: "reoptimize" } })).toBeUndefined(); // re-planned in every draw
  });

  it("says, for a plan to a confidence level, the level each target was planned to and whether it got there", () => {
    const [head, ...rows] = files["targets.csv"].trimEnd().split("\n");
    const targets = [`${head},confidence_required,confidence_status`, ...rows.map((r, i) => `${r},0.9,${i === 0 ? "limited" : "reached"}`)].join("\n");
    const figures = keyFigures(runContext("plan", { ...files, "targets.csv": targets }));
    const required = figures.filter((f) => f.label.en.startsWith("Confidence required"));
    expect(required).toHaveLength(rows.length);
    expect(required[0]).toMatchObject({ label: { zh: "要求把握度：全省开工8007个小区" }, value: { zh: expect.stringMatching(/^90\.0%，未达到：本方案中该目标的余量无法再增加/) } });
    expect(required[1].value).toEqual({ zh: "90.0%，已达到", en: "90.0%, reached" });
    expect(keyFigures(runContext("plan", files)).some((f) => f.label.en.startsWith("Confidence required"))).toBe(false);
  });

  it("gives a confidence plan's cost of the margins against the plan without them, and says when not every target got its level", () => {
    const [head, ...rows] = files["targets.csv"].trimEnd().split("\n");
    const targets = [`${head},confidence_required,confidence_status`, ...rows.map((r, i) => `${r},0.9,${i === 0 ? "limited" : "reached"}`)].join("\n");
    const run = { ...JSON.parse(files["run.json"]), confidence: { plain: { government_used_yuan: 3.326e10 }, price_of_confidence_yuan: 1.057e9 } };
    const figures = keyFigures(runContext("plan", { ...files, "targets.csv": targets, "run.json": JSON.stringify(run) }));
    expect(figures.find((f) => f.label.en === "Plan without margins: government money")?.value).toBe(3.326e10);
    const cost = figures.find((f) => f.label.en.startsWith("Cost of the margins"));
    expect(cost?.value).toBe(1.057e9);
    expect(cost?.label.zh).toContain(`要求把握度的${rows.length}个目标中${rows.length - 1}个达到`);
    expect(keyFigures(runContext("plan", files)).some((f) => f.label.en.startsWith("Cost of the margins"))).toBe(false);
  });

  it("lists run.json's warnings in the page's language: warnings_zh in Chinese, warnings in English; English alone for an older folder", () => {
    const run = JSON.parse(files["run.json"]);
    run.warnings = ["data/预算.csv was read as GBK/GB18030 (the Chinese Windows encoding Excel and WPS use); results are written in UTF-8"];
    run.warnings_zh = ["data/预算.csv 按 GBK/GB18030（中文版 Windows 上 Excel 和 WPS 所用的编码）读取；结果文件均以 UTF-8 编码写出"];
    const html = renderReport(runContext("plan", { ...files, "run.json": JSON.stringify(run) }));
    expect(html).toContain("输入与求解提示");
    expect(html).toContain(`<td><span class="zh">${run.warnings_zh[0]}</span><span class="en">${run.warnings[0]}</span></td>`);
    delete run.warnings_zh;
    const older = renderReport(runContext("plan", { ...files, "run.json": JSON.stringify(run) }));
    expect(older).toContain(`<td>${run.warnings[0]}</td>`);
  });

  it("escapes names from the scenario", () => {
    const run = JSON.parse(files["run.json"]);
    run.scenario.name = "<script>alert(1)</script>";
    const html = renderReport(runContext("plan", { ...files, "run.json": JSON.stringify(run) }));
    expect(html).not.toContain("<script>alert(1)");
    expect(html).toContain("&lt;script&gt;alert(1)");
  });
});

describe("stress report", () => {
  const stress = [
    "cut,cut_label,status,target,name,program,region,region_name,metric,by,kind,weight,target_value,planned,attainment,shortfall,met,planned_change_vs_base,gained_vs_base",
    "0,0%,optimal,a,目标甲,p,r,区,started,2025,soft,1,100,100,1,0,true,0,false",
    "0.1,10%,optimal,a,目标甲,p,r,区,started,2025,soft,1,100,90,0.9,10,false,-10,false",
  ].join("\n");
  const summary = [
    "cut,cut_label,status,targets_met,targets,shortfall_objective,budget_cut_yuan,government_used_yuan,government_change_yuan,households_lost,households_lost_per_100m_yuan,households_started_lost,regions_losing_most",
    "0,0%,optimal,1,1,0,0,500000000,0,0,,0,",
    "0.1,10%,optimal,0,1,0.1,50000000,450000000,-50000000,1200,2400,1200,r:1200",
  ].join("\n");

  it("charts attainment per level, each target, money and households; P(met) only when stress.csv has it", () => {
    const html = renderReport(runContext("stress", { "stress.csv": stress, "stress_summary.csv": summary }));
    expect(charts(html)).toBe(4);
    expect(html).not.toContain("完成概率 P(met)");
    // Each level's status in the page's language, as the plan report gives its own.
    expect(html).toContain('<td><span class="zh">最优</span><span class="en">optimal</span></td>');
    expect(keyFigures(runContext("min-budget", { "run.json": JSON.stringify({ status: "unreachable" }) })).find((f) => f.label.en === "Status")?.value)
      .toMatchObject({ zh: expect.stringMatching(/^无法达到/) });
    const withP = stress.split("\n").map((l, i) => (i === 0 ? `${l},p_met,p_met_se` : `${l},${i === 1 ? 0.9 : 0.4},0.01`)).join("\n");
    const html2 = renderReport(runContext("stress", { "stress.csv": withP, "stress_summary.csv": summary }));
    expect(charts(html2)).toBe(5);
    expect(html2).toContain("各削减档位的完成概率 P(met)");
  });

  it("shows a level that starts more households than the baseline as no loss, in both languages", () => {
    const more = summary.replace("1200,2400,1200,r:1200", "-427.7468,,-427.747,");
    const html = renderReport(runContext("stress", { "stress.csv": stress, "stress_summary.csv": more }));
    expect(html).toContain('<span class="zh">无（多开工428户）</span><span class="en">none (+428 hh)</span>');
    expect(html).not.toContain("-428");
  });

  it("names the targets whose lines lie on top of each other (the same at every level)", () => {
    const twin = stress.split("\n").slice(1).map((l) => l.replace(",a,目标甲,", ",b,目标乙,"));
    const other = stress.split("\n").slice(1).map((l) => l.replace(",a,目标甲,", ",c,目标丙,").replace(/,0\.9,10,false,-10,/, ",0.95,5,false,-5,"));
    const html = renderReport(runContext("stress", { "stress.csv": [stress, ...twin, ...other].join("\n"), "stress_summary.csv": summary }));
    expect(html).toContain("重合的线：目标甲与目标乙（各档位数值相同）");
    expect(html).toContain("Lines on top of each other: 目标甲 and 目标乙 (the same at every level)");
    expect(html).not.toMatch(/重合的线：[^<]*目标丙/);
    expect(renderReport(runContext("stress", { "stress.csv": stress, "stress_summary.csv": summary }))).not.toContain("重合的线");
  });

  it("tables per level the regions losing and gaining most households, by name from input.yaml, households whole", () => {
    const moved = [
      "cut,cut_label,status,targets_met,targets,shortfall_objective,budget_cut_yuan,government_used_yuan,government_change_yuan,households_lost,households_lost_per_100m_yuan,households_started_lost,regions_losing_most,regions_gaining_most",
      "0,0%,optimal,1,1,0,0,500000000,0,0,,0,,",
      "0.1,10%,optimal,0,1,0.1,50000000,450000000,-50000000,1200,2400,1200,dg:7534.5925;zs:16.8438,town:89.1872",
      "0.2,20%,optimal,0,1,0.2,100000000,400000000,-100000000,2000,2000,2000,dg:9000,",
    ].join("\n");
    const input = "name: 压力\nregions:\n  - {id: dg, name: 东莞市}\n  - {id: town, name: 某镇}\n";
    const html = renderReport(runContext("stress", { "stress.csv": stress, "stress_summary.csv": moved, "input.yaml": input }));
    expect(html).toContain("开工户数变化最多的地区（较0%档位）");
    const rows = html.slice(html.indexOf("开工户数变化最多的地区")).match(/<tbody>([\s\S]*?)<\/tbody>/)![1].trim().split("\n").map((r) => [...r.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((m) => m[1]));
    expect(rows).toEqual([["10%", "东莞市", "7,535", "某镇", "89"], ["", "zs", "17", "", ""], ["20%", "东莞市", "9,000", "—", ""]]);
    // A scenario that counts no households leaves both columns empty: no table.
    expect(renderReport(runContext("stress", { "stress.csv": stress, "stress_summary.csv": summary.replace(",r:1200", ",") }))).not.toContain("开工户数变化最多的地区");
  });

  it("tables what each source pays per level and its change against 0 %, marking the sources cut", () => {
    const funding = [
      "cut,cut_label,status,source,source_name,source_kind,cut_source,used_yuan,change_yuan",
      "0,0%,optimal,provincial,省级财政,government,true,300000000,0",
      "0,0%,optimal,city,市级财政,government,false,200000000,0",
      "0.1,10%,optimal,provincial,省级财政,government,true,240000000,-60000000",
      "0.1,10%,optimal,city,市级财政,government,false,246000000,46000000",
      "0.5,50%,infeasible,provincial,省级财政,government,true,,",
      "0.5,50%,infeasible,city,市级财政,government,false,,",
    ].join("\n");
    const html = renderReport(runContext("stress", { "stress.csv": stress, "stress_summary.csv": summary, "stress_funding.csv": funding }));
    expect(html).toContain("各资金来源的支出（括号内为较0%档位的变化）");
    expect(html).toContain('<tr><td><span class="zh">省级财政（被削减）</span><span class="en">省级财政 (cut)</span></td><td class="num">3亿元</td><td class="num">2.4亿元（−6,000万元）</td><td class="num">—</td></tr>');
    expect(html).toContain('<tr><td>市级财政</td><td class="num">2亿元</td><td class="num">2.46亿元（+4,600万元）</td><td class="num">—</td></tr>');
    // A folder written before stress_funding.csv: no table.
    expect(renderReport(runContext("stress", { "stress.csv": stress, "stress_summary.csv": summary }))).not.toContain("各资金来源的支出");
  });

  it("says which budgets were cut, from when and where, and to what confidence each level was planned", () => {
    const run = { scenario: { name: "压力" }, selection: { sources: ["provincial"], from: 2024, region: "gz", tail_years: [2026, 2027] }, confidence: 0.9 };
    const input = "name: 压力\nregions:\n  - {id: gz, name: 广州市}\nsources:\n  - {id: provincial, name: 省级财政补助资金}\n";
    const figures = keyFigures(runContext("stress", { "stress.csv": stress, "stress_summary.csv": summary, "run.json": JSON.stringify(run), "input.yaml": input }));
    expect(figures.find((f) => f.label.en === "Budgets cut")?.value).toBe("省级财政补助资金（provincial），自2024年起，广州市及其下辖地区（含规划期后的付款年份2026–2027年）；2024年以前各档位均保持0%档位的计划");
    expect(figures.find((f) => f.label.en === "Each level planned to")?.value).toBe(0.9);
    const plain = keyFigures(runContext("stress", { "stress.csv": stress, "stress_summary.csv": summary, "run.json": JSON.stringify({ selection: { sources: ["a", "b"], from: null, region: null } }) }));
    expect(plain.find((f) => f.label.en === "Budgets cut")?.value).toBe("a、b，全部年份");
    // A from that the scenario's as_of gave (no --from): the years before it are actuals.
    const fromAsOf = keyFigures(runContext("stress", { "stress.csv": stress, "stress_summary.csv": summary, "run.json": JSON.stringify({ selection: { sources: ["a"], from: 2023, from_given: false, region: null } }) }));
    expect(fromAsOf.find((f) => f.label.en === "Budgets cut")?.value).toBe("a，自2023年起；2023年以前为实绩");
    const oneYear = { ...run, selection: { ...run.selection, to: 2024, region: null, tail_years: null } };
    const single = keyFigures(runContext("stress", { "stress.csv": stress, "stress_summary.csv": summary, "run.json": JSON.stringify(oneYear), "input.yaml": input }));
    expect(single.find((f) => f.label.en === "Budgets cut")?.value).toBe("省级财政补助资金（provincial），仅2024年；2024年以前各档位均保持0%档位的计划");
    expect(plain.some((f) => f.label.en === "Each level planned to")).toBe(false);
    // Planned to a confidence level, each level says how many targets got it, beside "met".
    const sureStress = stress.split("\n").map((l, i) => (i === 0 ? `${l},confidence_required,confidence_status` : `${l},0.9,${i === 1 ? "reached" : "limited"}`)).join("\n");
    const sure = keyFigures(runContext("stress", { "stress.csv": sureStress, "stress_summary.csv": summary }));
    expect(sure.filter((f) => f.label.en.endsWith("targets at their confidence level")).map((f) => f.value)).toEqual(["1 / 1", "0 / 1"]);
  });

  it("tabulates each target at each level (✗ missed, * re-balanced towards it), P(met) with --draws, and names the base of the cut", () => {
    const grown = `${stress}\n0,0%,optimal,b,目标乙,p,r,区,started,2025,soft,1,50,50,1,0,true,0,false\n0.1,10%,optimal,b,目标乙,p,r,区,started,2025,soft,1,50,55,1.1,0,true,5,true`;
    const html = renderReport(runContext("stress", { "stress.csv": grown, "stress_summary.csv": summary, "run.json": JSON.stringify({ cut: { selected_yuan: 5e8 } }) }));
    const rowOf = (name: string) => html.match(new RegExp(`<tr><td>${name}</td>.*?</tr>`))?.[0].replace(/<[^>]+>/g, "|");
    expect(rowOf("目标甲")).toBe("||目标甲||100||100.0%||90.0% ✗||");
    expect(rowOf("目标乙")).toBe("||目标乙||50||100.0%||110.0% *||");
    expect(html).not.toContain("各目标完成概率");
    const run = { selection: { sources: ["a"], from: null, region: null }, cut: { selected_yuan: 5e8 } };
    const figures = keyFigures(runContext("stress", { "stress.csv": grown, "stress_summary.csv": summary, "run.json": JSON.stringify(run) }));
    expect(figures.find((f) => f.label.en === "Selected budgets (what the cut shares are of)")?.value).toBe(5e8);
    expect(figures.find((f) => f.label.en === "Note: re-balanced")?.value).toMatchObject({ zh: expect.stringMatching(/^削减10%时的目标乙：计划值高于0%档位/), en: expect.stringMatching(/^目标乙 at a 10% cut: planned above the 0% plan/) });
    expect(figures.find((f) => f.label.en === "Note: weighted shortfall")?.value).toMatchObject({ zh: expect.stringMatching(/^各目标缺口占目标值之比/) });
    // With draws: P(met) per level, and the 0 % plan's targets without a margin named.
    const withP = grown.split("\n").map((l, i) => (i === 0 ? `${l},p_met,p_met_se` : `${l},${i % 2 === 1 ? 0.1 : 0.8},0.01`)).join("\n");
    const mc = { monte_carlo: { mode: "evaluate", draws_used: 1000 } };
    expect(renderReport(runContext("stress", { "stress.csv": withP, "stress_summary.csv": summary, "run.json": JSON.stringify(mc) }))).toContain("各目标完成概率");
    const noMargin = keyFigures(runContext("stress", { "stress.csv": withP, "stress_summary.csv": summary, "run.json": JSON.stringify(mc) })).find((f) => f.label.en === "Note: no margin");
    expect(noMargin?.value).toMatchObject({ zh: expect.stringMatching(/^0%档位：目标甲、目标乙：按目标值恰好规划，没有余量/), en: expect.stringMatching(/^at 0%: 目标甲, 目标乙: planned exactly/) });
    // The P(met) grid in the page's language too.
    const mcHtml = renderReport(runContext("stress", { "stress.csv": withP, "stress_summary.csv": summary, "run.json": JSON.stringify(mc) }));
    expect(mcHtml).toMatch(/<span class="zh">10\.0% ± 1\.0%<\/span><span class="en">10\.0% ± 1\.0%<\/span>|<td class="num">10\.0% ± 1\.0%<\/td>/);
    expect(mcHtml).toContain("各目标完成概率（蒙特卡洛，各档位使用相同的抽样；± 1个标准误）"); // what its cells' ± is
  });

  it("never shows a tiny weighted shortfall as 0.000 beside a target missed (0 means every target met)", () => {
    const tiny = summary.replace("0.1,10%,optimal,0,1,0.1,", "0.1,10%,optimal,0,1,0.000028777,");
    const figure = keyFigures(runContext("stress", { "stress.csv": stress, "stress_summary.csv": tiny })).find((f) => f.label.en === "Cut 10%: targets met");
    expect(figure?.value).toEqual({ zh: "0 / 1（加权缺口 0.000029，极小但不为0）", en: "0 / 1 (weighted shortfall 0.000029: tiny, not 0)" });
    expect(keyFigures(runContext("stress", { "stress.csv": stress, "stress_summary.csv": summary })).find((f) => f.label.en === "Cut 10%: targets met")?.value).toBe("0 / 1（加权缺口 0.100）");
  });

  it("lists why a level has no plan, with its cut, only when the folder has diagnostics.csv", () => {
    expect(renderReport(runContext("stress", { "stress.csv": stress, "stress_summary.csv": summary }))).not.toContain("无可行方案的削减水平");
    const diagnostics = "cut,cut_label,kind,where,message,input_line\n0.6,60%,conflict:budgets,\"budget[c,r,2024]\",budget of 中央 for 区 in 2024 is exceeded by 4.92亿元,s.yaml:3\n";
    const html = renderReport(runContext("stress", { "stress.csv": stress, "stress_summary.csv": summary, "diagnostics.csv": diagnostics }));
    expect(html).toContain("无可行方案的削减水平");
    // The kind in the page's language: 冲突：预算 / conflict: budget (the CSV keeps conflict:budgets).
    expect(html).toContain('<td>60%</td><td><span class="zh">冲突：预算</span><span class="en">conflict: budget</span></td>');
    expect(html).toContain("is exceeded by 4.92亿元");
    // A folder written before message_zh shows the English in both views, as one plain cell.
    expect(html).toContain("<td>budget of 中央 for 区 in 2024 is exceeded by 4.92亿元</td>");
  });

  it("shows each diagnosis in the page's language: message_zh in the Chinese view, message in the English", () => {
    const diagnostics = "cut,cut_label,kind,where,message,message_zh,input_line\n" +
      "0.6,60%,conflict:budgets,\"budget[c,r,2024]\",budget of 中央 (c) for 区 (r) in 2024 is exceeded by 4.92亿元,中央（c）在区（r）2024年的预算需增加4.92亿元,s.yaml:3\n";
    const html = renderReport(runContext("stress", { "stress.csv": stress, "stress_summary.csv": summary, "diagnostics.csv": diagnostics }));
    expect(html).toContain(
      "<td><span class=\"zh\">中央（c）在区（r）2024年的预算需增加4.92亿元</span><span class=\"en\">budget of 中央 (c) for 区 (r) in 2024 is exceeded by 4.92亿元</span></td>",
    );
  });
});

describe("frontier report", () => {
  const rows: FrontierRow[] = [0.5, 0.8, 0.9].flatMap((confidence, i) => [
    { confidence, target: "a", target_name: "开工目标", government_used_yuan: 1e9 * (1 + i), total_used_yuan: 1.3e9 * (1 + i), planned_value: 100 + 5 * i, target_value: 100, p_met_calibration: confidence + 0.01, p_met: confidence, p_met_se: 0.01, confidence_required: confidence, confidence_reached: true, plan_of_level: confidence, p_all_targets_met: null, p_all_targets_met_se: null },
    { confidence, target: "b", target_name: "惠及户数", government_used_yuan: 1e9 * (1 + i), total_used_yuan: 1.3e9 * (1 + i), planned_value: 2e4 + 500 * i, target_value: 2e4, p_met_calibration: null, p_met: confidence - 0.02, p_met_se: 0.01, confidence_required: confidence, confidence_reached: false, plan_of_level: confidence, p_all_targets_met: null, p_all_targets_met_se: null },
  ]);

  /** A frontier folder's files: frontier.csv from the rows, run.json, and input.yaml naming the targets' metrics. */
  const frontierFolder = (planned: (r: FrontierRow) => number, levelRows: FrontierRow[] = rows) => ({
    "frontier.csv": [FRONTIER_COLUMNS.join(","), ...levelRows.map((r) => FRONTIER_COLUMNS.map((c) => (c === "planned_value" ? planned(r) : r[c] ?? "")).join(","))].join("\n") + "\n",
    "run.json": JSON.stringify({ scenario: { name: "前沿" }, horizon: { start: 2021, end: 2025 } }),
    "input.yaml": "name: 前沿\ntargets:\n  - {id: a, metric: started}\n  - {id: b, metric: households_started}\n",
  });

  it("renders money against confidence, P(met) and planned ÷ target from frontier.csv-shaped rows", () => {
    const html = renderReport(runContext("frontier", frontierFolder((r) => r.planned_value as number)));
    expect(charts(html)).toBe(3);
    expect(html).toContain("资金-把握度前沿");
    expect(html).toContain("前沿");
    expect(html).toContain("20亿元"); // the table: 2e9 yuan as people read it
    expect(html).toContain("80.0%");
    expect(html).not.toMatch(/https?:\/\//);
  });

  it("says at each level how many targets reach it, and does not title the money as reaching a level some targets miss", () => {
    const folder = frontierFolder((r) => r.planned_value as number);
    const html = renderReport(runContext("frontier", folder));
    expect(html).not.toContain("达到各把握度所需资金");
    expect(html).toContain("各把握度的规划资金（✗ 并非所有目标都达到该把握度）");
    expect(html).toContain("<tr><td class=\"num\">80.0%</td><td class=\"num\">20亿元</td><td class=\"num\">26亿元</td><td><span class=\"zh\">2个目标中1个达到 ✗</span><span class=\"en\">1 of 2 targets reach it ✗</span></td></tr>");
    expect(html).toContain("<td><span class=\"zh\">✗ 未达到</span><span class=\"en\">✗ not reached</span></td></tr>");
    expect(html).toContain("2个中1个达到 ✗"); // under each level on the charts' axis
    // The report's key figures and the workbook's summary sheet.
    const figures = keyFigures(runContext("frontier", folder));
    expect(figures.find((f) => f.label.zh === "把握度90.0%：达到的目标")?.value).toEqual({ zh: "2个目标中1个达到 ✗", en: "1 of 2 targets reach it ✗" });
    const allReached = { ...folder, "frontier.csv": folder["frontier.csv"].replaceAll(",false,", ",true,") };
    const sure = renderReport(runContext("frontier", allReached));
    expect(sure).toContain("资金-把握度前沿：达到各把握度所需资金");
    expect(sure).toContain("2个目标全部达到 ✓");
    expect(sure).not.toContain("✗");
  });

  it("starts the money chart at the plan without margins (run.json plain_plan), where a folder has it", () => {
    const folder = frontierFolder((r) => r.planned_value as number);
    const withPlain = { ...folder, "run.json": JSON.stringify({ ...JSON.parse(folder["run.json"]), plain_plan: { government_used_yuan: 0.7e9, total_used_yuan: 0.9e9 } }) };
    const chart = (html: string) => html.match(/<figure[\s\S]*?<\/figure>/)![0];
    const first = chart(renderReport(runContext("frontier", withPlain)));
    expect(first).toContain("不设余量");
    expect(first).toContain("第一个点为不设余量的方案");
    expect(chart(renderReport(runContext("frontier", folder)))).not.toContain("不设余量");
  });

  it("gives each level's P(all targets met) in the levels' table and as the thick line of the P(met) chart, where frontier.csv has it", () => {
    const folder = frontierFolder((r) => r.planned_value as number);
    const joint = frontierFolder((r) => r.planned_value as number, rows.map((r) => ({ ...r, p_all_targets_met: r.confidence - 0.25, p_all_targets_met_se: 0.012 })));
    const html = renderReport(runContext("frontier", { ...joint, "run.json": JSON.stringify({ ...JSON.parse(joint["run.json"]), validation: { draws: 2000 } }) }));
    expect(html).toContain("全部目标同时完成的概率（验证抽样，± 1个标准误）");
    expect(html).toContain("<td class=\"num\">80.0%</td><td class=\"num\">20亿元</td><td class=\"num\">26亿元</td><td><span class=\"zh\">2个目标中1个达到 ✗</span><span class=\"en\">1 of 2 targets reach it ✗</span></td><td class=\"num\">55.0% ± 1.2%</td></tr>");
    expect(html).toContain("粗线：全部目标在同一次验证抽样中完成的概率");
    // A folder without the columns (no --draws, one target, or written before them) shows neither.
    const without = renderReport(runContext("frontier", folder));
    expect(without).not.toContain("全部目标同时完成");
  });

  it("shows a households target's planned value whole, a continuous count with its decimals", () => {
    const html = renderReport(runContext("frontier", frontierFolder((r) => (r.target === "b" ? 20_498.9 : 100.25))));
    expect(html).toContain("20,499");
    expect(html).not.toContain("20,498.9");
    expect(html).toContain("100.3"); // one decimal, as every non-whole count
  });
});

describe("min-budget report", () => {
  const minBudget = [
    "source,source_name,source_kind,region,region_name,year,budget_yuan,scale,min_budget_yuan,change_yuan,used_yuan,binding",
    "central,中央,government,r,区,2024,100000000,0.9,90000000,-10000000,90000000,true",
    "central,中央,government,r,区,2025,100000000,0.9,90000000,-10000000,85000000,false",
  ].join("\n");

  it("leads with λ and the budgets today and at the minimum; says what the minimum guarantees", () => {
    const plain = renderReport(runContext("min-budget", { "min_budget.csv": minBudget, "run.json": JSON.stringify({ totals: { ratio: 0.9 } }) }));
    expect(plain).toContain("最低预算比例 λ");
    expect(plain).toContain("90.0%");
    expect(plain).toContain("1.8亿元");
    expect(plain).toContain("最低预算仍能完成全部目标");
    const sure = renderReport(runContext("min-budget", { "min_budget.csv": minBudget, "run.json": JSON.stringify({ scale: 1.1, confidence: 0.9 }) }));
    expect(sure).toContain("110.0%");
    expect(sure).toContain("达到其要求的把握度（目标未另设时为 90.0%）");
    expect(sure).not.toContain("最低预算仍能完成全部目标");
    expect(sure).not.toContain("把握度的代价"); // no min_budget_funding.csv: no price shown
  });

  it("to a confidence level: λ₀ of the planned world and the budgets above it, as context", () => {
    const run = { scale: 1.1, deterministic_scale: 0.95, confidence: 0.9 };
    const figures = keyFigures(runContext("min-budget", { "min_budget.csv": minBudget, "run.json": JSON.stringify(run) }));
    expect(figures.find((f) => f.label.en === "Minimum scale in the planned world λ₀")?.value).toBe(0.95);
    // (1.1 − 0.95) × 2亿 selected today = 3,000万
    expect(figures.find((f) => f.label.en === "Budgets above the deterministic minimum (λ₀)")?.value).toBeCloseTo(3e7, 4);
    const plain = keyFigures(runContext("min-budget", { "min_budget.csv": minBudget, "run.json": JSON.stringify({ totals: { ratio: 0.9 }, deterministic_scale: 0.9 }) }));
    expect(plain.some((f) => f.label.en.startsWith("Budgets above the deterministic minimum"))).toBe(false);
  });

  it("states what to add to today's budgets (or what could go), beside the budgets above λ₀ that can exceed it", () => {
    const grown = minBudget.replaceAll(",90000000,-10000000,", ",125000000,25000000,");
    const run = { scale: 1.25, deterministic_scale: 0.8, confidence: 0.9, selection: { sources: ["central"], from: 2024, to: null, region: null } };
    const figures = keyFigures(runContext("min-budget", { "min_budget.csv": grown, "run.json": JSON.stringify(run) }));
    const add = figures.find((f) => f.label.en === "Budgets to add (minimum − today)");
    expect(add?.value).toBeCloseTo(5e7, 4); // 2.5亿 − 2亿
    expect(add?.label.zh).toContain("+25.0%");
    // λ₀ with --from: the years before it kept at the confidence plan, so the budgets above λ₀ (0.45 × 2亿 = 9,000万) exceed the 5,000万 to add.
    expect(figures.find((f) => f.label.en === "Minimum scale in the planned world λ₀")?.label.zh).toContain("2024年以前保持现有 90.0% 把握度的计划");
    // The scaled budgets are not all spent: 9,000万 + 8,500万 used of 1.8亿 (min_budget.csv's used_yuan).
    expect(figures.find((f) => f.label.en === "Of which the plan at the minimum uses")?.value).toBe(1.75e8);
    const cut = keyFigures(runContext("min-budget", { "min_budget.csv": minBudget, "run.json": JSON.stringify({ totals: { ratio: 0.9 } }) }));
    expect(cut.find((f) => f.label.en === "Budgets that could go (today − minimum)")?.value).toBeCloseTo(2e7, 4);
    expect(cut.some((f) => f.label.en.startsWith("Budgets to add"))).toBe(false);
  });

  it("tables what each source pays over the years today and at λ, with the change, the scaled sources marked (min_budget_funding.csv)", () => {
    const funding = [
      "year,source,source_name,source_kind,scaled_source,today_used_yuan,used_yuan,change_yuan",
      "2024,central,中央,government,true,100000000,90000000,-10000000",
      "2024,residents,居民,resident,false,5000000,5000000,0",
      "2024,spare,备用,government,false,0,0,0",
      "2025,central,中央,government,true,100000000,85000000,-15000000",
      "2025,residents,居民,resident,false,5000000,7500000,2500000",
      "2025,spare,备用,government,false,0,0,0",
    ].join("\n");
    const html = renderReport(runContext("min-budget", { "min_budget.csv": minBudget, "min_budget_funding.csv": funding, "run.json": JSON.stringify({ totals: { ratio: 0.9 } }) }));
    expect(html).toContain("各资金来源的支出：现有预算下的方案与最低预算下的方案（括号内为变化）");
    // Summed over the years: central 2亿 → 1.75亿, residents 1,000万 → 1,250万; a source paying nothing in either is left out.
    expect(html).toContain('<tr><td><span class="zh">中央（预算按λ缩放）</span><span class="en">中央 (scaled)</span></td><td class="num">2亿元</td><td class="num">1.75亿元（−2,500万元）</td></tr>');
    expect(html).toContain('<tr><td>居民</td><td class="num">1,000万元</td><td class="num">1,250万元（+250万元）</td></tr>');
    expect(html).not.toContain("备用");
    // Today's budgets without a plan: the plan at λ alone, and the note says why.
    const alone = [
      "year,source,source_name,source_kind,scaled_source,today_used_yuan,used_yuan,change_yuan",
      "2024,central,中央,government,true,,90000000,",
      "2025,central,中央,government,true,,85000000,",
    ].join("\n");
    const none = renderReport(runContext("min-budget", { "min_budget.csv": minBudget, "min_budget_funding.csv": alone, "run.json": JSON.stringify({ totals: { ratio: 0.9 } }) }));
    expect(none).toContain('<td class="num">—</td><td class="num">1.75亿元</td>');
    expect(none).toContain("现有预算下没有可行方案，无法比较。");
    // A folder written before min_budget_funding.csv: no table.
    expect(renderReport(runContext("min-budget", { "min_budget.csv": minBudget, "run.json": "{}" }))).not.toContain("各资金来源的支出");
  });

  it("names the plans of min-budget --confidence's funding table: the plain plan today, the plan to the level at λ, or at the largest scale tried", () => {
    const funding = [
      "year,source,source_name,source_kind,scaled_source,today_used_yuan,used_yuan,change_yuan",
      "2024,central,中央,government,true,100000000,90000000,-10000000",
      "2024,residents,居民,resident,false,0,12000000,12000000",
    ].join("\n");
    const confidence = "target,name,confidence_required,target_value,scale,planned_value,p_met_calibration,confidence_reached\nt,t,0.9,100,100,110,0.461,false";
    const at = (status: string) => renderReport(runContext("min-budget", {
      "min_budget.csv": minBudget, "min_budget_funding.csv": funding, "min_budget_confidence.csv": confidence, "run.json": JSON.stringify({ confidence: 0.9, status, totals: { ratio: 0.9 } }),
    }));
    const found = at("optimal");
    expect(found).toContain("各资金来源的支出：现有预算下的方案与90.0%把握度的最低预算方案（括号内为变化）");
    expect(found).toContain("现有预算下的方案（不留余量）");
    expect(found).toContain("变化中含余量的费用");
    expect(found).toContain('<tr><td>居民</td><td class="num">0元</td><td class="num">1,200万元（+1,200万元）</td></tr>');
    const unreachable = at("unreachable");
    expect(unreachable).toContain("各资金来源的支出：现有预算下的方案与所试最大比例下的方案（未能全部达到要求把握度；括号内为变化）");
    expect(unreachable).toContain("所试最大比例 10000.0% 下的方案");
    expect(unreachable).not.toContain("最低预算下90.0%把握度的方案");
  });

  it("says which budgets were scaled, from when and where", () => {
    const run = { totals: { ratio: 0.9 }, selection: { sources: ["central"], from: 2024, to: 2024, region: null } };
    const figures = keyFigures(runContext("min-budget", { "min_budget.csv": minBudget, "run.json": JSON.stringify(run), "input.yaml": "sources:\n  - {id: central, name: 中央}\n" }));
    expect(figures.find((f) => f.label.en === "Budgets scaled")?.value).toBe("中央（central），仅2024年");
    expect(figures.some((f) => f.label.en === "Budgets cut")).toBe(false);
  });
});

describe("compare report", () => {
  it("charts the outcomes first: targets.csv before plan.csv and budgets.csv, whatever the CSV's order", () => {
    const csv = [
      "file,key,column,value_1,value_2,delta_2,rel_delta_2,missing_in",
      "budgets.csv,year=2024;region=r;source=c,used_yuan,100,90,-10,-0.1,",
      "plan.csv,year=2024;region=r;program=p,units_started,10,9,-1,-0.1,",
      "targets.csv,target=a,planned,10,9,-1,-0.1,",
    ].join("\n");
    const html = renderReport(runContext("compare", { "compare.csv": csv }, { scenario: { name: "a ↔ a + cut.yaml" } }));
    const at = (file: string) => html.indexOf(`（${file}）`); // in each chart's title
    expect(at("targets.csv")).toBeGreaterThan(0);
    expect(at("targets.csv")).toBeLessThan(at("plan.csv"));
    expect(at("plan.csv")).toBeLessThan(at("budgets.csv"));
    expect(html).toContain("a ↔ a + cut.yaml");
  });

  it("lists the run settings that differ (a confidence level) before the inputs, in the inputs' table", () => {
    const csv = [
      "file,key,column,value_1,value_2,delta_2,rel_delta_2,missing_in",
      "targets.csv,target=a,planned,10,11,1,0.1,",
      "run.json,confidence.default_level,value,none (plain plan),0.9,,,",
      "input.yaml,sources[central].per_year,value,3亿,2亿,,,",
    ].join("\n");
    const html = renderReport(runContext("compare", { "compare.csv": csv }, { scenario: { name: "a ↔ a" } }));
    expect(html).toContain("不同的输入与运行设置");
    const setting = html.indexOf("运行设置 confidence.default_level");
    expect(setting).toBeGreaterThan(0);
    expect(setting).toBeLessThan(html.indexOf("sources[central].per_year"));
    expect(html).toContain("none (plain plan)");
  });

  it("names the folders beside 方案1 and 方案2 in the inputs' headers and the charts' notes", () => {
    const csv = [
      "file,key,column,value_1,value_2,delta_2,rel_delta_2,missing_in",
      "targets.csv,target=a,planned,10,11,1,0.1,",
      "targets.csv,target=a,p_met,0,0.5,0.5,,",
      "run.json,confidence.default_level,value,none (plain plan),0.9,,,",
    ].join("\n");
    const folder = (title: string, name: string) => ({ title, folder: name, overlays: [], targetsMet: 1, targets: 1, moneyByKind: [] });
    const run = { scenario: { name: "zh (mc) ↔ zh (conf90)" }, folders: [folder("zh (mc)", "mc"), folder("zh (conf90)", "conf90")] };
    const html = renderReport(runContext("compare", { "compare.csv": csv }, run));
    expect(html).toContain("方案比较报告：zh (mc) ↔ zh (conf90)");
    expect(html).toContain('<th><span class="zh">方案2（conf90）</span><span class="en">Folder 2 (conf90)</span></th>'); // the inputs' header
    expect(html).toContain("方案2（conf90）相对方案1（mc）的变化率");
    expect(html).toContain("Relative change of folder 2 (conf90) against folder 1 (mc)");
    expect(html).toContain("方案2（conf90）相对方案1（mc）的变化，单位为百分点");
    // A report not told the folders' names says 方案1 and 方案2 as before.
    expect(renderReport(runContext("compare", { "compare.csv": csv }, { scenario: { name: "a ↔ a" } }))).toContain("方案2相对方案1的变化率");
  });

  it("draws no relative change from a near-zero base, even where the value then grows large", () => {
    const csv = [
      "file,key,column,value_1,value_2,delta_2,rel_delta_2,missing_in",
      "stress_summary.csv,cut=0.1,households_started_lost,-0.0001,6159.005,6159.0051,61590051,",
      "stress_summary.csv,cut=0.3,households_started_lost,6199.7065,18476.691,12276.9845,1.98025253292,",
    ].join("\n");
    const changes = largestChanges(runContext("compare", { "compare.csv": csv }));
    expect(changes.get("stress_summary.csv")!.map((b) => b.rel)).toEqual([1.98025253292]);
  });

  it("charts shares and probabilities by their change in percentage points, ranked by it, apart from the relative changes", () => {
    // The review's mc against conf90 (rel_delta_2 as compare.csv wrote it before: p_met +13,128.6 %).
    const csv = [
      "file,key,column,value_1,value_2,delta_2,rel_delta_2,missing_in",
      "targets.csv,target=lj-communities,p_met,0.007,0.926,0.919,131.285714286,",
      "targets.csv,target=lj-households,p_met,0,0.572,0.572,,",
      "targets.csv,target=lj-county,attainment,1,1.266667,0.266667,0.266667,",
      "targets.csv,target=lj-county,planned,150,190,40,0.266667,",
      "capacity.csv,capacity=c;year=2024,utilisation,0.2,0.7,0.5,2.5,",
      "capacity.csv,capacity=c;year=2024,slots_used,2,7,5,2.5,",
    ].join("\n");
    const ctx = runContext("compare", { "compare.csv": csv });
    const points = largestPointChanges(ctx);
    expect(points.get("targets.csv")!.map((b) => ({ label: b.label.en, points: b.points }))).toEqual([
      { label: "lj-communities · P(met) (0.7% → 92.6%)", points: 0.919 },
      { label: "lj-households · P(met) (0.0% → 57.2%)", points: 0.572 },
      { label: "lj-county · Attainment (100.0% → 126.7%)", points: 0.266667 },
    ]);
    expect(points.get("capacity.csv")!.map((b) => b.points)).toEqual([0.5]);
    // The relative changes are the quantities' only.
    const relative = largestChanges(ctx);
    expect(relative.get("targets.csv")!.map((b) => b.label.zh)).toEqual(["lj-county · 计划值（+40）"]);
    expect(relative.get("capacity.csv")!.map((b) => b.label.zh)).toEqual(["c · 2024年 · 占用施工能力（+5）"]);
    const html = renderReport(ctx);
    expect(html).toContain("变化最大的比例与概率：");
    expect(html).toContain("+91.9个百分点");
    expect(html).toContain("+91.9 pp");
    expect(html).not.toContain("13,128.6%");
  });

  it("leaves out near-zero bases and the ranges of prices, and labels each bar with its absolute change", () => {
    const csv = [
      "file,key,column,value_1,value_2,delta_2,rel_delta_2,missing_in",
      "budgets.csv,year=2026;region=r;source=bonds,used_yuan,0.5,937.2,936.7,1873.4,", // a near-zero base
      "budgets.csv,year=2024;region=r;source=c,used_yuan,200000000,150000000,-50000000,-0.25,",
      "budgets.csv,year=2025;region=r;source=c,used_yuan,300000000,330000000,30000000,0.1,",
      "targets.csv,target=a,marginal_cost_valid_to,100,0,-100,-1,",
      "targets.csv,target=a,planned,10,9,-1,-0.1,",
    ].join("\n");
    const changes = largestChanges(runContext("compare", { "compare.csv": csv }));
    expect(changes.get("budgets.csv")!.map((b) => b.label.zh)).toEqual([
      "2024年 · r · c · 已使用（−5,000万元）",
      "2025年 · r · c · 已使用（+3,000万元）",
    ]);
    expect(changes.get("targets.csv")!.map((b) => b.label.zh)).toEqual(["a · 计划值（−1）"]);
  });
});

describe("the targets table's P10–P90", () => {
  it("shows a programme planned whole in whole units, as the printed summary does (11.0–14.0 beside the terminal's 11–14)", () => {
    const files = {
      "targets.csv": "target,name,program,region,region_name,metric,by,target_value,planned,attainment,met,p_met,p_met_se,p10,p50,p90\n" +
        "czc,城中村改造启动12个村,czc,zh,湛海市,started,2027,12,15,1.25,true,0.83725,0.005837,11,13,14\n" +
        "czc-2,城中村2,czc,zh,湛海市,started,2027,12,12,1,true,0.1,0.0067,9,10,11.1\n" +
        "lj,老旧小区,lj,zh,湛海市,started,2027,12,12,1,true,0.1,0.0067,11,12,14\n",
      "input.yaml": "name: z\nprograms:\n  - {id: czc, name: 城中村, unit: 村, integer: true}\n  - {id: lj, name: 老旧小区, unit: 小区}\n",
      "run.json": JSON.stringify({ monte_carlo: { draws_used: 4000 } }),
    };
    const rows = [...targetsTable(runContext("plan", files)).matchAll(/<tr>(.*?)<\/tr>/gs)].map((m) => m[1]);
    const last = (row: string) => [...row.matchAll(/<td[^>]*>(.*?)<\/td>/g)].at(-1)![1];
    expect(rows.slice(1).map(last)).toEqual(["11–14", "9–11", "11.0–14.0"]);
  });

  it("labels every P(met)'s ± as one standard error, and shows P(all targets met) beside the targets' own", () => {
    // Read bare, "12.2% ± 0.5%" was taken for a 95 % margin (about twice one standard error).
    const files = {
      "targets.csv": "target,name,program,region,region_name,metric,by,target_value,planned,attainment,met,p_met,p_met_se,p10,p50,p90\n" +
        "a,目标甲,lj,zh,湛海市,started,2027,150,190,1.266667,true,0.122,0.005,161,167,173\n" +
        "b,目标乙,lj,zh,湛海市,started,2027,100,120,1.2,true,0.5,0.008,95,101,110\n",
      "run.json": JSON.stringify({ monte_carlo: { mode: "evaluate", draws_used: 4000, all_targets_met: { p_met: 0.047, p_met_se: 0.002, met_draws: 188, draws: 4000 } } }),
    };
    const html = targetsTable(runContext("plan", files));
    expect(html).toContain('<span class="zh">完成概率 P(met)（± 1个标准误）</span><span class="en">P(met) (± 1 s.e.)</span>');
    const figures = keyFigures(runContext("plan", files));
    expect(figures.find((f) => f.label.en === "P(met): 目标甲")).toMatchObject({ value: 0.122, suffix: { zh: " ± 0.5%（1个标准误）", en: " ± 0.5% (1 s.e.)" } });
    expect(figures.find((f) => f.label.en === "P(all targets met)")).toMatchObject({ label: { zh: "全部目标同时完成的概率" }, value: 0.047, kind: "share", suffix: { zh: " ± 0.2%（1个标准误）" } });
    const page = renderReport(runContext("plan", files));
    expect(page).toContain('<span class="zh">4.7% ± 0.2%（1个标准误）</span>');
    // Met in no draw: the bound rule of a single target, in Chinese in the Chinese view.
    const none = { monte_carlo: { mode: "evaluate", draws_used: 4000, all_targets_met: { p_met: 0, p_met_se: 0, met_draws: 0, draws: 4000 } } };
    expect(keyFigures(runContext("plan", { ...files, "run.json": JSON.stringify(none) })).find((f) => f.label.en === "P(all targets met)")?.suffix)
      .toEqual({ zh: "（95%置信上限 0.075%）", en: " (≤ 0.075% at 95%)" });
    // One target: its own P(met) already answers the joint question.
    const one = { "targets.csv": files["targets.csv"].split("\n").slice(0, 2).join("\n") + "\n", "run.json": files["run.json"] };
    expect(keyFigures(runContext("plan", one)).find((f) => f.label.en === "P(all targets met)")).toBeUndefined();
  });

  it("gives a P(met) whose standard error rounds to 0.0 % as ± <0.1% (escaped), not ± 0.0%", () => {
    const files = {
      "targets.csv": "target,name,program,region,region_name,metric,by,target_value,planned,attainment,met,p_met,p_met_se,p10,p50,p90\n" +
        "lj,县域开工150个小区,lj,zh,湛海市,started,2027,150,190,1.266667,true,0.99925,0.000433,161,167,173\n",
      "run.json": JSON.stringify({ monte_carlo: { draws_used: 4000 } }),
    };
    const html = targetsTable(runContext("plan", files));
    expect(html).toContain("99.9% ± &lt;0.1%");
    expect(html).not.toContain("± 0.0%");
  });
});
