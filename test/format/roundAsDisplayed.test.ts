/** Rounding as the workbook displays a number (roundAsDisplayed.ts), and a miss never read as its target. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatShortOf } from "../../src/format/numbers.js";
import { fixedAsDisplayed, roundAsDisplayed } from "../../src/format/roundAsDisplayed.js";

describe("roundAsDisplayed", () => {
  it("rounds the decimal form's half away from zero, as Excel's number formats show it", () => {
    expect(fixedAsDisplayed(92.55, 1)).toBe("92.6");
    expect(fixedAsDisplayed(0.9255 * 100, 1)).toBe("92.6");
    expect(roundAsDisplayed(-2.5, 0)).toBe(-3);
    expect(roundAsDisplayed(1.005, 2)).toBe(1.01);
  });

  it("rounds down when asked, to the decimal below even where the binary value sits a hair under it", () => {
    expect(roundAsDisplayed(39.99995, 4, "down")).toBe(39.9999);
    expect(roundAsDisplayed(0.3, 1, "down")).toBe(0.3); // 0.3 × 10 is 2.9999999999999996 in binary
    expect(roundAsDisplayed(-0.05, 1, "down")).toBe(-0.1);
  });

  it("never moves a value by more than half a step, or, rounding down, by a step or more (property)", () => {
    fc.assert(fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.integer({ min: 0, max: 4 }), (x, d) => {
      const step = 10 ** -d;
      expect(Math.abs(roundAsDisplayed(x, d) - x)).toBeLessThanOrEqual(step / 2 + 1e-9 * Math.max(1, Math.abs(x)));
      const down = roundAsDisplayed(x, d, "down");
      expect(down).toBeLessThanOrEqual(x + 1e-9 * Math.max(1, Math.abs(x)));
      expect(x - down).toBeLessThan(step + 1e-9 * Math.max(1, Math.abs(x)));
    }));
  });
});

describe("formatShortOf", () => {
  it("never shows a value below its target as the target (39.99995 of 40 read '40 / 40' beside MISSED)", () => {
    expect(formatShortOf(39.99995, 40, false)).toBe("39.9999");
    expect(formatShortOf(39.96, 40, false)).toBe("39.96"); // the decimals that tell it from the target
    expect(formatShortOf(26, 27, true)).toBe("26");
  });
});
