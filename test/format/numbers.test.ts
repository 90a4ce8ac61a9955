/** Numbers as people read them: 万元/亿元 with separators, whole units, one-decimal percentages. */
import { describe, expect, it } from "vitest";
import { countsWholeUnits, formatChange, formatCount, formatMoney, formatMoneyApart, formatPercent, formatPercentBelow, formatPointChange, formatProbability, formatRange, probabilityNote, formatScore, formatShortOf, formatTargetRange, grouped, moneyUnitFor } from "../../src/format/numbers.js";

describe("formatMoney", () => {
  it("uses 亿元 from 1亿, 万元 from 1万, with thousands separators and at most two decimals", () => {
    expect(formatMoney(825_000_000)).toBe("8.25亿元");
    expect(formatMoney(35_000_000)).toBe("3,500万元");
    expect(formatMoney(1_234_567_890_000)).toBe("12,345.68亿元");
    expect(formatMoney(38_339_996_166.02)).toBe("383.4亿元");
    expect(formatMoney(950)).toBe("950元");
    expect(formatMoney(-50_000_000)).toBe("-5,000万元");
    expect(formatMoney(Number.NaN)).toBe("—");
  });

  it("tells apart a before and an after that differ, where two decimals read the same", () => {
    expect(formatMoneyApart([128_000_000, 128_200_000])).toEqual(["1.280亿元", "1.282亿元"]);
    expect(formatMoneyApart([127_996_000, 128_016_000])).toEqual(["1.2800亿元", "1.2802亿元"]);
    expect(formatMoneyApart([105_600_000, 105_680_000])).toEqual(["1.056亿元", "1.057亿元"]);
    expect(formatMoneyApart([86_400_000, 86_400_040])).toEqual(["8,640.000万元", "8,640.004万元"]);
    expect(formatMoneyApart([100_000_000, 100_000_001])).toEqual(["1.00000000亿元", "1.00000001亿元"]); // down to the yuan
    // As formatMoney where they read apart, or differ by under a yuan (the change itself says so).
    expect(formatMoneyApart([320_000_000, 331_200_000])).toEqual(["3.2亿元", "3.31亿元"]);
    expect(formatMoneyApart([105_600_000, 105_600_000.4])).toEqual(["1.06亿元", "1.06亿元"]);
    expect(formatMoneyApart([950, 950.3, Number.NaN])).toEqual(["950元", "950.3元", "—"]);
    // Only the neighbours that read alike get the digits.
    expect(formatMoneyApart([3e8, 128_000_000, 128_200_000])).toEqual(["3亿元", "1.280亿元", "1.282亿元"]);
  });

  it("picks one unit for a set of amounts", () => {
    expect(moneyUnitFor([5e7, 2e8])).toBe("亿元");
    expect(moneyUnitFor([5e7, -9e7])).toBe("万元");
  });
});

describe("counts, percentages and ranges", () => {
  it("shows whole units for integer programmes and households, one decimal otherwise", () => {
    expect(formatCount(487.373757, false)).toBe("487.4");
    expect(formatCount(1_419_999.858, true)).toBe("1,420,000");
    expect(formatCount(8007, true)).toBe("8,007");
    expect(formatCount(-0.04, false)).toBe("0");
  });

  it("writes a share's change in percentage points, with its sign and in either language", () => {
    expect(formatPointChange(0.919)).toBe("+91.9 pp");
    expect(formatPointChange(-0.2, "zh")).toBe("−20个百分点");
    expect(formatPointChange(-0.00087)).toBe("−0.087 pp"); // never "−0.1" nor "−0.0"
    expect(formatPointChange(0)).toBe("+0 pp");
  });

  it("keeps each call's own decimals when calls with different decimals alternate", () => {
    const calls = [() => formatCount(1234.56, true), () => formatCount(1234.56, false), () => formatMoney(123_456_789), () => formatRange(0.81234, 0.83456)];
    const once = calls.map((c) => c());
    expect(once).toEqual(["1,235", "1,234.6", "1.23亿元", "0.812–0.835"]);
    expect([...calls].reverse().map((c) => c()).reverse()).toEqual(once);
  });

  it("gives percentages one decimal", () => {
    expect(formatPercent(0.1234)).toBe("12.3%");
    expect(formatPercent(1.000029)).toBe("100.0%");
    // A miss never reads 100.0 %: 4 of 8,007 communities short is 99.95 %.
    expect(formatPercent(8003 / 8007)).toBe("99.95%");
    expect(formatPercent(0.99996)).toBe("99.996%");
    expect(formatPercent(0.9999999)).toBe("100.0%"); // solver tolerance, not a miss
    expect(formatPercent(1 - 8e-7)).toBe("100.0%"); // counted met (MET_TOLERANCE 1e-6): no 99.9999%
    expect(formatPercent(0.9994)).toBe("99.9%");
    // "±" is one standard error, and says so: read bare, leadership took it for a 95 % margin.
    expect(formatProbability(0.931, 0.0081)).toBe("93.1% ± 0.8% (1 s.e.)");
    expect(formatProbability(0.122, 0.005, 4000, "zh")).toBe("12.2% ± 0.5%（1个标准误）");
    expect(formatProbability(0.122, 0.005, 4000, "en", false)).toBe("12.2% ± 0.5%"); // a cell whose heading says it
    expect(probabilityNote(0.122, 0.005, 4000, "zh")).toBe(" ± 0.5%（1个标准误）"); // after a key figure's number
    expect(probabilityNote(0, 0, 4000, "zh")).toBe("（95%置信上限 0.075%）"); // Chinese in the Chinese view
    // No draw, or every draw, met it: "± 0.0%" would read as certainty; the exact one-sided 95 %
    // bound 1 − 0.05^(1/n) is shown when the draws are known (≈ 3/n: 0.15 % of 2,000).
    expect(formatProbability(0, 0, 2000)).toBe("0.0% (≤ 0.15% at 95%)");
    expect(formatProbability(0, 0, 20_000)).toBe("0.0% (≤ 0.015% at 95%)");
    expect(formatProbability(1, 0, 20)).toBe("100.0% (≥ 86.0% at 95%)"); // 86.09 %, rounded down so it still holds
    expect(Math.pow(0.8609, 20)).toBeCloseTo(0.05, 3); // at P = 86.09 %, 20 draws all met have a 5 % chance
    expect(formatProbability(0, 0)).toBe("0.0% ± 0.0% (1 s.e.)"); // draws unknown
    expect(formatProbability(0, 0, 2000, "zh")).toBe("0.0%（95%置信上限 0.15%）"); // a Chinese chart title
    expect(formatProbability(0.5, 0.01, 2000)).toBe("50.0% ± 1.0% (1 s.e.)");
    // Not 0 or 1, with a standard error under 0.05 %: "± 0.0%" read as certainty (stress: 99.9% ± 0.0%).
    expect(formatProbability(0.99925, 0.000433, 4000)).toBe("99.9% ± <0.1% (1 s.e.)");
    expect(formatProbability(0.99925, 0.000433, 4000, "zh")).toBe("99.9% ± <0.1%（1个标准误）");
    expect(formatProbability(0.99875, 0.000559, 4000)).toBe("99.9% ± 0.1% (1 s.e.)"); // rounds to 0.1 %: as it reads
  });

  it("shows a missed target's planned value with the decimals that tell it from the target", () => {
    expect(formatShortOf(39.9996, 40, true)).toBe("39.9996"); // "40 / 40 … MISSED" before
    expect(formatShortOf(39.96, 40, false)).toBe("39.96");
    expect(formatShortOf(35.2, 40, true)).toBe("35");
    expect(formatShortOf(1_419_959.14, 1_420_000, true)).toBe("1,419,959");
  });

  it("shows a share below a level so that it does not read as the level", () => {
    expect(formatPercentBelow(0.899744, 0.9)).toBe("89.97%"); // "90.0%" beside a level of 90.0 %
    expect(formatPercentBelow(0.8987, 0.9)).toBe("89.9%");
    expect(formatPercentBelow(0.8999996, 0.9)).toBe("89.9999%");
    expect(formatPercentBelow(0.95, 0.9)).toBe("95.0%"); // not below: as formatPercent
  });

  it("shows a whole-unit target's P10–P90 in whole units, rounded down; any other at formatRange's precision", () => {
    expect(formatTargetRange(9.9, 11.1, true)).toBe("9–11"); // type 7 between draws of 9 and 10, 11 and 12 villages
    expect(formatTargetRange(11, 14, true)).toBe("11–14");
    expect(formatTargetRange(11.97, 11.97, true)).toBe("11–11"); // replan's LP: 11.97 villages is not 12
    expect(formatTargetRange(10.9999999, 12.0000001, true)).toBe("11–12"); // within 10⁻⁶ of a whole number
    expect(formatTargetRange(Number.NaN, Number.NaN, true)).toBe("—");
    expect(formatTargetRange(9.9, 11.1, false)).toBe(formatRange(9.9, 11.1));
    expect([countsWholeUnits("started", true), countsWholeUnits("households_started", true), countsWholeUnits("started", false)]).toEqual([true, false, false]);
  });

  it("shows P10–P90 at the precision its width warrants", () => {
    expect(formatRange(6861.4015, 7511.4122)).toBe("6,861–7,511");
    expect(formatRange(0.81234, 0.83456)).toBe("0.812–0.835");
    expect(formatRange(12.345, 14.9)).toBe("12.3–14.9");
    expect(formatRange(1216988.3861, 1335532.3986, true)).toBe("1,216,988–1,335,532");
    expect(formatRange(4.7001, 5.4812)).toBe("4.70–5.48"); // both ends to the same decimals
    expect(formatRange(7.9, 9)).toBe("7.9–9.0");
    expect(formatRange(5.9999, 6)).toBe("5.9999–6.00"); // no more than two padded decimals
    expect(formatRange(Number.NaN, Number.NaN)).toBe("—"); // missing is not 0
    // No width: the value itself, not rounded to whole units (0.9–0.9 read "1–1" beside a target of 1).
    expect(formatRange(0.9, 0.9)).toBe("0.9–0.9");
    expect(formatRange(1234.5678, 1234.5678)).toBe("1,235–1,235");
    expect(formatRange(12, 12)).toBe("12–12");
  });
});

describe("formatChange", () => {
  it("writes a change with one sign, never '+-'", () => {
    expect(formatChange(-0.32534)).toBe("−0.3253");
    expect(formatChange(46.58321)).toBe("+46.5832");
    expect(formatChange(46.58321, 3)).toBe("+46.6");
    expect(formatChange(11_234.5, 3)).toBe("+11,200");
    expect(formatChange(-0.00001)).toBe("+0"); // nothing to print: no minus before a zero
  });
});

describe("formatScore", () => {
  it("gives a weighted shortfall three decimals, or its two significant digits when it would read 0.000", () => {
    expect(formatScore(0)).toBe("0.000");
    expect(formatScore(0.017197831)).toBe("0.017");
    expect(formatScore(0.000028777)).toBe("0.000029");
    expect(formatScore(0.000999)).toBe("0.0010");
    expect(formatScore(1.2e-9)).toBe("0.0000000012");
  });
});

describe("rounding as the workbook displays", () => {
  // The workbook stores the number with a format (0.0%, #,##0.00) and Excel/WPS round its decimal
  // form half up; toFixed rounds the binary value (0.9255 × 100 = 92.5499999…) — an analyst read
  // 92.5 % in the report and 92.6 % in the workbook for one P(met).
  it("rounds a half in the decimal form up, as Excel does", () => {
    expect(formatPercent(0.9255)).toBe("92.6%");
    expect(formatPercent(0.8965)).toBe("89.7%");
    expect(formatProbability(0.9255, 0.006, 2000)).toMatch(/^92\.6% ± /);
    expect(grouped(1.005, 2)).toBe("1.01");
    expect(formatMoney(1.005e8)).toBe("1.01亿元");
  });

  it("keeps what was right: halves below, negative values and zero", () => {
    expect(formatPercent(0.92549)).toBe("92.5%");
    expect(formatPercent(0.9999)).toBe("99.99%");
    expect(grouped(-2.5, 0)).toBe("-3");
    expect(grouped(-0.0004, 3)).toBe("0");
  });
});
