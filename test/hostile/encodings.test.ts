/**
 * Family 5 (and issue 12 item 4): GBK and UTF-16 inputs plan exactly like their UTF-8 twins, with a
 * notice naming the encoding; Latin-1, NUL bytes and UTF-16 without a mark are refused by name;
 * Chinese CSV headers work and a wrong header is one problem per file.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as XLSX from "@e965/xlsx";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { MANIFEST } from "../../src/output/outputTarget.js";
import { expectRefused, project, REPO, runIn, TOY } from "./helpers.js";

describe("GBK twins of a shipped scenario", () => {
  it("plan to byte-identical results with the data tables and the scenario file saved as GBK", async () => {
    const root = mkdtempSync(join(tmpdir(), "renewsim-gbk-"));
    const utf8 = join(root, "utf8");
    const gbk = join(root, "gbk");
    cpSync(join(REPO, "scenarios"), utf8, { recursive: true });
    cpSync(join(REPO, "scenarios"), gbk, { recursive: true });
    for (const table of ["guangzhou-towns-regions.csv", "guangzhou-towns-typical-town.csv"]) {
      const path = join(gbk, "data", table);
      writeFileSync(path, iconv.encode(readFileSync(path, "utf8"), "gbk"));
    }
    // The towns scenario's comments use "−" (U+2212), which GBK cannot hold: both twins use "-".
    for (const dir of [utf8, gbk]) {
      const path = join(dir, "guangzhou-towns-2024-2027.yaml");
      writeFileSync(path, readFileSync(path, "utf8").replace(/\u2212/g, "-"));
    }
    const yaml = join(gbk, "guangzhou-towns-2024-2027.yaml");
    const text = readFileSync(yaml, "utf8");
    expect(iconv.decode(iconv.encode(text, "gbk"), "gbk")).toBe(text); // representable, so a true twin
    writeFileSync(yaml, iconv.encode(text, "gbk"));
    const a = await runIn(root, "utf8/guangzhou-towns-2024-2027.yaml", "--out", "out-utf8");
    const b = await runIn(root, "gbk/guangzhou-towns-2024-2027.yaml", "--out", "out-gbk");
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    expect(b.stdout).toContain("note: gbk/data/guangzhou-towns-regions.csv was read as GBK/GB18030");
    expect(b.stdout).toContain("note: gbk/guangzhou-towns-2024-2027.yaml was read as GBK/GB18030");
    const files = readdirSync(join(root, "out-utf8")).filter((f) => f.endsWith(".csv") || f === "input.yaml" || f === MANIFEST);
    expect(files.length).toBeGreaterThan(6);
    for (const f of files) expect(readFileSync(join(root, "out-gbk", f)), f).toEqual(readFileSync(join(root, "out-utf8", f)));
    const runA = JSON.parse(readFileSync(join(root, "out-utf8", "run.json"), "utf8"));
    const runB = JSON.parse(readFileSync(join(root, "out-gbk", "run.json"), "utf8"));
    expect(runB.scenario.hash).toBe(runA.scenario.hash);
    // typical-town.csv is plain ASCII, the same bytes in either encoding: no notice for it.
    expect(runB.warnings.filter((w: string) => w.includes("GBK"))).toHaveLength(2);
    // In Chinese too, for the report and the workbook, in the same place.
    expect(runB.warnings_zh).toHaveLength(runB.warnings.length);
    expect(runB.warnings_zh[runB.warnings.indexOf(runB.warnings.find((w: string) => w.includes("regions.csv")))])
      .toBe("gbk/data/guangzhou-towns-regions.csv 按 GBK/GB18030（中文版 Windows 上 Excel 和 WPS 所用的编码）读取；结果文件均以 UTF-8 编码写出");
    expect(readFileSync(join(root, "out-gbk", "report.html"), "utf8")).toContain("<span class=\"zh\">gbk/data/guangzhou-towns-regions.csv 按 GBK/GB18030");
    const summary = XLSX.read(readFileSync(join(root, "out-gbk", "results.xlsx")));
    const rows = XLSX.utils.sheet_to_json<unknown[]>(summary.Sheets["概要"], { header: 1 }).map((r) => String(r[0]));
    expect(rows.filter((r) => r.includes(" 按 GBK/GB18030"))).toHaveLength(2);
    expect(readFileSync(join(root, "out-gbk", "plan.csv"), "utf8")).not.toContain("\ufffd");
  }, 300_000); // two plans of a shipped scenario: about 20 s on an idle machine, minutes on a busy one
});

describe("other encodings", () => {
  const leavesYaml = TOY.replace("      - {region: a, stock: 100}\n      - {region: b, stock: 100}", "      - {file: leaves.csv}");
  const leaves = "region,stock\na,100\nb,100\n";

  it("UTF-16 with a byte-order mark (either order) reads like UTF-8, with a notice", async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(leavesYaml, "utf16le")]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(leaves, "utf16be")]);
    const dir = project({ "s.yaml": le, "leaves.csv": be, "plain.yaml": leavesYaml, "plain.csv": leaves });
    const r = await runIn(dir, "validate", "s.yaml");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("s.yaml was read as UTF-16 (little-endian, with byte-order mark)");
    expect(r.stderr).toContain("leaves.csv was read as UTF-16 (big-endian, with byte-order mark)");
    expect(r.stdout).toBe((await runIn(dir, "validate", "plain.yaml")).stdout);
  });

  const refused: [string, Buffer, RegExp][] = [
    ["a Latin-1 CSV", iconv.encode("region,stock\nmünchen,100\nb,100\n", "latin1"), /leaves\.csv: it is not UTF-8: its bytes look like Latin-1 \/ Windows-1252/],
    ["a Windows-1252 CSV with smart quotes", iconv.encode("region,stock\n“a”,100\nb,100\n", "cp1252"), /not UTF-8/],
    ["a CSV with NUL bytes", Buffer.from("region,stock\na,100\u0000\nb,100\n"), /contains NUL bytes: it is a binary file/],
    ["a UTF-16 CSV without a mark", iconv.encode("region,stock\na,100\nb,100\n", "utf16le"), /looks like UTF-16 without a byte-order mark/],
    ["a Big5 CSV", iconv.encode("region,stock\n香港特別行政區,100\n", "big5"), /not UTF-8, UTF-16 \(with byte-order mark\) or GBK\/GB18030/],
    ["an image", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), /NUL bytes/],
  ];
  it.each(refused)("%s is refused by name, and nothing is planned", async (_name, bytes, message) => {
    const dir = project({ "s.yaml": leavesYaml, "leaves.csv": bytes });
    for (const args of [["validate", "s.yaml"], ["s.yaml", "--out", "out"]]) {
      const r = await runIn(dir, ...args);
      expectRefused(r, 2, message);
      expect(r.stderr).not.toContain("\ufffd");
    }
    expect(readdirSync(dir).sort()).toEqual(["leaves.csv", "s.yaml"]);
  });

  // The advice follows what the file is read as: a data table comes from Excel or WPS, a scenario
  // file from an editor.
  it("tells how to re-save a table from Excel/WPS and a scenario file from an editor", async () => {
    const table = project({ "s.yaml": leavesYaml, "leaves.csv": iconv.encode("region,stock\nmünchen,100\n", "latin1") });
    expectRefused(await runIn(table, "validate", "s.yaml"), 2, /leaves\.csv: it is not UTF-8.*in Excel\/WPS: 另存为 → CSV UTF-8/);
    const scenario = project({ "s.yaml": iconv.encode(`# münchen\n${leavesYaml}`, "latin1"), "leaves.csv": "region,stock\na,100\nb,100\n" });
    expectRefused(await runIn(scenario, "validate", "s.yaml"), 2, /s\.yaml: it is not UTF-8.*\(in your editor: encoding UTF-8\)/);
  });
});

describe("CSV headers", () => {
  const budgetsYaml = TOY.replace('      - {region: a, per_year: "6000万"}\n      - {region: b, per_year: "1亿"}', "      - {file: budgets.csv}");

  it("Chinese headers 区域,年份,金额 plan like region,year,amount", async () => {
    const dir = project({ "s.yaml": budgetsYaml, "budgets.csv": "区域,年份,金额\na,2021,6000万\nb,2021,1亿\n", "plain.yaml": TOY });
    const r = await runIn(dir, "validate", "s.yaml");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.replace(/hash \w+/, "")).toBe((await runIn(dir, "validate", "plain.yaml")).stdout.replace(/hash \w+/, ""));
  });

  it("an .xlsx sheet takes the same Chinese headers, and a wrong one is one problem for the sheet", async () => {
    const sheet = (rows: unknown[][]) => {
      const book = XLSX.utils.book_new();
      XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), "预算");
      return Buffer.from(XLSX.write(book, { type: "buffer", bookType: "xlsx" }) as Uint8Array);
    };
    const yaml = budgetsYaml.replace("{file: budgets.csv}", "{file: budgets.xlsx}");
    const ok = project({ "s.yaml": yaml, "budgets.xlsx": sheet([["区域", "年份", "金额"], ["a", 2021, "6000万"], ["b", 2021, "1亿"]]) });
    expect((await runIn(ok, "validate", "s.yaml")).code).toBe(0);
    const rows = Array.from({ length: 20 }, (_, i) => ["a", 2021 + i, 100]);
    const bad = project({ "s.yaml": yaml, "budgets.xlsx": sheet([["区", "年", "金"], ...rows]) });
    const r = await runIn(bad, "validate", "s.yaml");
    expectRefused(r, 2, /wrong header: unknown columns "区" \(did you mean "区域"\?\).*A budgets table has the header region,year,amount/);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("a wrong header is one problem for the file naming the expected columns, however many rows follow", async () => {
    const rows = Array.from({ length: 36 }, (_, i) => `${i % 2 ? "a" : "b"},${2021 + i},100`).join("\n");
    for (const header of ["区,年,金", "Region,Year,Amount", "region,year,amount,note", "region,per_year,year,amount"]) {
      const dir = project({ "s.yaml": budgetsYaml, "budgets.csv": `${header}\n${rows}\n` });
      const r = await runIn(dir, "validate", "s.yaml");
      expectRefused(r, 2, /budgets\.csv line 1\)$/m);
      expect(r.stderr.trim().split("\n"), header).toHaveLength(1);
      expect(r.stderr).toContain("A budgets table has the header region,year,amount (or region,per_year)");
      expect(r.stderr).toContain("in Chinese 区域,年份,金额");
      expect(r.stderr).not.toMatch(/per_year, by_year|allowed: region/);
    }
  });
});
