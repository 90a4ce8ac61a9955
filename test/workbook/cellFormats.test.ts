/** Column widths count CJK characters (and those beyond U+FFFF) double, whatever the text. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { displayWidth } from "../../src/workbook/cellFormats.js";

/** The rule as first written: one regex test per character. */
const byRegex = (text: string) => [...text].reduce((w, ch) => w + (/[\u2E80-\uFFEF]/.test(ch) ? 2 : 1), 0);

describe("displayWidth", () => {
  it("counts CJK as 2 and anything else as 1 character", () => {
    expect(displayWidth("广州市 gz")).toBe(9);
    expect(displayWidth("12345.6万元")).toBe(11);
    expect(displayWidth("𠀀a")).toBe(3);
  });

  it("agrees with the per-character regex on any text", () => {
    fc.assert(fc.property(fc.oneof(fc.string({ unit: "binary" }), fc.string({ unit: "grapheme" }), fc.string()), (t) => {
      expect(displayWidth(t)).toBe(byRegex(t));
    }), { numRuns: 2000 });
  });
});
