/**
 * Where a scenario entry was written, in the words a diagnosis prints: `scenario.yaml:37`,
 * `data/budgets.csv:12` (the CSV line), `data/预算.xlsx, sheet 市级, row 5`. Paths are relative to
 * the scenario file's folder, so the text does not depend on where the command was run from.
 */
import { dirname, relative } from "node:path";
import type { Label } from "../format/labels.js";
import type { PathKey, SourcePos } from "./positions.js";

export type InputLocator = (path: readonly PathKey[]) => string;

/** The place in both languages, for the load-time notices (a workbook's sheet and row said in Chinese). */
export type PlaceLabel = (path: readonly PathKey[]) => Label;

export function inputLocator(scenarioFile: string, locate: (path: readonly PathKey[]) => SourcePos): InputLocator {
  const base = dirname(scenarioFile);
  return (path) => formatPlace(locate(path), base);
}

export function placeLabel(scenarioFile: string, locate: (path: readonly PathKey[]) => SourcePos): PlaceLabel {
  const base = dirname(scenarioFile);
  return (path) => {
    const pos = locate(path);
    return { en: formatPlace(pos, base), zh: formatPlaceZh(pos, base) };
  };
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

function shownFile(pos: SourcePos, base: string): string {
  return relative(base, pos.file).split("\\").join("/") || pos.file;
}
