/**
 * What a command may write to. Results go into a folder renewsim creates; `--force` replaces an
 * existing one only when renewsim wrote it: the folder holds the manifest (`.renewsim-results.json`,
 * written with every results folder) and nothing the manifest does not list. An empty folder is
 * replaced with or without `--force` (it holds nothing to lose; its permissions are kept). Never replaced,
 * with or without `--force`: a file, a symbolic link, `/`, the home folder, the working folder or a
 * folder above it, a folder that holds one of the command's inputs (the scenario, its layers
 * and CSV tables, shard or compared folders), and anything inside an input folder (a compare file in
 * a compared folder would make that folder one renewsim no longer recognises as its own). Single-file outputs (`compare --out`, `export --out`)
 * follow the same rule with a signature in the file's first line instead of a manifest.
 */
import { closeSync, lstatSync, openSync, readdirSync, readSync, type Stats } from "node:fs";
import { homedir } from "node:os";
import { join, parse, resolve } from "node:path";
import { isInside, realOrLexical } from "../paths.js";
import { displayFile } from "../scenario/problems.js";

export const MANIFEST = ".renewsim-results.json";
export const MANIFEST_SIGNATURE = "renewsim results folder";

/** The output exists and --force was not given (exit 4). */
export class OutputExistsError extends Error {
  readonly kind = "output_exists";
  constructor(readonly dir: string, what = "results folder") {
    super(`${what} ${displayFile(dir)} already exists; use --force to replace it or --out to choose another`);
  }
}

/** The output may not be written there at all, or could not be written (exit 4). */
export class OutputRefusedError extends Error {
  readonly kind = "output";
}

export interface TargetRules {
  force: boolean;
  /** Files and folders the command reads: the output may not be one of them or hold one. */
  inputs?: readonly string[];
}

/** Throws unless a results folder may be created at, or replace what is at, `dir`. */
export function checkFolderTarget(dir: string, rules: TargetRules): void {
  const target = resolve(dir);
  refuseProtected(target, rules.inputs ?? [], "results folder");
  const stat = lstatOrNull(target);
  if (!stat) return;
  if (stat.isSymbolicLink()) throw refused(target, "is a symbolic link; renewsim writes results only into a folder it creates there");
  if (!stat.isDirectory()) throw refused(target, "is a file, not a results folder; renewsim never replaces a file — choose another --out");
  // An empty folder (made by hand for the results) holds nothing to lose, with or without --force:
  // the results replace it, with its permissions (writeFolder.ts).
  if (readdirSync(target).length === 0) return;
  if (!rules.force) throw new OutputExistsError(target);
  const foreign = foreignEntries(target);
  if (foreign !== null) throw refused(target, `${foreign}; --force replaces only a results folder exactly as renewsim wrote it`);
}

export interface FileRules extends TargetRules {
  /** Whether an existing file is renewsim's own output (only such a file is replaced with --force). */
  isOurs: (file: string) => boolean;
  /** What the file is, for messages ("compare file", "LP file"). */
  what: string;
}

/** A file whose first line (after a byte-order mark) starts with `prefix`. */
export const firstLineStartsWith = (prefix: string) => (file: string) => firstLine(file).startsWith(prefix);

/** A file whose first 4 KB mention `text` (renewsim's reports name their generator there). */
export const headMentions = (text: string) => (file: string) => readHead(file, 4096).includes(text);

/** Throws unless a single output file may be created at, or replace what is at, `file`. */
export function checkFileTarget(file: string, rules: FileRules): void {
  const target = resolve(file);
  refuseProtected(target, rules.inputs ?? [], rules.what);
  const stat = lstatOrNull(target);
  if (!stat) return;
  if (stat.isSymbolicLink()) throw refused(target, "is a symbolic link; renewsim does not write through links", rules.what);
  if (!stat.isFile()) throw refused(target, "is not a regular file", rules.what);
  if (!rules.force) throw new OutputExistsError(target, rules.what);
  if (!rules.isOurs(target)) {
    throw refused(target, `was not written by renewsim (it is not a renewsim ${rules.what}); --force replaces only renewsim's own output — choose another name`, rules.what);
  }
}

/** `/`, the home folder, the working folder and its parents, and folders holding an input. */
function refuseProtected(target: string, inputs: readonly string[], what: string): void {
  const real = realOrLexical(target);
  if (parse(real).root === real) throw refused(target, "is the root of the file system", what);
  const home = realOrLexical(homedir());
  if (real === home || isInside(home, real)) throw refused(target, "is your home folder or holds it", what);
  const cwd = realOrLexical(process.cwd());
  if (real === cwd || isInside(cwd, real)) throw refused(target, "is the folder you are working in, or holds it", what);
  for (const input of inputs) {
    const inp = realOrLexical(resolve(input));
    if (inp === real || isInside(inp, real)) {
      throw refused(target, `${inp === real ? "is" : "holds"} ${displayFile(input)}, an input of this command`, what);
    }
    if (isInside(real, inp)) throw refused(target, `lies inside ${displayFile(input)}, an input of this command`, what);
  }
}

/** Null when every entry of the folder is listed in its manifest; else what is wrong. */
function foreignEntries(dir: string): string | null {
  const entries = readdirSync(dir);
  if (!entries.includes(MANIFEST)) return `was not written by renewsim: it has no ${MANIFEST} (choose another --out)`;
  let listed: string[];
  try {
    if (!lstatOrNull(join(dir, MANIFEST))?.isFile()) throw new Error("not a file");
    const manifest = JSON.parse(readHead(join(dir, MANIFEST), 1 << 20));
    if (manifest?.written_by !== MANIFEST_SIGNATURE || !Array.isArray(manifest.files)) throw new Error("not a manifest");
    listed = manifest.files.map(String);
  } catch {
    return `has a ${MANIFEST} that renewsim did not write (choose another --out)`;
  }
  const extra = entries.filter((e) => e !== MANIFEST && (!listed.includes(e) || !lstatOrNull(join(dir, e))?.isFile()));
  if (extra.length === 0) return null;
  const shown = extra.slice(0, 3).join(", ") + (extra.length > 3 ? `, … (${extra.length} in all)` : "");
  return `holds files renewsim did not write there (${shown}; move them, or choose another --out)`;
}

function refused(target: string, why: string, what = "results folder"): OutputRefusedError {
  return new OutputRefusedError(`will not write the ${what} ${displayFile(target)}: it ${why}`);
}

function lstatOrNull(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
}

/** The first line of a file (at most 4 KB read; a byte-order mark removed). */
function firstLine(file: string): string {
  return readHead(file, 4096).replace(/^\ufeff/, "").split(/\r?\n/)[0];
}

function readHead(file: string, max: number): string {
  const fd = openSync(file, "r");
  try {
    const buffer = Buffer.alloc(max);
    const n = readSync(fd, buffer, 0, max, 0);
    return buffer.subarray(0, n).toString("utf8");
  } finally {
    closeSync(fd);
  }
}
