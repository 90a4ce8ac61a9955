/**
 * compare reads an amount as its yuan, not its notation (finding 1 of a finance office's review):
 * an office's 万元 budget file against the scenario's 亿 listed every closed year as a changed input.
 * A share reads as its fraction, and an id, a name or a description as its text (a code review).
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { compareFolders, compareText, folderSummaries, renderCompareCsv, type CompareResult } from "../../src/finance/compare/compare.js";
import { diffInputs } from "../../src/finance/compare/inputDiff.js";
import { simulate } from "../../src/pipeline.js";
import { renderReport } from "../../src/report/report.js";
import { runContext } from "../../src/report/runContext.js";
import { renderWorkbook } from "../../src/workbook/workbook.js";

const TOWNS = "test/fixtures/finance/towns.yaml";
/** Two budgets rewritten in other units (the same money), one really cut (3000万 → 2400万). */
const UNITS_AND_CUT = "test/fixtures/finance/units-and-cut.yaml";
const CUT = { path: "sources[county].budgets[town-b].per_year", values: ["3000万", "2400万"] };
let result: CompareResult;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), "renewsim-compare-amounts-"));
  await simulate(TOWNS, { out: join(dir, "base") });
  await simulate(TOWNS, { overlays: [UNITS_AND_CUT], out: join(dir, "units") });
  result = await compareFolders([join(dir, "base"), join(dir, "units")]);
});

describe("compare's inputs that differ", () => {
  it("lists a real cut as written, and not a budget written in another unit (0.6亿 = 6000万 = 60000000)", () => {
    expect(result.inputs).toEqual([CUT]);
    expect(compareText(result, 5, null)).toContain("inputs that differ (1):\n  sources[county].budgets[town-b].per_year: 3000万 → 2400万\n");
  });

  it("leaves the same money out of compare.csv, compare.html and compare.xlsx", async () => {
    const csv = renderCompareCsv(result, { bom: false });
    const inputRows = csv.split("\n").filter((l) => l.startsWith("input.yaml,"));
    expect(inputRows).toEqual([`input.yaml,${CUT.path},value,3000万,2400万,,,`]);
    const ctx = () => runContext("compare", { "compare.csv": csv }, { scenario: { name: "finance-towns" }, folders: folderSummaries(result.folders) });
    const html = renderReport(ctx());
    expect(html).toContain(CUT.path);
    expect(html).not.toContain("budgets[county].per_year");
    expect(html).not.toContain("budgets[town-a]");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await renderWorkbook(ctx())) as unknown as ExcelJS.Buffer);
    const keys: string[] = [];
    book.getWorksheet("方案比较")!.eachRow((row) => {
      if (row.getCell(1).value === "input.yaml") keys.push(String(row.getCell(2).value));
    });
    expect(keys).toEqual([CUT.path]);
  });

  it("reads shares, full-width digits and grouped digits as their values too, and still tells a real change", () => {
    const a = { sources: [{ id: "c", budgets: [{ region: "gz", per_year: "4.624亿", by_year: { 2024: "１２００万" } }] }], programs: [{ id: "p", shares: { c: { max: "30%" } } }] };
    const b = { sources: [{ id: "c", budgets: [{ region: "gz", per_year: "46,240万元", by_year: { 2024: 12000000 } }] }], programs: [{ id: "p", shares: { c: { max: 0.3 } } }] };
    expect(diffInputs([a, b])).toEqual([]);
    const cut = { ...b, programs: [{ id: "p", shares: { c: { max: "25％" } } }] };
    expect(diffInputs([a, cut])).toEqual([{ path: "programs[p].shares.c.max", values: ["30%", "25％"] }]);
  });

  it("reads a share written in per cent with a decimal as the fraction written as a number (0.7 % = 0.007, 2.2 % = 0.022)", () => {
    // 0.7 / 100 is 0.006999999999999999 in binary, 2.2 / 100 is 0.022000000000000002.
    const written = (max: unknown, escalation: unknown, profile: unknown[]) => ({ programs: [{ id: "p", escalation, spend_profile: profile, shares: { c: { max } } }] });
    expect(diffInputs([written("0.7%", "2.2%", ["0.7%", "99.3%"]), written(0.007, 0.022, [0.007, 0.993])])).toEqual([]);
  });

  it("reads a quoted share to its last digit, not rounded as an amount to 1/10000", () => {
    const share = (max: string) => ({ programs: [{ id: "p", shares: { c: { max } } }] });
    expect(diffInputs([share("0.12341"), share("0.12344")])).toEqual([{ path: "programs[p].shares.c.max", values: ["0.12341", "0.12344"] }]);
  });

  it("compares names and descriptions as text: \"01\" is not \"1\", though both read as the number 1", () => {
    const named = (name: string, description: string) => ({ description, regions: [{ id: "gz", name }] });
    expect(diffInputs([named("01", "是"), named("1", "true")])).toEqual([
      { path: "description", values: ["是", "true"] },
      { path: "regions[gz].name", values: ["01", "1"] },
    ]);
  });
});
