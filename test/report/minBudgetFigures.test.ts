/**
 * min-budget --confidence's key figures (analyst review s38, finding 3): the headline is against
 * today — the budgets to add and 把握度的代价, the government money the plan at λ pays above today's
 * plan without margins (min_budget_funding.csv), as simulate --confidence means it — and the budgets
 * above λ₀, a smaller budget than today's, stand as context under a label that is not the price.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { keyFigures } from "../../src/report/keyFigures.js";
import { runContext } from "../../src/report/runContext.js";
import { renderWorkbook } from "../../src/workbook/workbook.js";

// Today's budgets 3亿 (2亿 central, 1亿 county); λ = 1.1 → 3.3亿; λ₀ = 0.9 (2.7亿): budgets above λ₀ 6,000万, to add 3,000万.
const minBudget = [
  "source,source_name,source_kind,region,region_name,year,budget_yuan,scale,min_budget_yuan,change_yuan,used_yuan,binding",
  "central,中央,government,r,区,2024,200000000,1.1,220000000,20000000,220000000,true",
  "county,县级,government,r,区,2024,100000000,1.1,110000000,10000000,100000000,false",
].join("\n");
// The plan at λ pays government 2.8亿 → 3.2亿 (+4,000万) and residents 500万 → 1,500万: all sources +5,000万.
const funding = [
  "year,source,source_name,source_kind,scaled_source,today_used_yuan,used_yuan,change_yuan",
  "2024,central,中央,government,true,190000000,215000000,25000000",
  "2024,county,县级,government,true,90000000,105000000,15000000",
  "2024,residents,居民,resident,false,5000000,15000000,10000000",
].join("\n");
const run = { scale: 1.1, deterministic_scale: 0.9, confidence: 0.9, status: "optimal" };
const files = { "min_budget.csv": minBudget, "min_budget_funding.csv": funding, "run.json": JSON.stringify(run) };

describe("min-budget --confidence key figures", () => {
  it("headlines the budgets to add and the price of confidence against today's plan, with λ₀'s difference after them as context", () => {
    const figures = keyFigures(runContext("min-budget", files));
    const at = (en: string) => figures.findIndex((f) => f.label.en.startsWith(en));
    const add = figures[at("Budgets to add")];
    expect(add.value).toBeCloseTo(3e7, 2);
    const price = figures[at("Price of confidence")];
    expect(price.label.zh).toBe("把握度的代价：比现有预算下的方案多付的政府资金");
    expect(price.value).toBe(4e7);
    expect(figures[at("All sources")]).toMatchObject({ label: { zh: "全部资金来源（含居民、企业等）多付的资金" }, value: 5e7 });
    const lambda0 = figures[at("Budgets above the deterministic minimum (λ₀)")];
    expect(lambda0.label.zh).toBe("比确定性最低预算（λ₀）多需的预算");
    expect(lambda0.value).toBeCloseTo(6e7, 2);
    expect(at("Budgets to add")).toBeLessThan(at("Price of confidence"));
    expect(at("Price of confidence")).toBeLessThan(at("Minimum scale in the planned world λ₀"));
    // 把握度的代价 is one amount: no figure so named holds the budgets above λ₀.
    expect(figures.filter((f) => f.label.zh.includes("把握度的代价")).map((f) => f.value)).toEqual([4e7]);
  });

  it("says 少付 where the plan at λ pays less government money than today's, never a negative 多付", () => {
    const less = funding.replace("190000000,215000000,25000000", "290000000,215000000,-75000000");
    const price = keyFigures(runContext("min-budget", { ...files, "min_budget_funding.csv": less })).find((f) => f.label.en.startsWith("Price of confidence"))!;
    expect(price.label.zh).toContain("少付的政府资金");
    expect(price.value).toBe(6e7);
  });

  it("shows no price where today's budgets give no plan to compare with", () => {
    const alone = funding.replace(/,(\d+),(\d+),(-?\d+)$/gm, ",,$2,");
    expect(keyFigures(runContext("min-budget", { ...files, "min_budget_funding.csv": alone })).some((f) => f.label.zh.includes("把握度的代价"))).toBe(false);
  });

  it("writes the same rows on the workbook's 概要", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await renderWorkbook(runContext("min-budget", files))) as unknown as ExcelJS.Buffer);
    const cells: string[] = [];
    book.getWorksheet("概要")!.eachRow((row) => cells.push(`${String(row.getCell(1).value)}|${String(row.getCell(2).value)}`));
    expect(cells).toContain("把握度的代价：比现有预算下的方案多付的政府资金|40000000");
    expect(cells.some((c) => c.startsWith("比确定性最低预算（λ₀）多需的预算|"))).toBe(true);
  });
});
