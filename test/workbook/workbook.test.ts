/**
 * results.xlsx read back with a second library (SheetJS) equals the CSVs of the same folder value
 * for value; headers, formats, frozen panes and filters are as documented; the same inputs give a
 * byte-identical workbook.
 */
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as XLSX from "@e965/xlsx";
import { parseString } from "fast-csv";
import { beforeAll, describe, expect, it } from "vitest";
import { codeLabel } from "../../src/format/codeLabels.js";
import { withOfficeFiles } from "../../src/output/officeFiles.js";
import { displayWidth } from "../../src/workbook/cellFormats.js";
import { runCli } from "../cli/run.js";

const GD = "scenarios/guangdong-retrofit-2021-2025.yaml";
let dir: string;
let book: XLSX.WorkBook;

function csvRows(text: string): Promise<string[][]> {
  return new Promise((resolve, reject) => {
    const rows: string[][] = [];
    parseString(text.replace(/^\ufeff/, ""), { headers: false })
      .on("data", (r: string[]) => rows.push(r))
      .on("error", reject)
      .on("end", () => resolve(rows));
  });
}

/** What the CSV text means as a spreadsheet value (formula-like text gets the OWASP quote; a code its words). */
function expected(text: string, column: string): string | number | boolean | undefined {
  if (text === "") return undefined;
  const words = codeLabel(column, text);
  if (words) return words.zh;
  if (text === "true" || text === "false") return text === "true" ? "是" : "否";
  if (/^-?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(text)) return Number(text);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** Sheet name per CSV file, as listed on the summary sheet. */
function sheetOf(file: string): string {
  const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets["概要"], { header: 1 });
  const row = rows.find((r) => r[1] === file);
  expect(row, `summary sheet lists ${file}`).toBeDefined();
  return String(row![0]);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "renewsim-wb-"));
  const r = await runCli(GD, "--out", join(dir, "gd"), "--draws", "200", "--workers", "1", "--quiet");
  expect(r.code).toBe(0);
  book = XLSX.read(readFileSync(join(dir, "gd", "results.xlsx")), { cellNF: true });
}, 120_000);

describe("results.xlsx", () => {
  it("has a summary sheet first, the plan's starts by region and year, then one sheet per CSV", () => {
    const csvs = readdirSync(join(dir, "gd")).filter((f) => f.endsWith(".csv"));
    expect(book.SheetNames.slice(0, 2)).toEqual(["概要", "开工计划"]);
    expect(book.SheetNames.length).toBe(csvs.length + 2);
    for (const f of csvs) expect(book.SheetNames).toContain(sheetOf(f));
  });

  it("开工计划 holds each region's units started per horizon year, their total and households, as plan.csv sums them", async () => {
    const [head, ...plan] = await csvRows(readFileSync(join(dir, "gd", "plan.csv"), "utf8"));
    const col = (name: string) => head.indexOf(name);
    const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets["开工计划"], { header: 1, defval: null });
    expect(String(rows[0][0])).toMatch(/：分地区分年度开工数（单位：/);
    const years = [2021, 2022, 2023, 2024, 2025];
    expect(rows[1]).toEqual(["地区", ...years.map((y) => `${y}年`), "合计", "惠及户数合计"]);
    const firstProgram = plan[0][col("program")];
    const own = plan.filter((r) => r[col("program")] === firstProgram);
    let checked = 0;
    for (let i = 2; rows[i]?.[0] !== "合计"; i++) {
      const region = own.filter((r) => r[col("region_name")] === rows[i][0]);
      expect(region.length, `plan.csv rows of ${String(rows[i][0])}`).toBeGreaterThan(0);
      const started = (y: number) => region.filter((r) => Number(r[col("year")]) === y).reduce((s, r) => s + Number(r[col("units_started")]), 0);
      const cells = rows[i].slice(1) as number[];
      years.forEach((y, k) => expect(cells[k]).toBeCloseTo(started(y), 6));
      expect(cells[5]).toBeCloseTo(years.reduce((s, y) => s + started(y), 0), 6);
      expect(cells[6]).toBeCloseTo(region.reduce((s, r) => s + Number(r[col("households_started")] || 0), 0), 3);
      checked++;
    }
    expect(checked).toBe(new Set(own.map((r) => r[col("region")])).size);
  });

  it("equals every CSV value for value (a code in its words), with the Chinese header over the machine key", async () => {
    for (const file of readdirSync(join(dir, "gd")).filter((f) => f.endsWith(".csv"))) {
      const csv = await csvRows(readFileSync(join(dir, "gd", file), "utf8"));
      const sheet = book.Sheets[sheetOf(file)];
      const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, defval: undefined, blankrows: true });
      expect(rows[1], `${file} key row`).toEqual(csv[0]);
      expect(rows[0].length, `${file} header row`).toBe(csv[0].length);
      expect(rows.length - 2, `${file} rows`).toBe(csv.length - 1);
      for (let i = 1; i < csv.length; i++) {
        for (let j = 0; j < csv[0].length; j++) {
          const got = rows[i + 1][j];
          expect(got, `${file} row ${i} ${csv[0][j]}`).toEqual(expected(csv[i][j], csv[0][j]));
        }
      }
    }
  });

  it("shows money in 万元/亿元, shares as %, whole households; freezes the header and filters", () => {
    const sheet = book.Sheets[sheetOf("budgets.csv")];
    const keys = XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1 })[1];
    const col = (key: string) => XLSX.utils.encode_col(keys.indexOf(key));
    expect(XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1 })[0][keys.indexOf("budget_yuan")]).toBe("预算");
    expect(sheet[`${col("budget_yuan")}4`].z).toMatch(/亿元|万元/);
    expect(typeof sheet[`${col("budget_yuan")}4`].v).toBe("number");
    expect(sheet[`${col("utilisation")}4`].z).toBe("0.0%");
    // Shadow prices are rates per amount of money, not amounts: no 万元 on them.
    for (const rate of ["shadow_price_units_per_100m_yuan", "shadow_price_score_per_100m_yuan", "cost_saved_per_yuan"]) {
      expect(sheet[`${col(rate)}4`].z ?? "General", rate).not.toMatch(/万元|亿元/);
    }
    expect(sheet["!autofilter"]?.ref).toMatch(/^A2:/);
    const plan = book.Sheets[sheetOf("plan.csv")];
    const planKeys = XLSX.utils.sheet_to_json<string[]>(plan, { header: 1 })[1];
    expect(plan[`${XLSX.utils.encode_col(planKeys.indexOf("households_started"))}3`].z).toBe("#,##0");
  });

  it("shows Monte Carlo money statistics in 万元/亿元 and counts of units as counts (per the row's metric)", () => {
    const sheet = book.Sheets[sheetOf("mc_summary.csv")];
    const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1 });
    const keys = rows[1] as string[];
    const format = (metric: string, column: string) => {
      const i = rows.findIndex((r, k) => k >= 2 && r[keys.indexOf("metric")] === codeLabel("metric", metric)?.zh && typeof r[keys.indexOf(column)] === "number" && r[keys.indexOf(column)] !== 0);
      expect(i, `a ${metric} row`).toBeGreaterThan(1);
      return sheet[`${XLSX.utils.encode_col(keys.indexOf(column))}${i + 1}`].z ?? "General";
    };
    for (const column of ["mean", "p50", "p95"]) expect(format("paid_yuan", column), column).toMatch(/亿元|万元/);
    expect(format("households_started", "mean")).toBe("#,##0");
    expect(format("started", "mean")).not.toMatch(/万元|亿元/);
  });

  it("gives stress_funding.csv its sheet after the stress summary, headed in Chinese, with amounts as money", async () => {
    const files = {
      "stress_summary.csv": "cut,cut_label,government_used_yuan\n0,0%,500000000\n0.1,10%,500000000\n",
      "stress_funding.csv": "cut,cut_label,status,source,source_name,source_kind,cut_source,used_yuan,change_yuan\n" +
        "0,0%,optimal,provincial,省级,government,true,300000000,0\n0.1,10%,optimal,provincial,省级,government,true,240000000,-60000000\n" +
        "0.1,10%,optimal,city,市级,government,false,260000000,60000000\n",
      "stress.csv": "cut,target\n0,t1\n",
    };
    const wb = XLSX.read((await withOfficeFiles(files, { kind: "stress" }))["results.xlsx"] as Uint8Array, { cellNF: true });
    expect(wb.SheetNames).toEqual(["概要", "压力测试-汇总", "压力测试-各资金来源", "压力测试-目标"]);
    const sheet = wb.Sheets["压力测试-各资金来源"];
    expect(["G1", "H1", "I1"].map((ref) => sheet[ref].v)).toEqual(["是否被削减的来源", "已使用", "变化"]);
    expect(sheet.H4.z).toMatch(/万元/); // one unit for the sheet: its changes are under 1亿
    expect(sheet.I4.z).toMatch(/万元|亿元/);
    expect(sheet.G4.v).toBe("是"); // cut_source true, as a Chinese reader says it
    expect(sheet.G5.v).toBe("否");
  });

  it("gives min_budget_funding.csv its sheet after min_budget.csv, headed in Chinese, the scaled sources 是 / 否, amounts as money", async () => {
    const files = {
      "min_budget.csv": "source,source_name,year,budget_yuan,min_budget_yuan\ncentral,中央,2024,100000000,90000000\n",
      "min_budget_binding.csv": "family,where,what,what_zh,min_budget_change_yuan,per\ntargets,target[t1],y,y,19484.18,target unit\n",
      "min_budget_funding.csv": "year,source,source_name,source_kind,scaled_source,today_used_yuan,used_yuan,change_yuan\n" +
        "2024,central,中央,government,true,100000000,90000000,-10000000\n2024,residents,居民,resident,false,5000000,7500000,2500000\n",
    };
    const wb = XLSX.read((await withOfficeFiles(files, { kind: "min-budget" }))["results.xlsx"] as Uint8Array, { cellNF: true });
    expect(wb.SheetNames).toEqual(["概要", "最低预算", "最低预算-各资金来源", "最低预算-紧约束"]);
    const sheet = wb.Sheets["最低预算-各资金来源"];
    expect(["E1", "F1", "G1", "H1"].map((ref) => sheet[ref].v)).toEqual(["预算是否按λ缩放", "现有预算下方案的支出", "已使用", "变化"]);
    expect([sheet.E3.v, sheet.E4.v]).toEqual(["是", "否"]);
    for (const ref of ["F3", "G3", "H3"]) expect(sheet[ref].z, ref).toMatch(/万元/);
  });

  it("shows stress's regions by name with whole households, and codes in Chinese (status, kind, metric, limit, method, family)", async () => {
    const files = {
      "stress_summary.csv": "cut,cut_label,status,regions_losing_most,regions_gaining_most\n0,0%,optimal,,\n0.2,20%,optimal,dongguan-urban:7534.5925;zs:16.824,foshan-urban:7510.5531\n0.5,50%,infeasible,,\n",
      "stress.csv": "cut,cut_label,status,target,metric,kind,confidence_status\n0,0%,optimal,t1,households_started,soft,limited\n0,0%,optimal,t2,started,hard,reached\n",
      "shadow_prices.csv": "limit,where,metric,units_per_step,step,valid_from,valid_to,method\nbudget,\"budget[central,gd,2024]\",households_started,3732.6,1亿元,945250524.77,961077282,lp\ncapacity,\"slots[gz,2024]\",started,2,1 slot,10,20,lp_relaxation\n",
      "min_budget_binding.csv": "family,where,what,what_zh,min_budget_change_yuan,per\nshares,w,x,x,5,1亿元\ntargets,target[t1],y,y,19484.18,target unit\ncapacity,c,z,z,-3,slot\n",
      "input.yaml": "name: 压力\nregions:\n  - {id: dongguan-urban, name: 东莞市}\n  - {id: foshan-urban, name: 佛山市}\n",
    };
    const wb = XLSX.read((await withOfficeFiles(files, { kind: "stress" }))["results.xlsx"] as Uint8Array);
    const rows = (sheet: string) => XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[sheet], { header: 1, defval: "" }).slice(2);
    expect(rows("压力测试-汇总")).toEqual([
      [0, "0%", "最优", "", ""],
      [0.2, "20%", "最优", "东莞市 7,535户；zs 17户", "佛山市 7,511户"],
      [0.5, "50%", "无可行解", "", ""],
    ]);
    expect(rows("压力测试-目标").map((r) => r.slice(4))).toEqual([["开工惠及户数", "预期性", "未达到（受预算、施工能力、存量或其他目标的余量限制）"], ["开工数", "约束性", "已达到"]]);
    const prices = rows("影子价格");
    expect(prices.map((r) => [r[0], r[2], r[4], r[7]])).toEqual([
      ["预算", "开工惠及户数", "1亿元", "线性规划对偶价格（lp）"],
      ["施工能力", "开工数", "1个施工能力单位", "整数方案的线性松弛对偶价格（lp_relaxation）"],
    ]);
    expect(rows("最低预算-紧约束").map((r) => [r[0], r[5]])).toEqual([["出资比例", "1亿元"], ["目标", "每目标单位"], ["施工能力", "每个施工能力单位"]]);
  });

  it("shows a target's weight (targets.csv, stress.csv) and households lost per 1亿元 with their decimals", async () => {
    const files = {
      "targets.csv": "target,metric,weight,target_value\nt1,started,1.5,100\nt2,households_started,0.25,1000\n",
      "stress_summary.csv": "cut,households_lost,households_lost_per_100m_yuan\n0.2,12,0.4\n0.4,48780,2437.0305\n",
      "stress.csv": "cut,target,metric,weight\n0.2,t1,started,1.5\n",
    };
    const wb = XLSX.read((await withOfficeFiles(files, { kind: "stress" }))["results.xlsx"] as Uint8Array, { cellNF: true });
    // SheetJS reads a cell with the General format as "General" (or without z).
    const format = (sheet: string, ref: string) => wb.Sheets[sheet][ref].z ?? "General";
    expect(format("目标完成", "C3")).toBe("General");
    expect(format("目标完成", "C4")).toBe("General");
    expect(format("目标完成", "D4")).toBe("#,##0"); // a households target value stays whole
    expect(format("压力测试-目标", "D3")).toBe("General");
    expect(format("压力测试-汇总", "B3")).toBe("#,##0");
    expect(format("压力测试-汇总", "C3")).toBe("General");
    expect(format("压力测试-汇总", "C4")).toBe("#,##0.0");
  });

  it("keeps a P(met) of 0 a number on the summary sheet, its 95% bound written by the cell's format", () => {
    const sheet = book.Sheets["概要"];
    const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1 });
    const i = rows.findIndex((r) => r[0] === "完成概率：全省开工8007个小区");
    expect(i).toBeGreaterThan(0);
    const cell = sheet[`B${i + 1}`];
    expect(cell.v).toBe(0);
    expect(cell.z).toBe('0.0%"（95%置信上限 1.5%）"');
  });

  it("makes the summary sheet's value column as wide as its numbers show (a P(met) of 1 with its bound is not ###)", async () => {
    // zhanhai with --confidence 0.9 --draws 4000: 100.0%（95%置信下限 99.925%） in a column 24 wide showed ###.
    const files = {
      "targets.csv": "target,name,metric,target_value,planned,attainment,met,p_met,p_met_se\n" +
        "t1,2025年底前开工200个小区,started,200,260,1.3,true,1,0\nt2,全市惠及7万户,households_started,70000,77092,1.101314,true,0.572,0.0078\n",
      "funding.csv": "year,source,source_kind,amount_yuan\n2024,city,government,123456789012345\n",
      "run.json": JSON.stringify({ monte_carlo: { draws_used: 4000, mode: "evaluate" } }),
    };
    const bytes = (await withOfficeFiles(files, { kind: "plan" }))["results.xlsx"] as Uint8Array;
    const wb = XLSX.read(bytes, { cellNF: true, cellStyles: true });
    const sheet = wb.Sheets["概要"];
    const width = sheet["!cols"]![1].wch ?? sheet["!cols"]![1].width!;
    const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1 });
    const cell = (label: string) => sheet[`B${rows.findIndex((r) => r[0] === label) + 1}`];
    const pMet = cell("完成概率：2025年底前开工200个小区");
    expect([pMet.v, pMet.z]).toEqual([1, '0.0%"（95%置信下限 99.925%）"']);
    // What the cell shows: the number by its format, then the literal; the column holds it and a margin.
    expect(width).toBeGreaterThanOrEqual(displayWidth("100.0%（95%置信下限 99.925%）") + 1);
    expect(width).toBeGreaterThanOrEqual(displayWidth("1,234,567.89亿元") + 1); // a sum of 123万亿 as its 亿元 format shows it
    expect(cell("资金合计").z).toBe('#\\,###\\,##0\\.00,,"亿元"');
    // Wider than before, so printed on A4 landscape: a label and its value on one page.
    const JSZip = (await import("jszip")).default;
    const xml = await (await JSZip.loadAsync(bytes)).file("xl/worksheets/sheet1.xml")!.async("string");
    expect(xml).toMatch(/<pageSetup [^>]*orientation="landscape"/);
  });

  it("shows a target's marginal cost per unit in its own unit under a header that names none (not 0.00亿元 under 元)", async () => {
    const targets = (costs: number[]) => ({
      "targets.csv": "target,metric,target_value,marginal_cost_yuan_per_unit\n" + costs.map((c, i) => `t${i},started,10,${c}`).join("\n") + "\n",
    });
    const sheet = async (files: Record<string, string>, name: string) =>
      XLSX.read((await withOfficeFiles(files, { kind: "plan" }))["results.xlsx"] as Uint8Array, { cellNF: true }).Sheets[name];
    // zhanhai planned to 90 %: no target binds, every cost 0 — the sheet's one unit made them 0.00亿元.
    const zero = await sheet(targets([0, 0]), "目标完成");
    expect([zero.D3.z, zero.D4.z]).toEqual(['0\\.0,"万元"', '0\\.0,"万元"']);
    expect(zero.D1.v).toMatch(/^边际加权成本/);
    expect(zero.D1.v).not.toMatch(/元/); // the cells name their unit; the header said 元 over 亿元
    const mixed = await sheet(targets([235_000, 147_500_000]), "目标完成");
    expect([mixed.D3.z, mixed.D4.z]).toEqual(['0\\.0,"万元"', '0\\.00,,"亿元"']); // 23.5万元 a community, 1.48亿元 a village
    // Compared, a price keeps its unit apart from the amounts beside it (5亿 in 亿元, 2.0万元 a household).
    const compared = await sheet({
      "compare.csv": "file,key,column,value_1,value_2,delta_2\nfunding.csv,k,amount_yuan,500000000,600000000,100000000\n" +
        "targets.csv,target=t,marginal_cost_yuan_per_unit,20449,20449,0\n",
    }, "方案比较");
    expect([compared.D3.z, compared.D4.z]).toEqual(['0\\.00,,"亿元"', '0\\.0,"万元"']);
  });

  it("shows compare.csv's values and deltas as the compared column would (money in 万元/亿元, a share as %, its change in points, a label as text)", async () => {
    const files = {
      "compare.csv": [
        "file,key,column,value_1,value_2,delta_2,rel_delta_2,missing_in",
        "funding.csv,year=2021;source=central,amount_yuan,539970158.13,497354207.77,-42615950.36,-0.0789,",
        "funding.csv,year=2021;source=central,share_of_cost,0.3,0.25,-0.05,-0.1667,",
        "targets.csv,target=a,weight,1.5,2,0.5,0.3333,",
      ].join("\n"),
    };
    const wb = XLSX.read((await withOfficeFiles(files, { kind: "compare" }))["results.xlsx"] as Uint8Array, { cellNF: true });
    const format = (ref: string) => wb.Sheets["方案比较"][ref].z ?? "General";
    // One unit for the sheet's amounts (a delta of 4,261.6万 beside values of 5.4亿): 万元, grouped.
    expect(["D3", "E3", "F3"].map(format)).toEqual(Array(3).fill('#\\,##0\\.0,"万元"'));
    expect(format("G3")).toBe("0.0%");
    expect(["D4", "E4"].map(format)).toEqual(["0.0%", "0.0%"]);
    expect(format("F4")).toBe('+0.0"个百分点";-0.0"个百分点";0.0"个百分点"'); // a share's change, in points (held as -5)
    expect(format("D5")).toBe("General"); // a weight: as stored
  });

  it("keeps one money unit per sheet, 万元 where any amount is under 1亿, with thousands separators for the cell's digits", async () => {
    const files = {
      "budgets.csv": "source,region,year,budget_yuan,carried_in_yuan,used_yuan,carried_out_yuan\ncentral,gd,2021,960000000,0,960000000,150000000\n" +
        "city,gz,2021,7200000,0,150000000,123456789012\n",
    };
    const wb = XLSX.read((await withOfficeFiles(files, { kind: "plan" }))["results.xlsx"] as Uint8Array, { cellNF: true });
    const format = (ref: string) => wb.Sheets["预算"][ref].z ?? "General";
    // 9.6亿 beside 720万, and carried out 1.5亿 beside them: all in 万元 (96,000.0万元, not 96000.0万元).
    expect(["D3", "D4", "E3", "F3", "G3", "G4"].map(format)).toEqual([
      '#\\,##0\\.0,"万元"', '0\\.0,"万元"', '0\\.0,"万元"', '#\\,##0\\.0,"万元"', '#\\,##0\\.0,"万元"', '#\\,###\\,##0\\.0,"万元"',
    ]);
    expect(wb.Sheets["预算"].D3.v).toBe(960000000); // the cell stays yuan
    const all = { "budgets.csv": "source,region,year,budget_yuan,used_yuan\ncentral,gd,2021,960000000,123456789012\n" };
    const yi = XLSX.read((await withOfficeFiles(all, { kind: "plan" }))["results.xlsx"] as Uint8Array, { cellNF: true });
    expect([yi.Sheets["预算"].D3.z, yi.Sheets["预算"].E3.z]).toEqual(['0\\.00,,"亿元"', '#\\,##0\\.00,,"亿元"']); // 9.60亿元, 1,234.57亿元
  });

  it("shows the 影子价格 sheet's validity range as the limit's amount: a budget's in 万元/亿元, a capacity's in slots", async () => {
    const files = {
      "shadow_prices.csv": "limit,where,units_per_step,valid_from,valid_to,method\nbudget,\"budget[central,gd,2024]\",3732.6,945250524.77,961077282,lp\n" +
        "capacity,\"slots[gz,2024]\",2,1200,1350.5,lp\n",
    };
    const wb = XLSX.read((await withOfficeFiles(files, { kind: "plan" }))["results.xlsx"] as Uint8Array, { cellNF: true });
    const format = (ref: string) => wb.Sheets["影子价格"][ref].z ?? "General";
    expect(["D3", "E3", "D4", "E4"].map(format)).toEqual(['0\\.00,,"亿元"', '0\\.00,,"亿元"', "#,##0", "#,##0.0"]); // 9.45亿元–9.61亿元; 1,200–1,350.5 slots
    expect(format("C3")).toBe("#,##0.0"); // a price per 1亿元 is not an amount
  });

  it("shows diagnostics.csv's Chinese message in the 诊断 sheet, headed apart from the English", async () => {
    const files = {
      "diagnostics.csv": "kind,where,message,message_zh,input_line\nbudget_binding,\"budget[gov,town,2021]\",budget of 政府 for 小镇 in 2021 is fully used,政府在小镇2021年的预算已全部用完,s.yaml:3\n",
    };
    const wb = XLSX.read((await withOfficeFiles(files, { kind: "plan" }))["results.xlsx"] as Uint8Array);
    const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets["诊断"], { header: 1 });
    expect(rows[0]).toEqual(["类型", "位置", "说明（英文）", "说明（中文）", "场景文件位置"]);
    expect(rows[2][3]).toBe("政府在小镇2021年的预算已全部用完");
  });

  it("lists run.json's warnings on the summary sheet in Chinese (warnings_zh), and none where there are none", async () => {
    const warnings = ["budget of city (城市) for gz: no entry for 2026, so that year's money from it is unlimited", "=cmd"];
    const files = {
      "targets.csv": "target,metric,target_value\nt1,started,100\n",
      "run.json": JSON.stringify({ warnings, warnings_zh: ["城市（city）在gz的预算：没有2026年的数额，该年来自该来源的资金不受限制", "=cmd"] }),
    };
    const summary = async (f: Record<string, string>) => {
      const wb = XLSX.read((await withOfficeFiles(f, { kind: "plan" }))["results.xlsx"] as Uint8Array);
      return XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets["概要"], { header: 1 }).map((r) => r[0]);
    };
    const rows = await summary(files);
    const at = rows.indexOf("提示（见 run.json）");
    expect(at).toBeGreaterThan(0);
    expect(rows[at + 1]).toBe("城市（city）在gz的预算：没有2026年的数额，该年来自该来源的资金不受限制");
    expect(rows[at + 2]).toBe("'=cmd"); // formula-like text neutralised like every other cell
    expect(rows.join("\n")).not.toMatch(/no entry for 2026/);
    // A folder written before run.json had warnings_zh shows its English warnings.
    const older = await summary({ ...files, "run.json": JSON.stringify({ warnings }) });
    expect(older[older.indexOf("提示（见 run.json）") + 1]).toMatch(/no entry for 2026, so that year's money from it is unlimited/);
    expect(await summary({ ...files, "run.json": JSON.stringify({ warnings: [], warnings_zh: [] }) })).not.toContain("提示（见 run.json）");
  });

  it("freezes the two header rows (read from the sheet XML)", async () => {
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(readFileSync(join(dir, "gd", "results.xlsx")));
    // sheet3: the first CSV's (概要 and 开工计划 come first).
    const sheet3 = await zip.file("xl/worksheets/sheet3.xml")!.async("string");
    expect(sheet3).toMatch(/<pane [^>]*ySplit="2"[^>]*state="frozen"/);
  });

  it("is byte-identical for the same inputs, and neutralises formula-like text", async () => {
    const files: Record<string, string> = {};
    for (const f of readdirSync(join(dir, "gd")).filter((x) => !x.endsWith(".xlsx") && !x.endsWith(".html"))) {
      files[f] = readFileSync(join(dir, "gd", f), "utf8");
    }
    const a = (await withOfficeFiles(files, { kind: "plan" }))["results.xlsx"] as Uint8Array;
    const b = (await withOfficeFiles(files, { kind: "plan" }))["results.xlsx"] as Uint8Array;
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(Buffer.from(a).equals(readFileSync(join(dir, "gd", "results.xlsx")))).toBe(true);
    const evil = { "targets.csv": "target,name,planned\nt1,=HYPERLINK(\"x\"),5\nt2,@SUM(A1),6\nt3,-2,7\n" };
    const wb = XLSX.read((await withOfficeFiles(evil, { kind: "plan" }))["results.xlsx"] as Uint8Array);
    const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets["目标完成"], { header: 1 });
    // A name that is exactly a number ("-2") cannot run and stays as it is (one rule, formulaGuard.ts);
    // it is still a text cell, and planned stays a number.
    expect(rows.slice(2).map((r) => r[1])).toEqual([`'=HYPERLINK("x")`, "'@SUM(A1)", "-2"]);
    expect(rows.slice(2).map((r) => r[2])).toEqual([5, 6, 7]);
    expect(Object.values(wb.Sheets["目标完成"]).some((c) => typeof c === "object" && c !== null && "f" in c)).toBe(false);
  });
});
