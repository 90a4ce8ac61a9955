/**
 * Atomic results folder. Everything is written into a temporary sibling folder, which is then
 * renamed into place, so `--out` holds either nothing, the previous results or the complete new
 * ones — never a mix, whatever moment the process is killed at.
 *
 * - What may be written or replaced is decided by outputTarget.ts (checked again here, since a
 *   command first checks before solving and writes minutes later).
 * - Temporary folders are named `.<name>.renewsim-<pid>-<random>.tmp` (and `.old` for the folder
 *   being replaced); ones left by a process that no longer runs (kill -9, power loss) are removed
 *   the next time anything is written to the same `--out`.
 * - Two runs writing the same `--out` at once: renaming onto an existing non-empty folder fails, so
 *   the later run stops with OutputExistsError and its files never mix with the other's.
 * - A write that fails (disk full, permissions) removes the temporary folder, restores a folder
 *   that was being replaced, and throws OutputRefusedError saying why.
 */
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { ENGINE_VERSION } from "../version.js";
import { checkFolderTarget, MANIFEST, MANIFEST_SIGNATURE, OutputExistsError, OutputRefusedError, type TargetRules } from "./outputTarget.js";
import { displayFile } from "../scenario/problems.js";

export { OutputExistsError } from "./outputTarget.js";

/** Throws unless `dir` may receive a results folder (call before long work, to fail early). */
export function assertWritable(dir: string, force: boolean, inputs: readonly string[] = []): void {
  checkFolderTarget(dir, { force, inputs });
}

export function writeFolderAtomically(dir: string, files: Record<string, string | Uint8Array>, force: boolean, inputs: readonly string[] = []): string {
  const target = resolve(dir);
  const rules: TargetRules = { force, inputs };
  checkFolderTarget(target, rules);
  const parent = dirname(target);
  const name = basename(target);
  attempt(target, () => mkdirSync(parent, { recursive: true }));
  removeStaleTemporaries(parent, name);
  const tmp = temporaryName(target, "tmp");
  const aside = temporaryName(target, "old");
  attempt(target, () => mkdirSync(tmp));
  let movedAside = false;
  try {
    const names = Object.keys(files).sort();
    for (const file of names) writeFileSync(join(tmp, file), files[file]);
    writeFileSync(join(tmp, MANIFEST), manifest(names));
    // An empty folder made for the results is replaced like any other, keeping its permissions.
    let keptMode: number | null = null;
    if (existsSync(target)) {
      checkFolderTarget(target, rules); // still a folder renewsim wrote (or an empty one), right before replacing it
      if (readdirSync(target).length === 0) keptMode = lstatSync(target).mode & 0o7777;
      renameSync(target, aside);
      movedAside = true;
    }
    renameSync(tmp, target);
    if (keptMode !== null) chmodSync(target, keptMode);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    if (movedAside && !existsSync(target)) renameSync(aside, target);
    if (movedAside) removeAside(aside);
    throw writeError(target, e);
  }
  if (movedAside) removeAside(aside);
  return target;
}

/**
 * Removes the previous results once the new ones are in place. Files that cannot be deleted (a
 * read-only folder) stay in the hidden `.old` folder, which a later run removes once it can: the
 * results were written, and a QA review's run said "permission denied" with exit 4 all the same.
 */
function removeAside(aside: string): void {
  try {
    rmSync(aside, { recursive: true, force: true });
  } catch {
    // left for removeStaleTemporaries
  }
}

/** Lists the files renewsim wrote, so --force can tell its own folders from anyone else's. */
function manifest(names: string[]): string {
  return JSON.stringify({ written_by: MANIFEST_SIGNATURE, engine_version: ENGINE_VERSION, files: names }, null, 2) + "\n";
}

const TEMPORARY = /^\.(.+)\.renewsim-(\d+)-[0-9a-f]{8}\.(tmp|old)$/;

/** Removes temporary folders (or files) for `name` whose writing process is gone. */
export function removeStaleTemporaries(parent: string, name: string): void {
  let entries: string[];
  try {
    entries = readdirSync(parent);
  } catch {
    return;
  }
  for (const entry of entries) {
    const m = TEMPORARY.exec(entry);
    if (!m || m[1] !== name || isRunning(Number(m[2]))) continue;
    const path = join(parent, entry);
    try {
      const stat = lstatSync(path);
      if (stat.isDirectory() || stat.isFile()) rmSync(path, { recursive: true, force: true });
    } catch {
      // removed meanwhile by another run cleaning up: nothing left to do
    }
  }
}

/** A unique temporary name beside `target`, recognised by removeStaleTemporaries. */
export function temporaryName(target: string, suffix: "tmp" | "old"): string {
  return join(dirname(target), `.${basename(target)}.renewsim-${process.pid}-${randomBytes(4).toString("hex")}.${suffix}`);
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0); // signal 0 only asks whether the process exists
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

function attempt(target: string, action: () => void): void {
  try {
    action();
  } catch (e) {
    throw writeError(target, e);
  }
}

/** A failed write in words, naming the folder; renewsim's own errors pass through. */
export function writeError(target: string, e: unknown, what = "results folder"): Error {
  if (e instanceof OutputExistsError || e instanceof OutputRefusedError) return e;
  const code = (e as NodeJS.ErrnoException)?.code;
  const where = displayFile(target);
  switch (code) {
    case "EEXIST":
    case "ENOTEMPTY":
      return new OutputExistsError(target, `${what} (written by another run at the same time)`);
    case "ENOSPC":
    case "EDQUOT":
    case "EFBIG":
      return new OutputRefusedError(`cannot write the ${what} ${where}: the disk is full (or over quota); nothing was written`);
    case "EACCES":
    case "EPERM":
      return new OutputRefusedError(`cannot write the ${what} ${where}: permission denied; nothing was written`);
    case "EROFS":
      return new OutputRefusedError(`cannot write the ${what} ${where}: the file system is read-only; nothing was written`);
    case "ENOTDIR":
      return new OutputRefusedError(`cannot write the ${what} ${where}: a part of its path is a file, not a folder`);
    case "ENAMETOOLONG":
      return new OutputRefusedError(`cannot write the ${what} ${where}: the path is too long`);
    default:
      return code ? new OutputRefusedError(`cannot write the ${what} ${where} (${code}); nothing was written`) : (e as Error);
  }
}
