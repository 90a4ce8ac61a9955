import { describe, expect, it } from "vitest";
import { number, parsePositiveInt, parseSolverOption, parseYearOption } from "../../src/cli/options.js";

describe("shared option parsers", () => {
  it("--from: a four-digit year or nothing", () => {
    expect(parseYearOption(undefined, "--from")).toBeNull();
    expect(parseYearOption(" 2024 ", "--from")).toBe(2024);
    expect(parseYearOption("２０２４", "--from")).toBe(2024); // full-width, as an input method types it
    expect(() => parseYearOption("24", "--from")).toThrow(/--from "24" is not a year/);
  });

  it("--top: a whole number ≥ 1, else the default", () => {
    expect(parsePositiveInt(undefined, "--top", 10)).toBe(10);
    expect(parsePositiveInt("3", "--top", 10)).toBe(3);
    expect(() => parsePositiveInt("0", "--top", 10)).toThrow(/--top must be a whole number ≥ 1/);
    expect(() => parsePositiveInt("2.5", "--top", 10)).toThrow(/got "2.5"/);
  });

  it("--solver: auto (default), highs or jslp", () => {
    expect(parseSolverOption(undefined)).toBe("auto");
    expect(parseSolverOption("jslp")).toBe("jslp");
    expect(() => parseSolverOption("cbc")).toThrow(/--solver must be auto, highs or jslp \(got "cbc"\)/);
  });

  it("numbers as typed, percentages as fractions", () => {
    expect(number("--precision", "1%")).toBeCloseTo(0.01, 15);
    expect(number("--draws", "1e4")).toBe(10000);
    expect(() => number("--draws", "many")).toThrow(/--draws expects a number/);
  });
});
