/**
 * Data tables kept as .xlsx: `{file: x.xlsx, sheet: name}` (first sheet by default) reads the same
 * columns as the CSV form; a shipped scenario plans to byte-identical files either way; bad
 * workbooks get one clear error naming file, sheet, row and column, exit 2 and nothing written.
 * With one table as .xlsx and another saved as GBK "CSV" (what Excel and WPS write on Chinese
 * Windows), the plan is byte-identical too.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { runCli } from "../cli/run.js";
import { csvToRows, writeWorkbook } from "../helpers/workbooks.js";
import { loadScenario } from "../../src/scenario/index.js";
import { errorFor, expectProblem, lineOf, patch } from "./helpers.js";

const GD = "guangdong-retrofit-2021-2025.yaml";

describe("a shipped scenario with data tables as .xlsx and as GBK CSV", () => {
  it("plans to byte-identical results with the all-UTF-8-CSV original", async () => {
    const dir = mkdtempSync(join(tmpdir(), "renewsim-xlsx-"));
    cpSync("scenarios", join(dir, "scenarios"), { recursive: true });
    const data = join(dir, "scenarios", "data");
    // A named sheet behind a notes sheet, and a default (first) sheet.
    await writeWorkbook(join(data, "市级预算.xlsx"), {
      说明: [["本表为地级市财政资金预算"]],
      市级: csvToRows(readFileSync(join(data, "guangdong-city-budgets.csv"), "utf8")),
    });
    await writeWorkbook(join(data, "施工能力.xlsx"), { Sheet1: csvToRows(readFileSync(join(data, "guangdong-capacity.csv"), "utf8")) });
    // The regions table (Chinese names) as Excel/WPS save "CSV" on Chinese Windows: GBK, no BOM.
    const regions = readFileSync(join(data, "guangdong-regions.csv"), "utf8").replace(/^\ufeff/, "");
    writeFileSync(join(data, "地区-gbk.csv"), iconv.encode(regions, "gbk"));
    const yamlFile = join(dir, "scenarios", GD);
    const yaml = readFileSync(yamlFile, "utf8");
    const edited = yaml
      .replace("{file: data/guangdong-city-budgets.csv}", "{file: data/市级预算.xlsx, sheet: 市级}")
      .replace("{file: data/guangdong-capacity.csv}", "{file: data/施工能力.xlsx}")
      .replace("{file: data/guangdong-regions.csv}", "{file: data/地区-gbk.csv}");
    expect(edited).toContain("地区-gbk.csv");
    expect(edited).not.toBe(yaml);
    const xlsxYaml = join(dir, "scenarios", "with-xlsx.yaml");
    writeFileSync(xlsxYaml, edited);

    const a = join(dir, "csv");
    const b = join(dir, "xlsx");
    expect((await runCli(yamlFile, "--out", a, "--quiet", "--no-xlsx")).code).toBe(0);
    expect((await runCli(xlsxYaml, "--out", b, "--quiet", "--no-xlsx")).code).toBe(0);
    // run.json records the layers' paths and the GBK notice; input.yaml the changed file names.
    const files = readdirSync(a).filter((f) => f.endsWith(".csv"));
    expect(files).toContain("plan.csv");
    expect(readdirSync(b).sort()).toEqual(readdirSync(a).sort());
    for (const f of files.filter((x) => x !== "diagnostics.csv")) expect(readFileSync(join(b, f)).equals(readFileSync(join(a, f))), f).toBe(true);
    // diagnostics.csv agrees too, but for where each limit is written: the workbook's sheet and row.
    const [csvRows, xlsxRows] = [a, b].map((d) => readFileSync(join(d, "diagnostics.csv"), "utf8").trimEnd().split("\n"));
    const withoutPlace = (rows: string[]) => rows.map((r) => r.replace(/,("[^"]*"|[^,"]*)$/, ""));
    expect(withoutPlace(xlsxRows)).toEqual(withoutPlace(csvRows));
    const city = (rows: string[]) => rows.find((r) => r.startsWith('budget_binding,"budget[city,'))!;
    expect(city(csvRows)).toMatch(/,data\/guangdong-city-budgets\.csv:\d+$/);
    expect(city(xlsxRows)).toMatch(/,"data\/市级预算\.xlsx, sheet 市级, row \d+"$/);
  }, 120_000);
});

const STOCK = ["      - {region: gz, stock: 100}\n      - {region: sz, stock: 80}\n", "      - {file: stock.xlsx, sheet: 存量}\n"] as [string, string];

async function stockWorkbook(dir: string, sheets: Record<string, (string | number)[][]>): Promise<void> {
  await writeWorkbook(join(dir, "stock.xlsx"), sheets);
}

describe("bad workbook input", () => {
  it("reads a good sheet (text ids, number cells) without problems", async () => {
    const dir = mkdtempSync(join(tmpdir(), "renewsim-xlsx-"));
    await stockWorkbook(dir, { 存量: [["region", "stock"], ["gz", 100], ["sz", "80"]] });
    writeFileSync(join(dir, "s.yaml"), patch(STOCK));
    const r = await runCli("validate", join(dir, "s.yaml"));
    // BASE leaves its tail year 2026 unbudgeted: the one note allowed (src/scenario/moneyNotices.ts).
    expect(r.stderr.split("\n").filter((l) => l !== "" && !/money from it is unlimited/.test(l))).toEqual([]);
    expect(r.code).toBe(0);
  });

  const cases: { name: string; sheets: Record<string, (string | number)[][]>; expected: RegExp[] }[] = [
    {
      name: "missing sheet",
      sheets: { Sheet1: [["region", "stock"], ["gz", 100]] },
      expected: [/programs\[0\]\.by_region\[0\]\.sheet: .*stock\.xlsx: the workbook has no sheet "存量" \(sheets: "Sheet1"\) \(.*s\.yaml line \d+\)/],
    },
    {
      name: "wrong header",
      sheets: { 存量: [["region", "stok"], ["gz", 100], ["sz", 80]] },
      // One problem for the sheet at its header row (issue 12), not one per data row.
      expected: [/^error: .*wrong header: unknown column "stok" \(did you mean "stock"\?\).*\(.*stock\.xlsx, sheet 存量, row 1\)\n$/],
    },
    {
      name: "text in a number cell",
      sheets: { 存量: [["region", "stock"], ["gz", 100], ["sz", "很多"]] },
      expected: [/programs\[0\]\.by_region\[1\]\.stock: .*"很多".*\(.*stock\.xlsx, sheet 存量, row 3, column B\)/],
    },
  ];
  for (const c of cases) {
    it(`${c.name}: one error with file, sheet, row and column, exit 2, nothing written`, async () => {
      const dir = mkdtempSync(join(tmpdir(), "renewsim-xlsx-"));
      await stockWorkbook(dir, c.sheets);
      writeFileSync(join(dir, "s.yaml"), patch(STOCK));
      const out = join(dir, "out");
      const r = await runCli(join(dir, "s.yaml"), "--out", out);
      expect(r.code).toBe(2);
      for (const re of c.expected) expect(r.stderr).toMatch(re);
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
      expect(existsSync(out)).toBe(false);
    });
  }

  it("a money cell whose own unit is not its header's is read as written, with a note naming sheet and row", async () => {
    const dir = mkdtempSync(join(tmpdir(), "renewsim-xlsx-"));
    await writeWorkbook(join(dir, "city.xlsx"), { 市级: [["区域", "年份", "金额（万元）"], ["gz", 2021, 6000], ["gz", 2022, "6000元"]] });
    writeFileSync(join(dir, "s.yaml"), patch(["  - id: city\n    kind: government\n", "  - id: city\n    kind: government\n    budgets:\n      - {file: city.xlsx}\n"]));
    const loaded = loadScenario(join(dir, "s.yaml"));
    expect(loaded.scenario.sources[1].budgets.map((b) => b.amount)).toEqual([6e7, 6000]);
    expect(loaded.notices.map((n) => n.en).filter((n) => /header's unit/.test(n))).toEqual([expect.stringMatching(/city\.xlsx, sheet 市级, row 3: "6000元" under the header "金额（万元）" writes its own unit/)]);
    expect(loaded.notices.filter((n) => /header's unit/.test(n.en)).map((n) => n.zh)).toEqual([
      expect.stringMatching(/city\.xlsx，工作表“市级”第3行：表头“金额（万元）”下的“6000元”自带单位，按所写读取（6000元，而非6000万元）/),
    ]);
  });

  it("a sheet: key on a CSV entry is an error naming the entry", () => {
    const yaml = patch(["      - {region: gz, stock: 100}\n      - {region: sz, stock: 80}\n", "      - {file: stock.csv, sheet: 存量}\n"]);
    const { error } = errorFor(yaml, { "stock.csv": "region,stock\ngz,100\nsz,80\n" });
    expect(error.message).toMatch(/programs\[0\]\.by_region\[0\]\.sheet: a file entry takes only "file:" \("sheet:" is for \.xlsx files\)/);
  });

  it("a table that is neither .csv nor .xlsx is refused naming both; an .xls or .et file is told to be saved as .xlsx or CSV", () => {
    for (const [name, saveHint] of [["stock.xls", true], ["存量.ET", true], ["stock.txt", false]] as const) {
      const yaml = patch(["      - {region: gz, stock: 100}\n      - {region: sz, stock: 80}\n", `      - {file: ${name}}\n`]);
      const { error } = errorFor(yaml, { [name]: "region,stock\ngz,100\n" });
      const line = expectProblem(error, "programs[0].by_region[0].file", lineOf(yaml, name), "s.yaml", `${name} is not a .csv or .xlsx file; renewsim reads only those here`);
      expect(line.includes("; save it as .xlsx or CSV first"), line).toBe(saveHint);
    }
  });

  it("a date cell and an Excel error cell are named by sheet, row and column", async () => {
    const dir = mkdtempSync(join(tmpdir(), "renewsim-xlsx-"));
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet("存量");
    sheet.addRow(["region", "stock"]);
    sheet.addRow(["gz", new Date(Date.UTC(2021, 0, 1))]);
    sheet.addRow(["sz", { error: "#DIV/0!" }]);
    await wb.xlsx.writeFile(join(dir, "stock.xlsx"));
    writeFileSync(join(dir, "s.yaml"), patch(STOCK));
    const r = await runCli("validate", join(dir, "s.yaml"));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/holds a date.*\(.*stock\.xlsx, sheet 存量, row 2, column B\)/);
    expect(r.stderr).toMatch(/Excel error #DIV\/0!.*\(.*stock\.xlsx, sheet 存量, row 3, column B\)/);
    // Those rows are left out, not the sheet: the YAML's own problem is listed too, and nothing
    // repeats the bad cells ("stock: required") or the rows' absence.
    writeFileSync(join(dir, "s.yaml"), patch(STOCK).replace("spend_profile: [0.6, 0.4]", "spend_profile: [0.6, 0.5]"));
    const both = await runCli("validate", join(dir, "s.yaml"));
    expect(both.stderr.trim().split("\n").map((l) => l.replace(/^error: /, "").replace(/ \(.*\)$/, ""))).toEqual([
      "programs[0].spend_profile: spend_profile adds up to 1.1, not 1",
      expect.stringMatching(/holds a date/),
      expect.stringMatching(/Excel error #DIV\/0!/),
    ]);
  });
});
