/**
 * Helpers for the hostile-input tests: a scratch project folder per test, the CLI run in-process
 * from inside it (so `--out .` and `..` point into scratch space, never at the repository), and
 * the checks every refused input must pass: the documented exit code and no stack trace.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { expect } from "vitest";
import { type CliRun, runCli } from "../cli/run.js";

export const REPO = resolve(".");
export const TOY = readFileSync(join(REPO, "test/fixtures/mc/toy.yaml"), "utf8");

/** A fresh folder `<tmp>/work/project` holding `files`; returns the project folder. */
export function project(files: Record<string, string | Buffer> = {}): string {
  const root = mkdtempSync(join(tmpdir(), "renewsim-hostile-"));
  const dir = join(root, "work", "project");
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

/** Runs `simulate …` with `cwd` as the working folder. */
export async function runIn(cwd: string, ...args: string[]): Promise<CliRun> {
  const before = process.cwd();
  process.chdir(cwd);
  try {
    return await runCli(...args);
  } finally {
    process.chdir(before);
  }
}

/** The run failed with `code`, said something matching `message`, and printed no stack trace. */
export function expectRefused(r: CliRun, code: number, message?: RegExp | string): void {
  expect(r.code, r.stderr).toBe(code);
  expect(r.stderr).not.toMatch(/\n\s+at \S+ \(|internal error/);
  if (message) expect(r.stderr).toMatch(message);
}
