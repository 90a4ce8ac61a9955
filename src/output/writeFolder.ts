/**
 * Atomic results folder: everything is written into a temporary sibling folder, then renamed into
 * place, so a reader never sees a half-written result. An existing folder is only replaced with
 * `force`.
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";

export class OutputExistsError extends Error {
  readonly kind = "output_exists";
  constructor(readonly dir: string) {
    super(`results folder ${dir} already exists; use --force to replace it or --out to choose another`);
  }
}

export function assertWritable(dir: string, force: boolean): void {
  if (existsSync(dir) && !force) throw new OutputExistsError(dir);
}

export function writeFolderAtomically(dir: string, files: Record<string, string | Uint8Array>, force: boolean): string {
  const target = resolve(dir);
  assertWritable(target, force);
  mkdirSync(dirname(target), { recursive: true });
  const tmp = join(dirname(target), `.${basename(target)}.tmp-${process.pid}-${Date.now()}`);
  mkdirSync(tmp);
  try {
    for (const name of Object.keys(files).sort()) writeFileSync(join(tmp, name), files[name]);
    if (existsSync(target)) {
      const old = `${tmp}-old`;
      renameSync(target, old);
      renameSync(tmp, target);
      rmSync(old, { recursive: true, force: true });
    } else renameSync(tmp, target);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  return target;
}
