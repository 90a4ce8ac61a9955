/**
 * Where a scenario entry was written, in the words a diagnosis prints: `scenario.yaml:37`,
 * `data/budgets.csv:12` (the CSV line), `data/预算.xlsx, sheet 市级, row 5`. Paths are relative to
 * the scenario file's folder, so the text does not depend on where the command was run from.
 */
import { dirname, relative } from "node:path";
import type { PathKey, SourcePos } from "./positions.js";

export type InputLocator = (path: readonly PathKey[]) => string;

export function inputLocator(scenarioFile: string, locate: (path: readonly PathKey[]) => SourcePos): InputLocator {
  const base = dirname(scenarioFile);
  return (path) => formatPlace(locate(path), base);
}

export function formatPlace(pos: SourcePos, base: string): string {
  const file = relative(base, pos.file).split("\\").join("/") || pos.file;
  if (pos.sheet !== undefined) return `${file}, sheet ${pos.sheet}${pos.line === null ? "" : `, row ${pos.line}`}`;
  return pos.line === null ? file : `${file}:${pos.line}`;
}
