/**
 * report.html and results.xlsx name the overlays a run was planned with (finding 4 of a finance
 * office's review): the Guangzhou towns planned with a 15 % city-money cut and without had the
 * same title and the same 概要, so the 现行 and 压减 workbooks handed to leadership read alike.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../cli/run.js";

const TOWNS = "test/fixtures/finance/towns.yaml";
const CUT = "test/fixtures/finance/cut-20.yaml";
const CENTRAL_CUT = "test/fixtures/finance/central-cut.yaml";
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "renewsim-overlays-named-"));
  for (const args of [
    [TOWNS, "--out", join(dir, "base")],
    [TOWNS, "--with", CUT, "--with", CENTRAL_CUT, "--out", join(dir, "cut")],
    ["stress", TOWNS, "--with", CUT, "--cut", "government=10%", "--out", join(dir, "stress")],
  ]) expect((await runCli(...args, "--quiet")).code).toBe(0);
}, 120_000);

/** The 概要 sheet's title and its rows of label and value. */
async function summary(folder: string): Promise<{ title: string; rows: Map<string, string> }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync(join(dir, folder, "results.xlsx")) as unknown as ExcelJS.Buffer);
  const sheet = book.getWorksheet("概要")!;
  const rows = new Map<string, string>();
  sheet.eachRow((row) => rows.set(String(row.getCell(1).value), String(row.getCell(2).value)));
  return { title: String(sheet.getCell("A1").value), rows };
}

const h1 = (folder: string) => /<h1>([\s\S]*?)<\/h1>/.exec(readFileSync(join(dir, folder, "report.html"), "utf8"))![1];
const report = (folder: string) => readFileSync(join(dir, folder, "report.html"), "utf8");

describe("a run planned with overlays", () => {
  it("names them, in the order applied, in report.html's title and key figures", () => {
    expect(h1("cut")).toContain("规划结果报告：finance-towns + cut-20.yaml + central-cut.yaml");
    expect(h1("cut")).toContain("Plan report: finance-towns + cut-20.yaml + central-cut.yaml");
    expect(report("cut")).toMatch(/叠加层[\s\S]{0,200}cut-20\.yaml、central-cut\.yaml/);
    expect(h1("base")).toContain("规划结果报告：finance-towns<");
    expect(report("base")).not.toContain("叠加层");
  });

  it("names them in results.xlsx's 概要: its title and a row 叠加层", async () => {
    const cut = await summary("cut");
    expect(cut.title).toBe("renewsim：finance-towns + cut-20.yaml + central-cut.yaml");
    expect(cut.rows.get("叠加层")).toBe("cut-20.yaml、central-cut.yaml");
    // Right under the scenario, before the horizon: what the run is, before what it found.
    const labels = [...cut.rows.keys()];
    expect(labels.indexOf("叠加层")).toBe(labels.indexOf("场景") + 1);
    const base = await summary("base");
    expect(base.title).toBe("renewsim：finance-towns");
    expect(base.rows.has("叠加层")).toBe(false);
  });

  it("names them in a stress run's report and workbook too (the same header and key figures)", async () => {
    expect(h1("stress")).toContain("预算削减压力测试报告：finance-towns + cut-20.yaml");
    const stress = await summary("stress");
    expect(stress.title).toBe("renewsim：finance-towns + cut-20.yaml");
    expect(stress.rows.get("叠加层")).toBe("cut-20.yaml");
  });
});
