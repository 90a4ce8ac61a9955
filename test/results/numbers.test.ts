/** The reporting tolerance: solver noise is written as exact zeros; shares are taken of reported values. */
import { describe, expect, it } from "vitest";
import { reportYuan, roundUnits, shareOf } from "../../src/results/numbers.js";
import { REPORT_TOLERANCE } from "../../src/results/tolerance.js";

describe("reporting tolerance", () => {
  it("writes amounts under one yuan as 0 and keeps the fen above it", () => {
    expect(REPORT_TOLERANCE.yuan).toBe(1);
    expect(reportYuan(4e-9)).toBe(0); // 0.00004 yuan of noise (model amounts are 万元)
    expect(reportYuan(-9e-5)).toBe(0);
    expect(reportYuan(1.2345678)).toBe(12345.68);
    expect(Object.is(reportYuan(-1e-7), 0)).toBe(true); // no "-0"
  });

  it("writes counts under a millionth as 0, whole units for integer programmes", () => {
    expect(roundUnits(7e-7, false)).toBe(0);
    expect(roundUnits(2.0000004, false)).toBe(2);
    expect(roundUnits(1.234567891, false)).toBe(1.234568);
    expect(roundUnits(2.6, true)).toBe(3);
  });

  it("gives no share of a cost that reads 0", () => {
    expect(shareOf(0, 0)).toBe(0);
    expect(shareOf(40, 100)).toBe(0.4);
    expect(shareOf(reportYuan(4e-9), reportYuan(1e-8))).toBe(0);
  });
});
