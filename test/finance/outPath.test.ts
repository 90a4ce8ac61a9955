import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compareCsvPath } from "../../src/finance/compare/outPath.js";
import { tempDirs } from "../helpers/tempDirs.js";

const tmp = tempDirs("compare-out");

describe("compare --out", () => {
  it("writes the CSV named, gives a new bare name .csv, and keeps a folder as given (refused later)", () => {
    const dir = tmp();
    expect(compareCsvPath(join(dir, "x.csv"))).toBe(join(dir, "x.csv"));
    expect(compareCsvPath(join(dir, "cmp"))).toBe(join(dir, "cmp.csv")); // wrote a file named "cmp"
    mkdirSync(join(dir, "cmpdir"));
    expect(compareCsvPath(join(dir, "cmpdir"))).toBe(join(dir, "cmpdir"));
  });
});
