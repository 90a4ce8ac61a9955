/**
 * Families 6 and 7: non-finite and out-of-range numbers, malformed CSV quoting, multi-document
 * YAML, tags — each one bad-input message with its YAML path and line (exit 2), none an internal
 * error or a solver failure.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectRefused, project, runIn, TOY } from "./helpers.js";

/** [variant, replace in TOY, by, expected message fragment, line] */
const NUMBERS: [string, string, string, RegExp, number][] = [
  [".nan stock", "{region: a, stock: 100}", "{region: a, stock: .nan}", /programs\[0\]\.by_region\[0\]\.stock: \.nan \(not a number\)/, 23],
  [".NaN weight", "at_least: 45, kind: soft}", "at_least: 45, kind: soft, weight: .NaN}", /targets\[1\]\.weight: \.nan/, 35],
  [".inf budget", 'per_year: "6000万"', "per_year: .inf", /budgets\[0\]\.per_year: \.inf is infinite/, 31],
  ["-.inf escalation", '    unit_cost: "100万"', '    unit_cost: "100万"\n    escalation: -.Inf', /escalation: -\.inf is infinite/, 21],
  ["1e400 target", "at_least: 50, kind: soft}\n  - {id: b-45", "at_least: 1e400, kind: soft}\n  - {id: b-45", /targets\[0\]\.at_least: 1e400 is too large to hold as a number/, 34],
  ['"1e400" amount string', 'per_year: "6000万"', 'per_year: "1e400"', /"1e400" is more than the largest amount accepted, 1e15 yuan/, 31],
  ['"1e400万" amount', 'per_year: "1亿"', 'per_year: "1e400万"', /"1e400万" is more than the largest amount accepted/, 32],
  ["absurd at_least 1e12", "at_least: 45, kind: soft}", "at_least: 1e12, kind: soft}", /at_least: 1000000000000 is above the largest accepted value, 1,000,000,000/, 35],
  ["target 10× the stock", "at_least: 45, kind: soft}", "at_least: 5000, kind: soft}", /at_least 5000 is more than ten times all the target can count \(100 units/, 35],
  ["absurd absolute_tolerance", "targets:", "objective: {absolute_tolerance: 0.5}\ntargets:", /objective\.absolute_tolerance: 0\.5 is above the largest accepted value, 0\.001/, 33],
  ["absurd households_per_unit", "{region: a, stock: 100}", "{region: a, stock: 100, households_per_unit: 1e300}", /households_per_unit: 1e\+300 is above the largest accepted value, 1,000,000/, 23],
  ["absurd time limit", "targets:", "objective: {time_limit_seconds: 1e12}\ntargets:", /time_limit_seconds: 1000000000000 is above the largest accepted value/, 33],
  ["seed beyond 2^53", "uncertainty:", "seed: 1e300\nuncertainty:", /seed: 1e\+300 is above the largest accepted value, 9,007,199,254,740,991/, 37],
  ["60,000 budget inside {…}", 'per_year: "6000万"', "per_year: 60,000", /budgets\[0\]\.per_year: 60,000 inside \{…\} is read as 60 and a stray key "000" .*quote it \("60,000"\) or write 60000/, 31],
  ["1,000 stock inside {…}", "{region: a, stock: 100}", "{region: a, stock: 1,000}", /programs\[0\]\.by_region\[0\]\.stock: 1,000 inside \{…\} is read as 1 and a stray key "000"/, 23],
  ["uncertainty .nan parameter", "{type: uniform, min: 0.8, max: 1.6}", "{type: uniform, min: .nan, max: 1.6}", /uncertainty\.inputs\[0\]\.dist\.min: \.nan \(not a number\)/, 43],
];

describe("numbers", () => {
  it.each(NUMBERS)("%s", async (_name, from, to, message, line) => {
    expect(TOY).toContain(from);
    const dir = project({ "s.yaml": TOY.replace(from, to) });
    for (const args of [["validate", "s.yaml"], ["s.yaml", "--out", "out", "--quiet"], ["s.yaml", "--draws", "100", "--out", "out", "--quiet"]]) {
      const r = await runIn(dir, ...args);
      expectRefused(r, 2, message);
      expect(r.stderr).toContain(`s.yaml line ${line})`);
      expect(r.stderr).not.toMatch(/got null|solver failure/);
    }
  });

  it("a number with a thousands comma inside {…} writes nothing", async () => {
    const dir = project({ "s.yaml": TOY.replace('per_year: "6000万"', "per_year: 60,000") });
    const r = await runIn(dir, "s.yaml", "--out", "out", "--quiet");
    expectRefused(r, 2, /is read as 60 and a stray key "000"/);
    expect(existsSync(join(dir, "out"))).toBe(false);
  });

  it("numbers in CSV tables get the same messages at their row", async () => {
    const yaml = TOY.replace("      - {region: a, stock: 100}\n      - {region: b, stock: 100}", "      - {file: leaves.csv}");
    for (const [cell, message] of [["1e400", /stock: 1e400 is too large to hold as a number/], ["NaN", /expected a number, got "NaN"/], ["1e12", /above the largest accepted value/]] as const) {
      const dir = project({ "s.yaml": yaml, "leaves.csv": `region,stock\na,100\nb,${cell}\n` });
      const r = await runIn(dir, "validate", "s.yaml");
      expectRefused(r, 2, message);
      expect(r.stderr).toContain("leaves.csv line 3)");
    }
  });
});

describe("syntax that is not a plain scenario", () => {
  const cases: [string, string, RegExp, number][] = [
    ["two YAML documents", `${TOY}---\nname: second\n`, /more than one YAML document.*remove the `---` line/, 48],
    ["three documents, the first empty", `---\n---\n${TOY}`, /more than one YAML document/, 2],
    ["!!binary", TOY.replace("name: mc-toy", "name: !!binary bWMtdG95"), /name: the YAML tag !!binary is not used in scenario files/, 10],
    ["!!set", TOY.replace("seed: 7", "seed: !!set {7}"), /uncertainty\.seed: the YAML tag !!set/, 38],
    ["!!timestamp", TOY.replace("by: 2021, at_least: 50", "by: !!timestamp 2021-01-01, at_least: 50"), /the YAML tag !!timestamp/, 34],
    ["!!omap", TOY.replace("horizon: {start: 2021, end: 2021}", "horizon: !!omap [{start: 2021}, {end: 2021}]"), /horizon: the YAML tag !!omap/, 11],
    ["a custom tag", TOY.replace("unit: community", "unit: !python/object:os.system rm"), /the YAML tag !python\/object:os\.system/, 19],
    ["a list as a mapping key", TOY.replace("currency", "currency").replace("name: mc-toy", "name: mc-toy\n[a, b]: 1"), /a mapping key must be plain text/, 11],
    ["a duplicate key", TOY.replace("name: mc-toy", "name: mc-toy\nname: again"), /Map keys must be unique/, 11],
  ];
  it.each(cases)("%s", async (_name, yaml, message, line) => {
    const dir = project({ "s.yaml": yaml });
    const r = await runIn(dir, "validate", "s.yaml");
    expectRefused(r, 2, message);
    expect(r.stderr).toContain(`s.yaml line ${line})`);
    expect(r.stderr).not.toMatch(/parseAllDocuments|got a mapping/);
  });

  const quoting: [string, string, number][] = [
    ["an unclosed quote", 'region,stock\na,100\n"b,100\n', 3],
    ["text after a closing quote", 'region,stock\na,"10"0\nb,100\n', 2],
    ["a quote in the header", 'region,"stock\na,100\n', 1],
    ["a stray quote after an escaped one", 'region,stock\na,100\nb,"1""0"0\n', 3],
  ];
  it.each(quoting)("malformed CSV quoting: %s", async (_name, csv, line) => {
    const yaml = TOY.replace("      - {region: a, stock: 100}\n      - {region: b, stock: 100}", "      - {file: leaves.csv}");
    const dir = project({ "s.yaml": yaml, "leaves.csv": csv });
    for (const args of [["validate", "s.yaml"], ["s.yaml", "--out", "out"]]) {
      const r = await runIn(dir, ...args);
      expectRefused(r, 2, /malformed quoting/);
      expect(r.stderr).toContain(`leaves.csv line ${line})`);
    }
  });
});
