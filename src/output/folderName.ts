/**
 * A scenario name as ONE safe folder name for the default results folder (`results/<name>`): a
 * name such as `..`, `.`, `../../etc`, `/`, `a/b`, `C:\x` or `CON` must never point anywhere but a
 * new folder under `results/`. Letters (Chinese included), digits, `_`, `-` and `.` are kept; runs
 * of anything else become `-`; leading and trailing dots and dashes are dropped; names reserved on
 * Windows get a `_`; the result is at most 80 characters; nothing usable left gives "scenario".
 */
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

export function safeFolderName(name: string): string {
  let out = name
    .normalize("NFC")
    .replace(/[^\p{L}\p{N}_.-]+/gu, "-")
    .replace(/^[.-]+|[.-]+$/g, "");
  out = [...out].slice(0, 80).join("").replace(/[.-]+$/, "");
  if (out === "") return "scenario";
  return RESERVED.test(out) ? `${out}_` : out;
}
