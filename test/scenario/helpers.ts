/** Helpers for scenario tests: scenarios written to a temp dir, problems looked up by path. */
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { expect } from "vitest";
import { loadScenario, ScenarioError, type LoadOptions } from "../../src/scenario/index.js";

/** A small valid scenario; bad-input tests patch it with `replace`. */
export const BASE = `name: t
horizon: {start: 2021, end: 2025}
regions:
  - {id: gd}
  - {id: gz, parent: gd}
  - {id: sz, parent: gd}
programs:
  - id: retrofit
    unit_cost: 3000000
    spend_profile: [0.6, 0.4]
    by_region:
      - {region: gz, stock: 100}
      - {region: sz, stock: 80}
    shares:
      central: {max: 0.5}
      city: {min: 0.2}
      residents: {max: 0.1, cap_per_household: 2000}
sources:
  - id: central
    kind: government
    budgets:
      - {region: gd, per_year: "3亿"}
  - id: city
    kind: government
  - id: residents
    kind: resident
targets:
  - {id: t1, program: retrofit, region: gd, metric: started, by: 2025, at_least: 150}
`;

/** Writes files (relative path → text) into a fresh temp dir and returns its path. */
export function writeFiles(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "renewsim-scenario-"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/** Patches BASE: each [from, to] replaces one exact, existing snippet. */
export function patch(...edits: [string, string][]): string {
  let text = BASE;
  for (const [from, to] of edits) {
    if (!text.includes(from)) throw new Error(`test bug: "${from}" not in BASE`);
    text = text.replace(from, to);
  }
  return text;
}

/** 1-based line of the first line of `text` containing `marker`. */
export function lineOf(text: string, marker: string): number {
  const i = text.split("\n").findIndex((l) => l.includes(marker));
  if (i < 0) throw new Error(`test bug: "${marker}" not found`);
  return i + 1;
}

/** Loads expecting failure; returns the ScenarioError. */
export function loadError(file: string, options?: LoadOptions): ScenarioError {
  try {
    loadScenario(file, options);
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    return e as ScenarioError;
  }
  throw new Error("expected the scenario to be rejected");
}

/** Loads a single-file scenario given as text, expecting failure. */
export function errorFor(yaml: string, extra: Record<string, string> = {}): { error: ScenarioError; file: string } {
  const dir = writeFiles({ "s.yaml": yaml, ...extra });
  const file = join(dir, "s.yaml");
  return { error: loadError(file), file };
}

/**
 * Asserts the error lists a problem at `path` on `line` of a file named `fileName`, in both the
 * structured problems and the message, and returns that problem's message line.
 */
export function expectProblem(error: ScenarioError, path: string, line: number | null, fileName = "s.yaml", text?: string): string {
  const where = line === null ? `${fileName})` : `${fileName} line ${line})`;
  const found = error.message.split("\n").find((l) => (path === "" || l.startsWith(`${path}: `)) && l.endsWith(where) && (!text || l.includes(text)));
  expect(found, `no problem "${path}" at ${where}${text ? ` mentioning "${text}"` : ""} in:\n${error.message}`).toBeDefined();
  const p = error.problems.find((q) => q.path === path && q.line === line && q.file.endsWith(fileName));
  expect(p).toBeDefined();
  return found!;
}
