/**
 * run.json beside the stress, min-budget and frontier outputs: which scenario layers and `--with` overlays
 * were planned, the normalised-input hash, the command's settings and per-level solver status, so
 * a folder says on its own what it is (and `compare` can refuse mixed output versions).
 */
import type { FolderRun } from "../folderRun.js";
import type { Label } from "../format/labels.js";
import { runWarningFields, unitSlipFields } from "../runWarnings.js";
import { ENGINE_VERSION, OUTPUT_VERSION } from "../version.js";
import type { BudgetSelection } from "./selection.js";

export interface FinanceRunJson {
  engine: { name: "renewsim"; version: string; output_version: number };
  command: string;
  scenario: { name: string; file: string; layers: string[]; overlays: string[]; hash: string };
  horizon: { start: number; end: number };
  /** The scenario's `as_of` as written, or null (as in a plan's run.json). */
  as_of: string | null;
  solver: { requested: string };
  /** The budgets the command cuts or scales; null for a command that selects none (frontier). */
  selection: { sources: string[]; from: number | null; from_given: boolean; to: number | null; region: string | null; tail_years: [number, number] | null } | null;
  timings_seconds: Record<string, number>;
  /** How input files were read (e.g. a CSV read as GBK), then what the command noted about its answer. */
  warnings: string[];
  /** The same notes in Chinese, in the same order. */
  warnings_zh: string[];
  /** Notes on budget tables that look typed in the wrong unit (also among `warnings`); absent when none. */
  unit_slips?: string[];
  unit_slips_zh?: string[];
  [detail: string]: unknown;
}

/** Timings are read when this is called: after the command's own stages, before its files. */
export function financeRunJson(
  command: string,
  run: FolderRun,
  selection: BudgetSelection | null,
  solver: string,
  details: Record<string, unknown>,
  notices: readonly Label[] = [],
): FinanceRunJson {
  const { loaded } = run;
  return {
    engine: { name: "renewsim", version: ENGINE_VERSION, output_version: OUTPUT_VERSION },
    command,
    scenario: { name: loaded.scenario.name, file: run.file, layers: loaded.layers, overlays: run.overlays, hash: loaded.hash },
    horizon: loaded.scenario.horizon,
    as_of: loaded.scenario.asOf?.text ?? null,
    solver: { requested: solver },
    selection: selection && { sources: selection.sourceIds, from: selection.from, from_given: selection.fromGiven, to: selection.to, region: selection.region, tail_years: selection.tailYears },
    ...details,
    timings_seconds: Object.fromEntries(Object.entries(run.seconds()).map(([k, v]) => [k, Number(v.toFixed(3))])),
    ...runWarningFields([...loaded.notices, ...notices]),
    ...unitSlipFields(loaded.unitSlips),
  };
}

export function renderJson(value: unknown): string {
  return JSON.stringify(value, null, 2) + "\n";
}
