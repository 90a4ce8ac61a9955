/** formulaGuard.ts: text that a spreadsheet would run is written as text; numbers stay numbers. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { spreadsheetText, unguardedText } from "../../src/output/formulaGuard.js";
import { toCsv } from "../../src/output/csv.js";

describe("spreadsheetText", () => {
  it("prefixes a quote to text starting with = + - @ tab or CR, also after leading blanks", () => {
    for (const text of ['=HYPERLINK("http://x","点击")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "  =cmd|' /C calc'!A0", "\u3000=1", "\n-1+1"]) {
      expect(spreadsheetText(text)).toBe(`'${text}`);
    }
  });

  it("leaves ordinary text and plain numbers written as text alone", () => {
    for (const text of ["广州市", "a=b", "3500万", "-0.5", "+3", "-1e-7", "1e+300", "", "gd-communities", "'quoted"]) {
      expect(spreadsheetText(text)).toBe(text);
    }
  });

  it("never leaves a cell whose first non-blank character starts a formula, unless it is a number", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("=", "+", "-", "@", "\t", "\r", " ", "a", "1", ".", "e", "广") }), (text) => {
        const out = spreadsheetText(text);
        expect(out === text || out === `'${text}`).toBe(true);
        const runs = /^[\s\u3000]*[=+\-@\t\r]/u.test(out);
        expect(runs && !/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(out)).toBe(false);
      }),
    );
  });
});

describe("toCsv", () => {
  it("guards text cells and writes negative numbers as numbers", async () => {
    const csv = toCsv([{ name: "=WEBSERVICE(\"http://x\")", value: -0.5, note: "-1+2" }], ["name", "value", "note"], { bom: false });
    expect(csv).toBe(`name,value,note\n"'=WEBSERVICE(""http://x"")",-0.5,'-1+2\n`);
  });
});

describe("unguardedText", () => {
  it("gives back the text spreadsheetText guarded, and leaves any other text alone", () => {
    fc.assert(fc.property(fc.string(), (text) => {
      fc.pre(!text.startsWith("'"));
      expect(unguardedText(spreadsheetText(text))).toBe(text);
      expect(spreadsheetText(unguardedText(spreadsheetText(text)))).toBe(spreadsheetText(text));
    }), { numRuns: 2000 });
    expect(unguardedText("'=SUM(A1)")).toBe("=SUM(A1)");
    expect(unguardedText("'quoted")).toBe("'quoted");
    expect(unguardedText("-0.5")).toBe("-0.5");
  });
});
