/**
 * What the report and the workbook know about the run besides its tables: the kind of folder,
 * the scenario's name and horizon, and the run.json record (absent for compare).
 */
import { parse as parseYaml } from "yaml";
import { type Label, targetUnitLabel } from "../format/labels.js";
import { countsWholeUnits } from "../format/numbers.js";
import { resultTables, type ResultTable } from "../output/resultTables.js";
import { overlayFileNames, scenarioWithOverlays } from "../format/scenarioTitle.js";
import { flagValue } from "../scenario/flag.js";

export type ReportKind = "plan" | "merge" | "stress" | "frontier" | "compare" | "min-budget";

export interface RunContext {
  kind: ReportKind;
  scenarioName: string;
  horizon: { start: number; end: number } | null;
  /** run.json as written (plan, merge, stress, min-budget), or what the caller supplies. */
  runJson: Record<string, unknown>;
  /** input.yaml parsed, when the folder has one (regions for progress by year). */
  readonly input: Record<string, unknown> | null;
  tables: Map<string, ResultTable>;
}

/** What the report thread is sent (and the workbook made from): a folder's files and how to read them. */
export interface FolderRequest {
  kind: ReportKind;
  files: Record<string, string>;
  runInfo?: Record<string, unknown>;
}

export function runContext(kind: ReportKind, files: Record<string, string | Uint8Array>, extra: Record<string, unknown> = {}): RunContext {
  const runText = files["run.json"];
  const runJson = { ...(typeof runText === "string" ? (JSON.parse(runText) as Record<string, unknown>) : {}), ...extra };
  const inputText = files["input.yaml"];
  // Parsed on first use: only the charts and the workbook's whole-unit targets read it, and parsing
  // a province's input.yaml takes longer than writing the workbook's summary sheet.
  let input: Record<string, unknown> | null | undefined;
  const parsedInput = () => (input ??= typeof inputText === "string" ? parseInput(inputText) : null);
  const scenario = (runJson.scenario ?? {}) as { name?: string };
  const horizon = (runJson.horizon ?? null) as RunContext["horizon"];
  return {
    kind,
    scenarioName: scenario.name ?? String(parsedInput()?.name ?? ""),
    horizon,
    runJson,
    get input() {
      return parsedInput();
    },
    tables: new Map(resultTables(files).map((t) => [t.file, t])),
  };
}

/** The file names of the overlays (`--with`) the run was planned with (run.json `scenario.overlays`); none for compare. */
export function overlayFiles(ctx: RunContext): string[] {
  return overlayFileNames((ctx.runJson.scenario as { overlays?: unknown } | undefined)?.overlays);
}

/** The scenario as a title names it, with its overlays: the plan with a cut and the plan without read alike otherwise. */
export function scenarioTitle(ctx: RunContext): string {
  return scenarioWithOverlays(ctx.scenarioName, overlayFiles(ctx));
}

/** The draws P(met) was estimated on (run.json: a plan's Monte Carlo, or a frontier's validation). */
export function mcDraws(ctx: RunContext): number | undefined {
  const { monte_carlo: mc, validation } = ctx.runJson as { monte_carlo?: { draws_used?: unknown; draws?: unknown }; validation?: { draws?: unknown } };
  const draws = mc?.draws_used ?? mc?.draws ?? validation?.draws;
  return typeof draws === "number" ? draws : undefined;
}

/**
 * run.json's warnings: the scenario's notices (a year without a budget is unlimited money, a file
 * read as GBK …) and the solver's. They change what the numbers mean, so the report and the
 * workbook show them too, not only run.json and the terminal: `warnings_zh` in Chinese beside
 * `warnings`, or the English again for a folder written before run.json had `warnings_zh`.
 */
export function runWarnings(ctx: RunContext): Label[] {
  const { warnings, warnings_zh: zh } = ctx.runJson;
  if (!Array.isArray(warnings)) return [];
  const aligned = Array.isArray(zh) && zh.length === warnings.length;
  const out: Label[] = [];
  warnings.forEach((en, i) => {
    if (typeof en !== "string" || en === "") return;
    const z = aligned ? zh[i] : undefined;
    out.push({ en, zh: typeof z === "string" && z !== "" ? z : en });
  });
  return out;
}

/** A record of one of input.yaml's lists (`sources`, `regions`, `targets` …) by its id; undefined if none. */
export function inputRecord(ctx: RunContext, list: string, id: unknown): Record<string, unknown> | undefined {
  const records = ctx.input?.[list];
  const found = Array.isArray(records) ? records.find((r) => (r as { id?: unknown } | null)?.id === id) : undefined;
  return found !== null && typeof found === "object" ? (found as Record<string, unknown>) : undefined;
}

/** What a compare report is told of each folder (finance/compare/folderSummary.ts makes it). */
export interface FolderSummary {
  title: string;
  /** The folder's name ("conf90"), or its path as given where two share a name: headers name it beside 方案1. */
  folder: string;
  targetsMet: number | null;
  targets: number | null;
  /** Yuan by source kind (funding.csv's `source_kind`), in the order first met. */
  moneyByKind: [string, number][];
}

/**
 * Compared folder n (1-based) as a header or note names it: "方案2（conf90）" / "folder 2 (conf90)",
 * or 方案2 alone when the report was not told the folders' names.
 */
export function folderLabel(ctx: RunContext, n: number): Label {
  const folders = ctx.runJson.folders;
  const name = Array.isArray(folders) ? (folders[n - 1] as Partial<FolderSummary> | undefined)?.folder : undefined;
  return name ? { zh: `方案${n}（${name}）`, en: `folder ${n} (${name})` } : { zh: `方案${n}`, en: `folder ${n}` };
}

/** The unit a target row's values count (targets.csv, stress.csv): 户, or its programme's unit from input.yaml. */
export function targetUnit(ctx: RunContext, row: Record<string, unknown>): Label | null {
  return targetUnitLabel(String(row.metric ?? ""), inputRecord(ctx, "programs", row.program)?.unit);
}

/**
 * Whether a target row's values are whole units (targets.csv): its programme planned whole
 * (input.yaml `integer: true`, or 是), counted in its units, not households — whose P10–P90 the report,
 * the printout and the workbook show rounded down (formatTargetRange, wholeUnitsReached).
 */
export function targetCountsWholeUnits(ctx: RunContext, row: Record<string, unknown>): boolean {
  return countsWholeUnits(String(row.metric ?? ""), flagValue(inputRecord(ctx, "programs", row.program)?.integer) === true);
}

/** The input.yaml this thread parsed last (one: a thread draws one folder at a time). */
let lastInput: { text: string; value: Record<string, unknown> } | null = null;

/**
 * input.yaml parsed, or the value known for the same text: the report thread (and the workbook,
 * on the command's thread) is handed the input while the command solves (officeFiles.ts), not when
 * the report is due. The charts and the workbook only read it.
 */
export function parseInput(text: string): Record<string, unknown> {
  if (lastInput?.text !== text) lastInput = { text, value: parseYaml(text) as Record<string, unknown> };
  return lastInput.value;
}

/**
 * The command's own value of input.yaml, which the text was rendered from: parsing a province's
 * input back takes a sixth of a second of a core the solver thread needs. input.yaml is plain
 * YAML of plain data, so the value is what parsing would give (test/output/officeFiles.test.ts).
 */
export function knownInput(text: string, value: Record<string, unknown>): void {
  lastInput = { text, value };
}
