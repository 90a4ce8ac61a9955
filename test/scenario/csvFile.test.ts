/**
 * csvFile.ts: how a CSV file's text becomes records. Tab-separated text (Excel's "Unicode text",
 * UTF-16 with tabs and CRLF) is read by its header, not taken for a title row.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { parseCsvRecords } from "../../src/scenario/csvFile.js";
import { loadScenario } from "../../src/scenario/index.js";
import { PositionTable } from "../../src/scenario/positions.js";
import { patch, writeFiles } from "./helpers.js";

const parse = (text: string, list = "by_region") => parseCsvRecords("t.csv", text, new PositionTable(), list);

describe("tab-separated files", () => {
  it("reads a file saved as Excel's Unicode text (UTF-16 LE with mark, tabs, CRLF) like its CSV twin, with a notice", () => {
    const yaml = patch(["      - {region: gz, stock: 100}\n      - {region: sz, stock: 80}\n", "      - {file: leaves.csv}\n"]);
    const rows = [["区域", "存量", "单位造价"], ["gz", "100", "2.7万"], ["sz", "80", "1,234,567"]];
    const dir = writeFiles({ "s.yaml": yaml, "twin.yaml": yaml.replace("leaves.csv", "twin.csv"), "twin.csv": rows.map((r) => r.map((c) => `"${c}"`).join(",")).join("\n") + "\n" });
    const tsv = rows.map((r) => r.join("\t")).join("\r\n") + "\r\n";
    writeFileSync(join(dir, "leaves.csv"), Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(tsv, "utf16le")]));
    const loaded = loadScenario(join(dir, "s.yaml"));
    expect(loaded.scenario.programs[0]).toEqual(loadScenario(join(dir, "twin.yaml")).scenario.programs[0]);
    expect(loaded.notices.map((n) => n.en).filter((n) => /tab-separated/.test(n))).toEqual([
      expect.stringMatching(/leaves\.csv: read as tab-separated \(its header has tabs and no commas\), as Excel's "Unicode text" saves$/),
    ]);
    expect(loaded.notices.find((n) => /tab-separated/.test(n.en))!.zh).toMatch(/leaves\.csv：按制表符分隔读取（表头有制表符而无逗号），即 Excel“Unicode 文本”的保存格式$/);
  });

  it("keeps commas inside tab-separated cells, still finds title rows and bad quoting, and reads a header with commas as CSV", () => {
    expect(parse('region\tstock\tunit_cost\ngz\t"1,476"\t"2,7000"\n').records).toEqual([{ region: "gz", stock: 1476, unit_cost: "2,7000" }]);
    expect(parse("广东省老旧小区存量表\t\t\nregion\tstock\ngz\t1\n").errors[0].message).toMatch(/^the first line "广东省老旧小区存量表" looks like a title/);
    expect(parse('region\tstock\n"gz"\t1\n"sz"x\t2\n').errors).toEqual([{ line: 3, message: expect.stringMatching(/^malformed quoting: a quoted cell must end with a quote followed by a tab or the line end/) }]);
    // A comma in the header: comma-separated, tabs and all (here a wrong header, as before).
    const commas = parse("region,stock\tx\ngz,1\n");
    expect(commas.notes).toEqual([]);
    expect(commas.errors[0].message).toMatch(/^wrong header: unknown column "stock\tx"/);
  });
});
