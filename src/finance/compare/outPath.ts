/**
 * Where compare's CSV goes, as `--out` names it. A new name without an extension gets `.csv`, so
 * the report and workbook beside it (`<stem>.html`, `<stem>.xlsx`) have a CSV to go with: a QA
 * review's `--out cmpdir` wrote a file named `cmpdir`. A name that exists is kept as given, so a
 * folder is refused as every output target refuses one (outputTarget.ts).
 */
import { existsSync } from "node:fs";
import { extname, resolve } from "node:path";

export function compareCsvPath(given: string): string {
  const out = resolve(given);
  return extname(out) === "" && !existsSync(out) ? `${out}.csv` : out;
}
