/**
 * toCsv writes byte for byte what fast-csv's formatter wrote (renewsim's CSV writer before), so
 * results folders stay comparable across versions: quoting, doubled quotes, NULs, line breaks,
 * `|`, empty tables, numbers and missing values.
 */
import fc from "fast-check";
import { writeToString } from "fast-csv";
import { describe, expect, it } from "vitest";
import { BOM, toCsv } from "../../src/output/csv.js";
import { spreadsheetText } from "../../src/output/formulaGuard.js";

const cellText = fc.oneof(
  fc.string(),
  fc.stringMatching(/^[a-z,"|\0\n\r =+\-@\t广东省]{0,8}$/),
  fc.constantFrom("", ",", '"', '""', "\n", "\r\n", "a|b", "\0", "a,b", '"quoted"', "=SUM(A1)", "广州市"),
);
const cell = fc.oneof(cellText, fc.double(), fc.integer(), fc.constant(null), fc.constant(undefined));

/** What csv.ts did with fast-csv (the same cell rule, fast-csv's formatter). */
async function fastCsv(rows: Record<string, unknown>[], columns: string[]): Promise<string> {
  const asText = (v: unknown) => (v === null || v === undefined ? "" : typeof v === "number" ? (Number.isFinite(v) ? String(v) : "") : spreadsheetText(String(v)));
  return writeToString(rows.map((r) => columns.map((c) => asText(r[c]))), {
    headers: columns, writeHeaders: true, rowDelimiter: "\n", includeEndRowDelimiter: true, alwaysWriteHeaders: true,
  });
}

describe("toCsv", () => {
  it("writes what fast-csv's formatter wrote", async () => {
    await fc.assert(fc.asyncProperty(
      fc.array(cellText, { minLength: 1, maxLength: 4 }).chain((columns) =>
        fc.tuple(fc.constant(columns), fc.array(fc.array(cell, { minLength: columns.length, maxLength: columns.length }), { maxLength: 6 }))),
      async ([columns, rows]) => {
        const records = rows.map((r) => Object.fromEntries(r.map((v, i) => [columns[i], v])));
        expect(toCsv(records, columns, { bom: false })).toBe(await fastCsv(records, columns));
      },
    ), { numRuns: 3000 });
  });

  it("starts with a byte-order mark unless told not to, and ends every line with \\n", () => {
    expect(toCsv([{ a: 1, b: "x,y" }], ["a", "b"], { bom: true })).toBe(`${BOM}a,b\n1,"x,y"\n`);
    expect(toCsv([], ["a", "b"], { bom: false })).toBe("a,b\n");
    expect(toCsv([{ a: 'say "hi"', b: "p|q" }], ["a", "b"], { bom: false })).toBe('a,b\n"say ""hi""","p|q"\n');
  });
});
