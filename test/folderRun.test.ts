import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FolderRun } from "../src/folderRun.js";
import { OutputExistsError } from "../src/output/writeFolder.js";
import { tempDirs } from "./helpers/tempDirs.js";

const BUDGET = "test/fixtures/confidence/budget.yaml";
const tmp = tempDirs("folderrun");

describe("FolderRun: the frame of every folder-writing command", () => {
  it("names the default folder after the scenario and the command's suffix, and writes nothing until asked", () => {
    const run = FolderRun.open(BUDGET, {}, "-stress");
    expect(run.outDir).toBe("results/confidence-budget-stress");
    expect(existsSync(run.outDir!)).toBe(false);
    expect(run.loaded.scenario.name).toBe("confidence-budget");
  });

  it("a dry run chooses no folder and refuses to write one", () => {
    const run = FolderRun.open(BUDGET, { dryRun: true, out: join(tmp(), "never") });
    expect(run.outDir).toBeNull();
    expect(() => run.write({ "a.csv": "x\n" })).toThrow(/dry run/);
  });

  it("refuses a folder it may not replace right after loading, before the command's work", () => {
    const out = tmp();
    writeFileSync(join(out, "someone-elses.txt"), "keep me");
    const loaded: string[] = [];
    expect(() => FolderRun.open(BUDGET, { out, onLoaded: (l) => loaded.push(l.scenario.name) })).toThrow(OutputExistsError);
    expect(loaded).toEqual(["confidence-budget"]); // the loader's notes can be shown before the refusal
    expect(readFileSync(join(out, "someone-elses.txt"), "utf8")).toBe("keep me");
  });

  it("writes the files into --out and times loading apart from the command's own stages", () => {
    const out = join(tmp(), "folder");
    const run = FolderRun.open(BUDGET, { out });
    const seconds = run.seconds();
    expect(seconds.load).toBeGreaterThan(0);
    expect(seconds.solve).toBeGreaterThanOrEqual(0);
    const written = run.write({ "a.csv": "x\n" });
    expect(written).toBe(out);
    expect(readFileSync(join(out, "a.csv"), "utf8")).toBe("x\n");
  });
});
