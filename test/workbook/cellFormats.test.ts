/**
 * Column widths count CJK characters (and those beyond U+FFFF) double, whatever the text; weights
 * and rates keep their decimals (only whole counts show whole).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { columnKind, columnWidth, displayWidth, moneyFormat, numFmt, shownNumber, WHOLE } from "../../src/workbook/cellFormats.js";

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

describe("number formats by column", () => {
  const shown = (column: string, value: number) => numFmt(columnKind(column), value);

  it("shows a target's weight and a rate of households with their decimals, not rounded whole", () => {
    // weight: 1.5 is a valid weight (targets.csv says 1.5); #,##0 showed it as 2.
    expect(shown("weight", 1.5)).toBeUndefined(); // General: the value as stored
    for (const column of ["households_lost_per_100m_yuan", "shadow_price_units_per_slot", "units_per_step"]) {
      expect(shown(column, 0.4), column).toBeUndefined(); // below 1 as stored: one decimal could read 0
      // From 1 up one decimal with thousands grouped (2,437.0, not 2437.0305 beside #,##0 columns).
      expect(shown(column, 2437.0305), column).toBe("#,##0.0");
      expect(shown(column, 1.46), column).toBe("0.00"); // not 1.5 beside a 0.96 shown as stored
    }
  });

  it("still shows whole counts whole and households whole", () => {
    for (const column of ["draws", "rank", "targets", "targets_met", "draw", "targets_reached", "households_lost", "households_started"]) {
      expect(shown(column, 3), column).toBe(WHOLE);
    }
    expect(shown("units_started", 2.5)).toBe("#,##0.0");
    expect(shown("marginal_cost_yuan_per_unit", 2e6)).toMatch(/万元/);
  });

  it("shows a cut level to the hundredth of a percent it may be given in (0.01%, an amount's 33.33%), other shares to a tenth", () => {
    expect(shown("cut", 0.0001)).toBe("0.0#%"); // "0.0%" showed a 0.01 % cut as 0.0 %
    expect(shown("attainment", 0.25)).toBe("0.0%");
    expect(shown("attainment", 0)).toBe("0.0%");
  });

  it("shows a small share that is not 0 with the decimals it needs (a P(met) standard error of 0.04 % read 0.0 %)", () => {
    expect(shown("p_met_se", 0.000433)).toBe("0.00%");
    expect(shown("p_met_se", 0.00004)).toBe("0.000%");
    expect(shown("attainment", 0.0001)).toBe("0.00%");
    expect(shownNumber("share", 0.000433)).toBe("0.04%");
  });

  it("shows stress_summary.csv's P(all targets met) and its standard error as shares, as p_met and p_met_se", () => {
    for (const column of ["p_all_targets_met", "p_all_targets_met_se"]) expect(columnKind(column), column).toBe("share");
  });

  it("never shows a missed target's attainment as 100.0% (0.999505 beside met = FALSE)", () => {
    expect(shown("attainment", 8003 / 8007)).toBe("0.00%");
    expect(shown("attainment", 1)).toBe("0.0%");
    expect(shown("p_met", 0.99996)).toBe("0.000%");
  });
});

describe("money formats", () => {
  it("puts a literal thousands separator where the shown whole part has one (Excel cannot group and scale by 10⁴ at once)", () => {
    expect(moneyFormat("万元", 9_999_000)).toBe('0\\.0,"万元"'); // 999.9万元
    expect(moneyFormat("万元", 9_999_960)).toBe('#\\,##0\\.0,"万元"'); // rounds to 1,000.0万元
    expect(moneyFormat("万元", 960_000_000)).toBe('#\\,##0\\.0,"万元"'); // 96,000.0万元
    expect(moneyFormat("万元", -678_000_000)).toBe('#\\,##0\\.0,"万元"'); // −67,800.0万元: Excel writes the sign
    expect(moneyFormat("万元", 12_345_678_901)).toBe('#\\,###\\,##0\\.0,"万元"'); // 1,234,567.9万元 needs two
    expect(moneyFormat("万元", 12_345_678_901_000)).toBe('#\\,###\\,###\\,##0\\.0,"万元"');
    expect(moneyFormat("亿元", 96_000_000_000)).toBe('0\\.00,,"亿元"'); // 960.00亿元
    expect(moneyFormat("亿元", 123_456_789_012)).toBe('#\\,##0\\.00,,"亿元"'); // 1,234.57亿元
    expect(moneyFormat("万元", 0)).toBe('0\\.0,"万元"');
  });
});

describe("columnWidth", () => {
  it("measures money as the sheet's unit shows it: 343亿 in 万元 is 3,431,600.0万元 (no #### in a column sized for 123,456.7万元)", () => {
    const shown = "3,431,600.0万元";
    expect(columnWidth(["金额"], [34_316_000_000, 5e6], "money", "万元")).toBe(displayWidth(shown) + 2);
    expect(columnWidth(["金额"], [960_000_000], "money", "亿元")).toBe(Math.max(8, displayWidth("9.60亿元") + 2));
    expect(columnWidth(["金额"], [-1_234_567], "money", "万元")).toBe(displayWidth("-123.5万元") + 2);
  });

  it("measures every number as its format shows it: a share as a percentage, counts grouped", () => {
    expect(columnWidth(["户数"], [1_334_900], "households")).toBe(displayWidth("1,334,900") + 2); // not "1334900"
    expect(columnWidth(["p"], [0.123456789], "share")).toBe(8); // "12.3%", not 0.123456789
  });
});

describe("shownNumber", () => {
  it("is the text numFmt's format shows", () => {
    expect(shownNumber("share", 1)).toBe("100.0%");
    expect(shownNumber("share", 0.99996)).toBe("99.996%"); // "0.000%"
    expect(shownNumber("cut", 0.1)).toBe("10.0%");
    expect(shownNumber("cut", 1 / 3)).toBe("33.33%");
    expect(shownNumber("count", 12)).toBe("12");
    expect(shownNumber("count", 1234.56)).toBe("1,234.6");
    expect(shownNumber("households", 1_334_900.4)).toBe("1,334,900");
    expect(shownNumber("money", 123_456_789_012, "亿元")).toBe("1,234.57亿元");
    expect(shownNumber("money", -1_234_567)).toBe("-123.5万元");
    expect(shownNumber("number", 1.5)).toBe("1.5");
    expect(shownNumber("points", 91.9)).toBe("+91.9个百分点"); // held in points (heldNumber)
    expect(shownNumber("points", -0.002)).toBe("-0.002个百分点");
  });
});
