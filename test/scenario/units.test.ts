import { describe, expect, it } from "vitest";
import { parseAmount, parseShare } from "../../src/scenario/units.js";

describe("amounts", () => {
  it.each([
    [1200, 1200],
    ["8.25亿", 825_000_000],
    ["3500万", 35_000_000],
    ["2.7万元", 27_000],
    ["1,200", 1200],
    ["  5000元 ", 5000],
    ["0.5亿元", 50_000_000],
    ["1e3", 1000],
    ["３００万", 3_000_000], // full-width digits, as a Chinese input method types them
    ["１，２００元", 1200],
    ["¥1,234.50", 1234.5], // Excel's currency format
    ["￥3500万", 35_000_000], // full-width yuan sign
    ["-¥5万", -50_000],
    ["¥-1,234.10", -1234.1], // zh-CN Excel's currency format puts the sign after ¥
    ["￥+5", 5],
  ])("%s is %d yuan", (text, yuan) => expect(parseAmount(text)).toBe(yuan));

  it.each(["1,2,3万", "12,34", "1234,567", "1,234,56元", "0.123,456", "1,,234"])("%s: commas that are not thousands separators are not an amount", (text) =>
    expect(parseAmount(text)).toBeNull(),
  );

  it("reads every thousands separator of a long amount, and groups of four as 万 and 亿 group them", () => {
    expect(parseAmount("12,345,678.9元")).toBe(12_345_678.9);
    expect(parseAmount("-1,000万")).toBe(-10_000_000);
    expect(parseAmount("2,0000,0000")).toBe(200_000_000); // a county planner's 2亿
    expect(parseAmount("3500,0000元")).toBe(35_000_000);
    expect(parseAmount("12,3456,789")).toBeNull(); // groups of four, then three
  });

  it.each(["abc", "3500千", "", "万", "¥", "¥¥5", "5¥", "-¥-5", "- 5", true, null, Infinity])("%s is not an amount", (text) =>
    expect(parseAmount(text)).toBeNull(),
  );
});

describe("shares", () => {
  it.each([
    [0.3, 0.3],
    ["30%", 0.3],
    ["0.25", 0.25],
    [" 5 % ", 0.05],
    ["140%", 1.4],
    ["5％", 0.05],
    ["０.３", 0.3],
  ])("%s is %d", (text, share) => expect(parseShare(text)).toBeCloseTo(share, 12));

  it.each(["thirty", "%", "", false])("%s is not a share", (text) => expect(parseShare(text)).toBeNull());
});
