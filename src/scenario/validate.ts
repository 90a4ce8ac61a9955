/**
 * Validation of the merged document: the zod schema, then the cross-field checks, every problem
 * located at the file and line of the layer that supplied the value.
 */
import { TOTALS_ROW } from "./checkContext.js";
import { IDS_LISTED, NAME_NOT_ID } from "./suggest.js";
import { crossCheck } from "./crossChecks.js";
import { describeIssue, type WrittenAt } from "./issueMessages.js";
import { isRecord, type PathKey, type PositionTable, type SourcePos, valueAt } from "./positions.js";
import { ProblemLog } from "./problems.js";
import type { ScenarioIds } from "./scenarioIds.js";
import { ID_FORMAT, ScenarioSchema, type RawScenario } from "./schema.js";

/**
 * Validates a merged scenario document and returns the schema's output (amounts in yuan, shares as
 * fractions). Throws ScenarioError with every problem (including any already in `problems`).
 * `file` names the scenario for problems that no single value is responsible for; `layerFiles`
 * orders the problems by layer.
 */
/**
 * Problems a later stage's section shows without the normalised scenario (paths from the
 * document's root); `writtenAt` gives a value's text as written where the reader kept it, `ids`
 * the programmes, sources and regions the document declares.
 */
export type SectionChecks = (merged: Record<string, unknown>, writtenAt: WrittenAt, ids: ScenarioIds) => { path: PathKey[]; message: string }[];

export function validateMerged(
  merged: unknown,
  positions: PositionTable,
  file: string,
  problems: ProblemLog = new ProblemLog(),
  layerFiles: readonly string[] = [file],
  newRecords?: WeakMap<object, string>,
  laterSections?: SectionChecks,
): RawScenario {
  const fallback: SourcePos = { file, line: null };
  const place = (path: PathKey[], message: string, table?: PathKey[]) => {
    const at = (table && tablePlace(positions.locate(merged, table, fallback), layerFiles)) || positions.locate(merged, path, fallback);
    problems.add(path, at, message, positions.writtenPath(merged, path, at.file));
  };
  const report = (path: PathKey[], message: string, table?: PathKey[]) => {
    const added = newRecordAt(merged, path, newRecords);
    // A record a later layer adds under an entry's name (- id: 典型镇培育) is one mistake, said once at
    // its id: what else it lacks (a new programme has no by_region) only follows from it.
    if (added?.hint.includes(NAME_NOT_ID)) place([...added.path, "id"], added.hint);
    else place(path, added ? `${message}; ${added.hint}` : message, table);
  };
  const writtenAt: WrittenAt = (path) => positions.locate(merged, path, fallback).written;
  const parsed = ScenarioSchema.safeParse(merged);
  const found: { path: PathKey[]; message: string }[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) found.push(...describeIssue(issue, merged, [], writtenAt));
  }
  const checked: { path: PathKey[]; message: string; table?: PathKey[] }[] = [];
  const ids = isRecord(merged) ? crossCheck(merged, (path, message, table) => checked.push({ path, message, table }), problems.listsLeftOut(merged)) : null;
  // A reference written by its name ("城关镇" for chengguan), a totals row's 合计, or a programme or
  // source no hint names (its ids are listed) fails the id format and names no entry; the
  // cross-check says what to write, so the format message at the same path is left out.
  const explains = (m: string) => m.includes(NAME_NOT_ID) || m.includes(TOTALS_ROW) || m.includes(IDS_LISTED);
  const explained = new Set(checked.filter((p) => explains(p.message)).map((p) => JSON.stringify(p.path)));
  // A totals row is one problem (docs/scenario-reference.md): its empty programme, year or started
  // cells and whatever else its record fails only repeat that the row is not a record.
  const totalsRows = checked.filter((p) => p.message.includes(TOTALS_ROW)).map((p) => p.path.slice(0, -1));
  const echoesTotals = (p: { path: PathKey[]; message: string }) =>
    !p.message.includes(TOTALS_ROW) && totalsRows.some((row) => row.every((key, i) => p.path[i] === key));
  for (const p of found) if (!(p.message.includes(ID_FORMAT) && explained.has(JSON.stringify(p.path))) && !echoesTotals(p)) report(p.path, p.message);
  for (const p of checked) if (!echoesTotals(p)) report(p.path, p.message, p.table);
  problems.dropEchoesOfTablesLeftOut(merged);
  // A round that reports problems anyway also lists what a later stage's section shows on its own
  // and against the ids declared (`uncertainty:`), rather than leaving it for the round after these are fixed.
  if (laterSections && problems.count > 0 && isRecord(merged) && ids) for (const p of laterSections(merged, writtenAt, ids)) report(p.path, p.message);
  problems.throwIfAny(layerFiles);
  return parsed.data!;
}

/** The data table (and sheet) a record was read from, as a whole; null for a record a YAML layer wrote. */
function tablePlace(record: SourcePos, layerFiles: readonly string[]): SourcePos | null {
  if (layerFiles.includes(record.file)) return null;
  return { file: record.file, line: null, ...(record.sheet === undefined ? {} : { sheet: record.sheet }) };
}

/** The record a later layer added under a misspelt id (merge.ts) that `path` lies in, with its hint. */
function newRecordAt(merged: unknown, path: PathKey[], newRecords?: WeakMap<object, string>): { path: PathKey[]; hint: string } | null {
  if (!newRecords) return null;
  for (let n = 1; n < path.length; n++) {
    const value = valueAt(merged, path.slice(0, n));
    const hint = isRecord(value) ? newRecords.get(value) : undefined;
    if (hint) return { path: path.slice(0, n), hint };
  }
  return null;
}
