/**
 * min-budget --confidence's progress where stderr is not a terminal (a script's log): one plain
 * line per scale tried, so a long search shows it is working; none with --quiet.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { trialProgress } from "../../src/cli/confidenceOptions.js";
import { runCli } from "./run.js";

const BUDGET = "test/fixtures/confidence/budget.yaml";
const TRIAL = /^min-budget: λ = \d+\.\d{4}( \((relaxation|whole units)\))?: (reached|not reached)$/;
let tmp: string;
const wasTTY = process.stderr.isTTY;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "renewsim-mb-progress-"));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
afterEach(() => {
  process.stderr.isTTY = wasTTY;
});

const run = (out: string, ...extra: string[]) =>
  runCli("min-budget", BUDGET, "--source", "government", "--confidence", "0.9", "--calibration-draws", "1000", "--out", join(tmp, out), ...extra);

describe("min-budget --confidence progress on a non-terminal stderr", () => {
  it("prints one plain line per scale tried, none of the terminal's lines", async () => {
    process.stderr.isTTY = false;
    const r = await run("log");
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines.length).toBeGreaterThan(3); // λ₀, the 25 % steps and the bisection
    for (const line of lines) expect(line).toMatch(TRIAL);
    expect(lines.some((l) => l.endsWith(": reached"))).toBe(true);
    expect(lines.some((l) => l.endsWith(": not reached"))).toBe(true);
    expect(r.stderr).not.toContain("calibrating margins");
    expect(r.stderr).not.toContain("\r");
  });

  it("prints nothing with --quiet", async () => {
    process.stderr.isTTY = false;
    const r = await run("quiet", "--quiet");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("");
  });
});

describe("trialProgress", () => {
  it("names the plan that judged the scale in a log, and keeps the terminal's line", () => {
    const lines: string[] = [];
    const err = vi.spyOn(process.stderr, "write").mockImplementation((s: string | Uint8Array) => lines.push(String(s)) > 0);
    try {
      trialProgress(false)(1.25, false, "relaxation");
      trialProgress(false)(1.5625, true, "whole units");
      trialProgress(false)(0.8, true, "lp");
      trialProgress(true)(1.25, false, "relaxation");
    } finally {
      err.mockRestore();
    }
    expect(lines).toEqual([
      "min-budget: λ = 1.2500 (relaxation): not reached\n",
      "min-budget: λ = 1.5625 (whole units): reached\n",
      "min-budget: λ = 0.8000: reached\n",
      "scale 1.2500: falls short of the level\n",
    ]);
  });
});
