/**
 * csvRows reads back every text csv.ts writes exactly as fast-csv's parser does (the parser the
 * report and the workbook used before): quotes, doubled quotes, commas and line breaks in cells,
 * empty cells, formula-guarded text and Chinese names.
 */
import fc from "fast-check";
import { Parser } from "@fast-csv/parse/build/src/parser/index.js";
import { ParserOptions } from "fast-csv";
import { describe, expect, it } from "vitest";
import { BOM, toCsv } from "../../src/output/csv.js";
import { csvRows } from "../../src/output/csvRows.js";

const fastCsv = (text: string) => new Parser(new ParserOptions({})).parse(text, false).rows;

const cellText = fc.oneof(
  fc.string(),
  fc.stringMatching(/^[a-z,"\n\r =+\-@\t广东省]{0,8}$/),
  fc.constantFrom("", ",", '"', '""', "\n", "\r\n", "a,b", '"quoted"', "=SUM(A1)", "广州市"),
);
const cell = fc.oneof(cellText, fc.double(), fc.integer(), fc.constant(null));

describe("csvRows", () => {
  it("parses what toCsv writes as fast-csv does", async () => {
    await fc.assert(fc.asyncProperty(
      fc.integer({ min: 1, max: 5 }).chain((width) => fc.array(fc.array(cell, { minLength: width, maxLength: width }), { maxLength: 6 })),
      async (rows) => {
        const columns = rows[0]?.map((_, i) => `c${i}`) ?? ["c0"];
        const records = rows.map((r) => Object.fromEntries(r.map((v, i) => [`c${i}`, v])));
        const text = toCsv(records, columns, { bom: true }).slice(BOM.length);
        // fast-csv read a cell of blanks as empty (or, alone on its line, as no cell); csvRows keeps them.
        fc.pre(!rows.some((r) => r.some((v) => typeof v === "string" && /^[ \t]+$/.test(v))));
        expect(csvRows(text)).toEqual(fastCsv(text));
      },
    ), { numRuns: 3000 });
  });

  it("reads line ends, empty lines and a last line without a break as fast-csv does", () => {
    for (const text of ["", "\n", "a\n\nb\n", "a,\n", "a,", '"x""y",z\n', '"a\nb",c\r\nd,e', "a,b\r\n", "a\rb\r", ",,\n"]) {
      expect(csvRows(text)).toEqual(fastCsv(text));
    }
  });

  it("keeps a cell of blanks", () => {
    expect(csvRows("a\n \n \t,1\n")).toEqual([["a"], [" "], [" \t", "1"]]);
  });

  it("refuses an unclosed quote and text after a closing quote", () => {
    expect(() => csvRows('"abc')).toThrow(/does not close/);
    expect(() => csvRows('"a"b,c')).toThrow(/after a quoted cell/);
  });
});
