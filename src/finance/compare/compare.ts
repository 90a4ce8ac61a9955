/**
 * `simulate compare DIR DIR …`: result tables aligned on their keys, values and deltas against the
 * first folder, the rows that changed most, and the scenario inputs that differ. Folders with a
 * different output version or horizon are refused (UsageError) unless forced: their tables do not
 * mean the same thing, or do not cover the same years.
 *
 * compare.csv (long over columns, wide over folders), one row per (file, key, column):
 *   file, key, column, value_1 … value_N, delta_2 … delta_N, rel_delta_2 … rel_delta_N, missing_in
 * plus one row per differing run setting (file = run.json: confidence level, Monte Carlo, as_of,
 * solver) and per differing input path (file = input.yaml), key = the path, column = value (text
 * values, no deltas).
 */
import { basename, resolve } from "node:path";
import { UsageError } from "../../errors.js";
import { isMoneyColumn, isShareColumn, READING_ORDER, TABLE_KEYS } from "../../output/columns.js";
import { summariseFolder } from "./folderSummary.js";
import type { FolderSummary } from "../../report/runContext.js";
import { overlayFileNames, scenarioWithOverlays } from "../../format/scenarioTitle.js";
import { formatMoney, formatMoneyApart, formatMoneyChange, formatPercent, formatPointChange } from "../../format/numbers.js";
import { toCsv } from "../../output/csv.js";
import { REPORT_TOLERANCE } from "../../results/tolerance.js";
import { absentColumnLines, absentColumns, type AbsentColumns } from "./absentColumns.js";
import { changeScore, type CompareRow, compareTable, toNumber } from "./alignTables.js";
import { diffInputs, type InputDifference } from "./inputDiff.js";
import { overlayCaveatLines } from "./overlayCaveat.js";
import { readResultsFolder, type ResultsFolder } from "./readFolder.js";
import { diffRuns } from "./runDiff.js";
import { shownChanges, withRelativeChange } from "./shownChanges.js";
import { sourceName, sourceShift } from "./sourceShift.js";

export interface CompareResult {
  folders: ResultsFolder[];
  rows: CompareRow[];
  inputs: InputDifference[];
  /** How the folders were run, where that differs (run.json: confidence level, Monte Carlo, as_of, solver). */
  runs: InputDifference[];
  /** funding.csv summed by source, aligned (key `source=<id>`): who pays more and who less. */
  sources: CompareRow[];
  /** Mismatches that were allowed by `force` (empty otherwise). */
  warnings: string[];
  /** Columns some folders' tables lack (a shard's or a plain plan's targets.csv has no Monte Carlo columns). */
  absent: AbsentColumns[];
}

export async function compareFolders(dirs: string[], options: { force?: boolean } = {}): Promise<CompareResult> {
  if (dirs.length < 2) throw new UsageError(`compare needs at least two results folders (got ${dirs.length})`);
  const folders: ResultsFolder[] = [];
  for (const dir of dirs) folders.push(await readResultsFolder(dir));
  const mismatches = checkComparable(folders);
  if (mismatches.length > 0 && !options.force) {
    throw new UsageError(`these folders cannot be compared: ${mismatches.join("; ")} (use --force to compare anyway)`);
  }
  refuseDifferentCommands(folders);
  const rows: CompareRow[] = [];
  for (const file of READING_ORDER) { // the targets first: the outcome before the detail that made it
    const tables = folders.map((f) => f.tables.get(file));
    if (tables.some((t) => t !== undefined)) rows.push(...compareTable(file, tables));
  }
  if (rows.length === 0) throw new UsageError(`none of the folders holds result tables (${Object.keys(TABLE_KEYS).join(", ")})`);
  return { folders, rows, inputs: diffInputs(folders.map((f) => f.input)), runs: diffRuns(folders), sources: sourceShift(folders), warnings: mismatches, absent: absentColumns(folders) };
}

/** The command that wrote a folder: run.json's `command`; plan and merge folders (the same tables) have none. */
function commandOf(folder: ResultsFolder): string {
  return typeof folder.runJson.command === "string" ? folder.runJson.command : "plan";
}

/**
 * Folders of different commands (a plan and a stress run) hold different tables — at most a
 * diagnostics.csv of different rows in common — so every row would be missing in one of them and
 * nothing compared: refused, naming the command of each folder.
 */
function refuseDifferentCommands(folders: ResultsFolder[]): void {
  const commands = folders.map(commandOf);
  if (new Set(commands).size === 1) return;
  const wrote = folders.map((f, i) => `[${i + 1}] ${f.dir}: ${commands[i]}`).join("; ");
  throw new UsageError(`these folders were written by different commands, so their tables do not line up: ${wrote} (compare plans with plans, stress runs with stress runs)`);
}

/** Output version and horizon must agree with the first folder. */
export function checkComparable(folders: ResultsFolder[]): string[] {
  const out: string[] = [];
  const first = folders[0];
  const version = (f: ResultsFolder) => f.runJson.engine?.output_version;
  const horizon = (f: ResultsFolder) => `${f.runJson.horizon?.start}–${f.runJson.horizon?.end}`;
  for (const f of folders.slice(1)) {
    if (version(f) !== version(first)) {
      out.push(`${f.dir} has output version ${version(f)}, ${first.dir} has ${version(first)}`);
    }
    if (horizon(f) !== horizon(first)) out.push(`${f.dir} plans ${horizon(f)}, ${first.dir} plans ${horizon(first)}`);
  }
  return out;
}

/** How compare.csv's header starts: `--force` replaces only a file that starts like this. */
export const COMPARE_SIGNATURE = "file,key,column,value_1,";

export function renderCompareCsv(result: CompareResult, options: { bom: boolean }): string {
  const n = result.folders.length;
  const idx = Array.from({ length: n - 1 }, (_, i) => i + 2);
  const columns = [
    "file", "key", "column",
    ...Array.from({ length: n }, (_, i) => `value_${i + 1}`),
    ...idx.map((i) => `delta_${i}`),
    ...idx.map((i) => `rel_delta_${i}`),
    "missing_in",
  ];
  const records: Record<string, string | number | null>[] = result.rows.map((r) => {
    const rec: Record<string, string | number | null> = { file: r.file, key: r.key, column: r.column, missing_in: r.missingIn.join(";") };
    r.values.forEach((v, i) => (rec[`value_${i + 1}`] = v));
    idx.forEach((i, j) => {
      rec[`delta_${i}`] = r.deltas[j];
      rec[`rel_delta_${i}`] = r.relDeltas[j];
    });
    return rec;
  });
  const differences: [string, InputDifference[]][] = [["run.json", result.runs], ["input.yaml", result.inputs]];
  for (const [file, list] of differences) {
    for (const d of list) {
      const rec: Record<string, string | number | null> = { file, key: d.path, column: "value", missing_in: "" };
      d.values.forEach((v, i) => (rec[`value_${i + 1}`] = v));
      records.push(rec);
    }
  }
  return toCsv(records, columns, options);
}

/**
 * A target's outcome columns: what a reader compares first. A price column (`marginal_cost_…`,
 * shadow prices) moving from 3.51亿元 to 0 is a 100 % change and would otherwise rank above
 * typical-all planned 27 → 26, the change that matters.
 */
const TARGET_OUTCOMES = new Set([
  "met", "planned", "shortfall", "attainment", "p_met", "p10", "p50", "p90",
  // What was asked changed (an overlay's at_least or confidence level), and whether a level was reached.
  "target_value", "confidence_required", "confidence_status",
]);

/**
 * The rows that changed most in each file: its shares and probabilities (isShareColumn) ranked by
 * their change in percentage points, then — up to `top` again — its other values ranked by relative
 * change (see changeScore) and then by size, as the report charts them apart. Ranked together,
 * points lost to relative changes: typical-all's P(met) 94.9 % → 80.2 % (−14.7 pp) fell out of a
 * top 5 led by P10 3 → 2 (−33.3 %). Per file, so a few large yuan amounts do not hide a target
 * that stopped being met; in targets.csv the outcomes come before the prices. The ranges of prices
 * and near-zero bases are left out, by the report's rule (shownChanges).
 */
export function mostChanged(rows: CompareRow[], top: number): Map<string, CompareRow[]> {
  const out = new Map<string, CompareRow[]>();
  const rank = (r: CompareRow) => (r.file === "targets.csv" && !TARGET_OUTCOMES.has(r.column) ? 1 : 0);
  const shown = shownChanges(rows, changeSize);
  for (const file of READING_ORDER) {
    const scored = shown
      .filter((r) => r.file === file)
      .map((r) => ({ r, rank: rank(r), score: changeScore(r), size: largestDelta(r) }))
      .filter((x) => x.score > 0);
    const ranked = (shares: boolean) => scored
      .filter((x) => isShareColumn(x.r.column) === shares)
      .sort((a, b) => a.rank - b.rank || b.score - a.score || b.size - a.size)
      .slice(0, top)
      .map((x) => x.r);
    const list = [...ranked(true), ...ranked(false)];
    if (list.length > 0) out.set(file, list);
  }
  return out;
}

/** The largest absolute change of a compared row against folder 1 (0 when none). */
function largestDelta(r: CompareRow): number {
  return Math.max(0, ...r.deltas.map((d) => Math.abs(d ?? 0)));
}

/** A compared row's values as shownChanges sizes them (flags as 1/0, missing values as NaN). */
function changeSize(r: CompareRow): { file: string; column: string; sizes: number[] } {
  return { file: r.file, column: r.column, sizes: r.values.map((v) => Math.abs(toNumber(v) ?? Number.NaN)) };
}

/**
 * The sources whose money changed, largest change first (what a cut of one source hides in the
 * money by kind): "provincial 省级财政补助资金: 32.92亿元 → 32.1亿元 (−8,231.87万元 -2.5%)".
 */
function sourceShiftLines(result: CompareResult, top: number): string[] {
  const relative = withRelativeChange(result.sources, changeSize);
  // A change under a yuan is solver noise (REPORT_TOLERANCE), as funding.csv writes it.
  const changed = shownChanges(result.sources, changeSize).filter((r) => largestDelta(r) >= REPORT_TOLERANCE.yuan).sort((a, b) => largestDelta(b) - largestDelta(a)).slice(0, top);
  if (changed.length === 0) return [];
  const id = (r: CompareRow) => r.key.replace(/^source=/, "");
  return [
    "  money by source (funding.csv summed over years, regions and programmes):",
    ...changed.map((r) => `    ${id(r)} ${sourceName(result.folders, id(r))}: ${changeText(r, relative.has(r))}`),
  ];
}

/** A relative change in per cent: one decimal, or two significant digits below 0.1 % (never "−0.0%"). */
function relText(x: number): string {
  const pct = x * 100;
  const digits = Math.abs(pct) >= 0.1 ? pct.toFixed(1) : String(Number(pct.toPrecision(2)));
  return `${x >= 0 ? "+" : ""}${digits}%`;
}

/**
 * "3亿元 → 2.4亿元 (−6,000万元 −20.0%)": amounts in yuan columns as money, shares and probabilities
 * as per cent changing by percentage points ("0.7% → 92.6% (+91.9 pp)"), a true/false flag as its
 * two values (a flag has no relative change: "−100%" read as a loss of everything); `relative`
 * false for a near-zero base, which has none either (withRelativeChange).
 */
function changeText(r: CompareRow, relative: boolean): string {
  const values = r.values.map((v) => v || "(missing)");
  if (r.values.every((v) => v === "true" || v === "false" || v === "")) return values.join(" → ");
  const money = isMoneyColumn(r.column);
  const share = isShareColumn(r.column);
  const as = (format: (x: number) => string) => r.values.map((v) => (numeric(v) ? format(Number(v)) : v || "(missing)"));
  const shown = money ? moneyApart(r.values) : share ? as(formatPercent) : values;
  const rel = r.relDeltas.map((x) => (x === null || !relative ? "" : ` ${relText(x)}`));
  const change = (d: number) => (money ? formatMoneyChange(d) : share ? formatPointChange(d) : `${d >= 0 ? "+" : ""}${d}`);
  const deltas = r.deltas.map((d, i) => `${d === null ? "n/a" : change(d)}${rel[i]}`).join(", ");
  return `${shown.join(" → ")} (${deltas})`;
}

const numeric = (v: string) => v !== "" && Number.isFinite(Number(v));

/**
 * A money row's values as formatMoneyApart writes them (neighbours that differ never read the same),
 * the missing and non-numeric as they are.
 */
function moneyApart(values: string[]): string[] {
  const at = values.flatMap((v, i) => (numeric(v) ? [i] : []));
  const texts = formatMoneyApart(at.map((i) => Number(values[i])));
  const out = values.map((v) => v || "(missing)");
  at.forEach((i, k) => (out[i] = texts[k]));
  return out;
}

export function compareText(result: CompareResult, top: number, outFile: string | null): string {
  const lines: string[] = ["compare:"];
  result.folders.forEach((f, i) => {
    const overlays = f.runJson.scenario?.overlays ?? [];
    lines.push(`  [${i + 1}] ${f.dir} — ${f.runJson.scenario?.name ?? "?"}; overlays: ${overlays.length ? overlays.join(", ") : "none"}`);
    const s = summariseFolder(f, "", "");
    const met = s.targets === null ? [] : [`targets met ${s.targetsMet}/${s.targets}`];
    const money = s.moneyByKind.map(([kind, yuan]) => `${kind} ${formatMoney(yuan)}`);
    if (met.length + money.length > 0) lines.push(`      ${[...met, ...money].join("; ")}`);
  });
  for (const w of result.warnings) lines.push(`warning (forced): ${w}`);
  lines.push(...overlayCaveatLines(result.folders, result.inputs, result.rows));
  if (result.runs.length > 0) {
    lines.push("", `run settings that differ (${result.runs.length}; run.json):`);
    for (const d of result.runs) lines.push(`  ${d.path}: ${d.values.join(" → ")}`);
  }
  lines.push("", `inputs that differ (${result.inputs.length}):`);
  if (result.inputs.length === 0) lines.push("  none");
  for (const d of result.inputs.slice(0, 30)) lines.push(`  ${d.path}: ${d.values.map((v) => v ?? "(absent)").join(" → ")}`);
  if (result.inputs.length > 30) lines.push(`  … and ${result.inputs.length - 30} more (see ${outFile ?? "compare.csv"})`);
  const changed = mostChanged(result.rows, top);
  const relative = withRelativeChange(result.rows, changeSize);
  const total = result.rows.filter((r) => changeScore(r) > 0).length;
  const missing = result.rows.filter((r) => r.missingIn.length > 0).length;
  lines.push("", `values that changed most (per file the top ${top} shares and probabilities, in percentage points, then the top ${top} other values; ${total} changed values in all):`);
  if (missing > 0) lines.push(`  ${missing} values are in some folders only (column missing_in of ${outFile ?? "compare.csv"}); they are not counted as changed`);
  lines.push(...absentColumnLines(result.absent, result.folders));
  const shift = sourceShiftLines(result, top);
  lines.push(...shift);
  if (changed.size === 0 && shift.length === 0) lines.push(missing > 0 || result.absent.length > 0 ? "  none of the values every folder holds changed" : "  none: every value is the same");
  for (const [file, list] of changed) {
    lines.push(`  ${file}:`);
    for (const r of list) lines.push(`    ${r.key} ${r.column}: ${changeText(r, relative.has(r))}`);
  }
  if (outFile) lines.push("", `written to ${outFile}`);
  return lines.join("\n") + "\n";
}

/**
 * Each folder as the report's title names it: its scenario, the overlays that made it differ, and
 * the folder — two runs of one scenario (plainly and to a confidence level) differ only there.
 */
export function folderTitles(folders: ResultsFolder[]): string[] {
  const names = folderNames(folders);
  return folders.map((folder, i) => `${scenarioWithOverlays(folder.runJson.scenario?.name ?? "?", overlayFileNames(folder.runJson.scenario?.overlays))} (${names[i]})`);
}

/** Each folder's own name ("conf90"), or the path as given where two folders have the same name (a/out, b/out). */
export function folderNames(folders: ResultsFolder[]): string[] {
  const names = folders.map((f) => basename(resolve(f.dir)));
  return folders.map((f, i) => (names.some((n, j) => n === names[i] && resolve(folders[j].dir) !== resolve(f.dir)) ? f.dir : names[i]));
}

/** What the report and the workbook's 概要 say of each folder: its title and name, targets met, money by kind. */
export function folderSummaries(folders: ResultsFolder[]): FolderSummary[] {
  const titles = folderTitles(folders);
  const names = folderNames(folders);
  return folders.map((f, i) => summariseFolder(f, titles[i], names[i]));
}
