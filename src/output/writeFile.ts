/**
 * A single output file (`compare --out`, `export -o`), written like a results folder: into a
 * temporary sibling, then moved into place, so the file is complete or absent. Without --force it
 * is created only if nothing is there (a hard link fails if the name exists, so a concurrent run
 * cannot be overwritten either); with --force only a file that `rules.isOurs` recognises as
 * renewsim's is replaced (outputTarget.ts).
 */
import { existsSync, linkSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { checkFileTarget, type FileRules } from "./outputTarget.js";
import { removeStaleTemporaries, temporaryName, writeError } from "./writeFolder.js";

export function writeFileAtomically(file: string, content: string | Uint8Array, rules: FileRules): string {
  const target = resolve(file);
  checkFileTarget(target, rules);
  const tmp = temporaryName(target, "tmp");
  try {
    mkdirSync(dirname(target), { recursive: true });
    removeStaleTemporaries(dirname(target), basename(target));
    writeFileSync(tmp, content, { flag: "wx" });
    if (rules.force) {
      checkFileTarget(target, rules); // still renewsim's, right before replacing it
      renameSync(tmp, target);
    } else {
      createExclusively(tmp, target);
    }
  } catch (e) {
    rmSync(tmp, { force: true });
    throw writeError(target, e, rules.what);
  }
  return target;
}

/** Moves `tmp` to `target` only if nothing is there; a hard link does that atomically. */
function createExclusively(tmp: string, target: string): void {
  try {
    linkSync(tmp, target);
    rmSync(tmp);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // File systems without hard links (FAT, some network shares): check, then move.
    if (code === "EEXIST" || !["EPERM", "ENOTSUP", "EOPNOTSUPP", "EXDEV"].includes(code ?? "")) throw e;
    if (existsSync(target)) throw Object.assign(new Error("exists"), { code: "EEXIST" });
    renameSync(tmp, target);
  }
}
