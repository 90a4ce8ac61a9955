/**
 * Reads a results folder for `simulate compare`: run.json, input.yaml and every result CSV that
 * has keys in TABLE_KEYS, parsed with fast-csv after stripping the byte-order mark. A folder that
 * is not a results folder is a UsageError.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseString } from "fast-csv";
import { parse as parseYaml } from "yaml";
import { UsageError } from "../../errors.js";
import { TABLE_KEYS } from "../../output/columns.js";
import { BOM } from "../../output/csv.js";
import { INPUT_FILE } from "../../output/planFiles.js";

export interface CsvTable {
  columns: string[];
  rows: Record<string, string>[];
}

export interface ResultsFolder {
  dir: string;
  runJson: RunInfo;
  /** Parsed input.yaml, or null when the folder has none. */
  input: unknown;
  tables: Map<string, CsvTable>;
}

/** The parts of run.json compare relies on (plan, stress and min-budget folders all have them). */
export interface RunInfo {
  engine?: { version?: string; output_version?: number };
  scenario?: { name?: string; overlays?: string[]; layers?: string[]; hash?: string };
  horizon?: { start?: number; end?: number };
  [key: string]: unknown;
}

export async function readResultsFolder(dir: string): Promise<ResultsFolder> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`${dir} is not a folder`);
  const runFile = join(dir, "run.json");
  if (!existsSync(runFile)) throw new UsageError(`${dir} is not a results folder (no run.json)`);
  let runJson: RunInfo;
  try {
    runJson = JSON.parse(readFileSync(runFile, "utf8")) as RunInfo;
  } catch (e) {
    throw new UsageError(`${runFile} is not valid JSON: ${(e as Error).message}`);
  }
  const inputFile = join(dir, INPUT_FILE);
  let input: unknown = null;
  if (existsSync(inputFile)) {
    try {
      input = parseYaml(readFileSync(inputFile, "utf8"));
    } catch (e) {
      throw new UsageError(`${inputFile} is not valid YAML: ${(e as Error).message}`);
    }
  }
  const tables = new Map<string, CsvTable>();
  for (const file of Object.keys(TABLE_KEYS)) {
    const path = join(dir, file);
    if (existsSync(path)) tables.set(file, await readCsv(path));
  }
  return { dir, runJson, input, tables };
}

export async function readCsv(path: string): Promise<CsvTable> {
  let text = readFileSync(path, "utf8");
  if (text.startsWith(BOM)) text = text.slice(BOM.length);
  return parseCsvText(text, path);
}

export function parseCsvText(text: string, label: string): Promise<CsvTable> {
  return new Promise((resolve, reject) => {
    const rows: Record<string, string>[] = [];
    let columns: string[] = [];
    parseString<Record<string, string>, Record<string, string>>(text, { headers: true })
      .on("headers", (h: string[]) => (columns = h))
      .on("error", (e) => reject(new UsageError(`${label}: ${e.message}`)))
      .on("data", (row) => rows.push(row))
      .on("end", () => resolve({ columns, rows }));
  });
}
