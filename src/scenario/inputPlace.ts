/**
 * Where a scenario entry was written, in the words a diagnosis prints: `scenario.yaml:37`,
 * `data/budgets.csv:12` (the CSV line), `data/预算.xlsx, sheet 市级, row 5`. Paths inside the
 * scenario file's folder are relative to it, so the text does not depend on where the command was
 * run from; a file outside it (an overlay's table from another folder) is named in full, as the
 * errors and the file notes name it, never as `../../…` from a folder the user did not name.
 */
import { dirname, isAbsolute, relative } from "node:path";
import type { Label } from "../format/labels.js";
import { formatPath, type PathKey, type SourcePos } from "./positions.js";

export type InputLocator = (path: readonly PathKey[]) => string;

/**
 * The place in both languages, for the load-time notices (a workbook's sheet and row said in
 * Chinese); `shownPath`, the path as the file at that place numbers it (an overlay's `sources[0]`,
 * as the errors show it), where known.
 */
export interface PlaceLabel {
  (path: readonly PathKey[]): Label;
  shownPath?: (path: readonly PathKey[]) => string;
}

export function inputLocator(scenarioFile: string, locate: (path: readonly PathKey[]) => SourcePos): InputLocator {
  const base = dirname(scenarioFile);
  return (path) => formatPlace(locate(path), base);
}

/** `path` as a note shows it: as the file at its place numbers it, where `place` knows that. */
export function shownPathOf(place: PlaceLabel, path: readonly PathKey[]): string {
  return place.shownPath?.(path) ?? formatPath(path);
}

export function placeLabel(scenarioFile: string, locate: (path: readonly PathKey[]) => SourcePos, shownPath?: (path: readonly PathKey[]) => string): PlaceLabel {
  const base = dirname(scenarioFile);
  const place = (path: readonly PathKey[]) => {
    const pos = locate(path);
    return { en: formatPlace(pos, base), zh: formatPlaceZh(pos, base) };
  };
  return shownPath ? Object.assign(place, { shownPath }) : place;
}

export function formatPlace(pos: SourcePos, base: string): string {
  const file = shownFile(pos, base);
  if (pos.sheet !== undefined) return `${file}, sheet ${pos.sheet}${pos.line === null ? "" : `, row ${pos.line}`}`;
  return pos.line === null ? file : `${file}:${pos.line}`;
}

/** `data/预算.xlsx，工作表“市级”第5行`; a CSV or YAML place reads as in English (`data/budgets.csv:12`). */
function formatPlaceZh(pos: SourcePos, base: string): string {
  if (pos.sheet === undefined) return formatPlace(pos, base);
  return `${shownFile(pos, base)}，${sheetRowZh(pos.sheet, pos.line)}`;
}

/** `工作表“市级”第5行`, or `工作表“市级”` for the sheet as a whole. */
export function sheetRowZh(sheet: string, line: number | null): string {
  return `工作表“${sheet}”${line === null ? "" : `第${line}行`}`;
}

/** The file (and sheet) of `pos` alone, for a note about a whole table. */
export function filePlace(scenarioFile: string): (pos: SourcePos) => Label {
  const base = dirname(scenarioFile);
  return (pos) => {
    const whole = { ...pos, line: null };
    return { en: formatPlace(whole, base), zh: formatPlaceZh(whole, base) };
  };
}

function shownFile(pos: SourcePos, base: string): string {
  const rel = relative(base, pos.file);
  return rel === "" || rel.startsWith("..") || isAbsolute(rel) ? pos.file : rel.split("\\").join("/");
}
