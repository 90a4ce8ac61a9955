/**
 * Where compare's CSV goes, as `--out` names it: a file (`compare.csv`, `x.csv`), or a folder that
 * exists, which gets `compare.csv` inside; a name without an extension gets `.csv`, so the report
 * and workbook beside it (`<stem>.html`, `<stem>.xlsx`) have a CSV to go with (a QA review's
 * `--out cmpdir` wrote a file named `cmpdir`).
 */
import { existsSync, statSync } from "node:fs";
import { extname, join, resolve } from "node:path";

export const COMPARE_CSV = "compare.csv";

export function compareCsvPath(given: string): string {
  const out = resolve(given);
  if (existsSync(out) && statSync(out).isDirectory()) return join(out, COMPARE_CSV);
  return extname(out) === "" ? `${out}.csv` : out;
}
