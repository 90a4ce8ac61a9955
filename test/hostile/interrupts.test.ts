/**
 * Family 8: Ctrl-C during Monte Carlo stops the worker threads and exits 130 with nothing written;
 * kill -9 leaves no results folder, and the next run to the same --out succeeds and leaves no
 * temporary behind. The CLI runs on a pseudo-terminal (onTerminal.py), so the progress bar shows when
 * the draws are under way and Ctrl-C is the terminal's own.
 */
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { project, REPO, TOY } from "./helpers.js";

interface PtyRun {
  child: ChildProcessWithoutNullStreams;
  pid: Promise<number>;
  output: () => string;
  /** Resolves once the output contains `text`. */
  waitFor(text: string): Promise<void>;
  exit: Promise<number | null>;
}

function onPty(cwd: string, args: string[]): PtyRun {
  const child = spawn("python3", [join(REPO, "test/hostile/onTerminal.py"), process.execPath, join(REPO, "bin/simulate.js"), ...args], { cwd });
  let out = "";
  const waiters: { text: string; resolve: () => void }[] = [];
  child.stdout.on("data", (d) => {
    out += String(d);
    for (const w of waiters.filter((x) => out.includes(x.text))) w.resolve();
  });
  child.stderr.on("data", (d) => (out += String(d)));
  const waitFor = (text: string) => new Promise<void>((resolve) => (out.includes(text) ? resolve() : waiters.push({ text, resolve })));
  const pid = waitFor("PID ").then(async () => {
    await waitFor("\n");
    return Number(/PID (\d+)/.exec(out)![1]);
  });
  const exit = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
  return { child, pid, output: () => out, waitFor, exit };
}

/** Child processes start slowly on a busy machine: generous limits, no timing in the assertions. */
const BUSY = 180_000;

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("interrupting a Monte Carlo run", () => {
  it("Ctrl-C stops the worker threads, exits 130 and writes nothing", async () => {
    const dir = project({ "s.yaml": TOY });
    const run = onPty(dir, ["s.yaml", "--draws", "1000000", "--workers", "2", "--out", "out"]);
    await run.waitFor("draws ["); // the bar shows only once the worker threads report draws
    run.child.stdin.write("\x03");
    expect(await run.exit).toBe(130);
    expect(run.output()).toContain("interrupted: the run was stopped (Ctrl-C) and nothing was written");
    expect(run.output()).not.toMatch(/\n\s+at /);
    expect(isRunning(await run.pid)).toBe(false);
    expect(readdirSync(dir)).toEqual(["s.yaml"]);
  }, BUSY);

  it("Ctrl-C with the draws in this thread (--workers 1) stops as well", async () => {
    const dir = project({ "s.yaml": TOY });
    const run = onPty(dir, ["s.yaml", "--draws", "1000000", "--workers", "1", "--out", "out"]);
    await run.waitFor("draws [");
    run.child.stdin.write("\x03");
    expect(await run.exit).toBe(130);
    expect(readdirSync(dir)).toEqual(["s.yaml"]);
  }, BUSY);

  it("kill -9 leaves no results folder; the next run to the same --out writes it completely", async () => {
    const dir = project({ "s.yaml": TOY });
    const run = onPty(dir, ["s.yaml", "--draws", "1000000", "--workers", "2", "--out", "out"]);
    await run.waitFor("draws [");
    process.kill(await run.pid, "SIGKILL");
    await run.exit;
    expect(existsSync(join(dir, "out"))).toBe(false);
    const again = onPty(dir, ["s.yaml", "--draws", "2000", "--workers", "2", "--out", "out", "--quiet"]);
    expect(await again.exit).toBe(0);
    const manifest = JSON.parse(readFileSync(join(dir, "out", ".renewsim-results.json"), "utf8"));
    expect(readdirSync(join(dir, "out")).sort()).toEqual([".renewsim-results.json", ...manifest.files].sort());
    expect(readdirSync(dir).sort()).toEqual(["out", "s.yaml"]);
  }, BUSY);
});
