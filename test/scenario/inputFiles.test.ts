/**
 * A file read in another encoding than UTF-8 is noted in both languages: English for the terminal
 * and run.json's `warnings`, Chinese for `warnings_zh`, which report.html and results.xlsx show.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { loadScenario } from "../../src/scenario/index.js";
import { expectProblem, lineOf, loadError, patch, writeFiles } from "./helpers.js";

const CITY = patch(["  - id: city\n    kind: government\n", "  - id: city\n    kind: government\n    budgets:\n      - {file: 市级预算.csv}\n"]);
const ROWS = "区域,年份,金额（万元）\n" + [2021, 2022, 2023, 2024, 2025, 2026].map((y) => `gz,${y},6000\nsz,${y},5000\n`).join("");

function encodingNotices(bytes: Buffer) {
  const dir = writeFiles({ "s.yaml": CITY });
  writeFileSync(join(dir, "市级预算.csv"), bytes);
  return loadScenario(join(dir, "s.yaml")).notices.filter((n) => /was read as/.test(n.en));
}

describe("notices of how an input file was read", () => {
  it("say that a CSV saved by Excel or WPS on Chinese Windows was read as GBK, in English and in Chinese", () => {
    const [notice, ...rest] = encodingNotices(iconv.encode(ROWS, "gbk"));
    expect(rest).toEqual([]);
    expect(notice.en).toMatch(/市级预算\.csv was read as GBK\/GB18030 \(the Chinese Windows encoding Excel and WPS use\); results are written in UTF-8$/);
    expect(notice.zh).toMatch(/市级预算\.csv 按 GBK\/GB18030（中文版 Windows 上 Excel 和 WPS 所用的编码）读取；结果文件均以 UTF-8 编码写出$/);
  });

  it("name UTF-16's byte order in Chinese too", () => {
    const [notice] = encodingNotices(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(ROWS, "utf16le")]));
    expect(notice.zh).toMatch(/市级预算\.csv 按 UTF-16（小端序，带字节顺序标记）读取/);
  });

  it("say that a GBK file whose bytes are also valid UTF-8 was read as GBK, showing both readings", () => {
    const dir = writeFiles({ "s.yaml": patch(["  - {id: gd}\n", "  - {file: regions.csv}\n"]).replace("  - {id: gz, parent: gd}\n  - {id: sz, parent: gd}\n", "") });
    writeFileSync(join(dir, "regions.csv"), iconv.encode("id,name,parent\ngd,全省,\ngz,台山,gd\nsz,平远,gd\n", "gbk"));
    const loaded = loadScenario(join(dir, "s.yaml"));
    expect(loaded.scenario.regions.slice(0, 3).map((r) => r.name)).toEqual(["全省", "台山", "平远"]);
    const [notice] = loaded.notices.filter((n) => /was read as/.test(n.en));
    expect(notice.en).toMatch(/regions\.csv was read as GBK\/GB18030 \(.*\); its bytes are also valid UTF-8, but as UTF-8 they hold no Chinese \(line 2: "全省" as GBK, "ȫʡ" as UTF-8\); results are written in UTF-8$/);
    expect(notice.zh).toMatch(/regions\.csv 按 GBK\/GB18030（.*）读取；其字节也是有效的 UTF-8，但按 UTF-8 读不出汉字（第 2 行：GBK 读作“全省”，UTF-8 读作“ȫʡ”）；结果文件均以 UTF-8 编码写出$/);
  });

  it("are not given for a GBK file with a line in UTF-8, which is refused with the scenario's other problems", () => {
    const dir = writeFiles({ "s.yaml": CITY.replace("at_least: 150", 'at_least: "很多"') });
    writeFileSync(join(dir, "市级预算.csv"), Buffer.concat([iconv.encode(ROWS, "gbk"), Buffer.from("珠海特区,2021,100\n")]));
    const error = loadError(join(dir, "s.yaml"));
    expectProblem(error, "sources[1].budgets[0].file", lineOf(CITY, "{file: 市级预算.csv}"), "s.yaml", "cannot read CSV file 市级预算.csv: it mixes two encodings: line 14 is UTF-8 while the rest of the file is GBK");
    expectProblem(error, "targets[0].at_least", lineOf(CITY, "at_least"), "s.yaml", '"很多"');
  });

  it("say nothing of a UTF-8 file", () => {
    expect(encodingNotices(Buffer.from(ROWS, "utf8"))).toEqual([]);
  });
});
