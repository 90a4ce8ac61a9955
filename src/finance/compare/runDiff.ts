/**
 * How the compared folders were run, where that differs: the same input.yaml planned plainly and
 * with `--confidence 0.9` buys different plans, and "inputs that differ: none" alone read as the
 * same question answered twice. From run.json: the confidence level (plan's `confidence.default_level`;
 * stress's and min-budget's `confidence`) and its calibration, the Monte Carlo mode, draws and seed,
 * the date of the actuals, the solver asked for, and for stress and min-budget which budgets they cut
 * or scale (sources, years, region), the cut levels and min-budget's per-year scales — two stress
 * runs of one scenario differ only there.
 */
import type { InputDifference } from "./inputDiff.js";
import type { ResultsFolder } from "./readFolder.js";

/** Each setting as compare.csv keys it (file run.json) and the text of its value in a folder. */
const SETTINGS: [path: string, value: (run: Record<string, unknown>) => string][] = [
  ["confidence.default_level", (run) => text(field(run, "confidence", "default_level"), "none (plain plan)")],
  ["confidence", (run) => text(typeof run.confidence === "number" ? run.confidence : undefined, "none (plain plan)")],
  ["calibration.draws", (run) => text(field(run, "calibration", "draws"), "none")],
  ["calibration.seed", (run) => text(field(run, "calibration", "seed"), "none")],
  ["selection.sources", (run) => text(field(run, "selection", "sources"), "none")],
  ["selection.from", (run) => text(field(run, "selection", "from"), "none")],
  ["selection.to", (run) => text(field(run, "selection", "to"), "none")],
  ["selection.region", (run) => text(field(run, "selection", "region"), "none")],
  ["cut.levels", (run) => text(field(run, "cut", "levels"), "none")],
  ["per_year", (run) => text(run.per_year, "none")],
  ["monte_carlo.mode", (run) => text(field(run, "monte_carlo", "mode"), "none")],
  ["monte_carlo.draws_used", (run) => text(field(run, "monte_carlo", "draws_used"), "none")],
  ["monte_carlo.seed", (run) => text(field(run, "monte_carlo", "seed"), "none")],
  ["as_of", (run) => text(run.as_of, "none")],
  ["solver.requested", (run) => text(field(run, "solver", "requested"), "auto")],
];

export function diffRuns(folders: ResultsFolder[]): InputDifference[] {
  return SETTINGS.flatMap(([path, value]) => {
    const values = folders.map((f) => value(f.runJson));
    return values.some((v) => v !== values[0]) ? [{ path, values }] : [];
  });
}

function field(run: Record<string, unknown>, section: string, key: string): unknown {
  const s = run[section];
  return s !== null && typeof s === "object" ? (s as Record<string, unknown>)[key] : undefined;
}

function text(value: unknown, absent: string): string {
  return value === undefined || value === null ? absent : typeof value === "object" ? JSON.stringify(value) : String(value);
}
