/** Path questions asked by both the input confinement and the output guard. */
import { realpathSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative } from "node:path";

/**
 * The path with symbolic links resolved; for a path that does not exist (yet), its deepest
 * existing ancestor resolved and the rest appended, so a missing file is still judged by where it
 * would really be.
 */
export function realOrLexical(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    const parent = dirname(path);
    return parent === path ? path : join(realOrLexical(parent), basename(path));
  }
}

/** True when `path` lies strictly inside `folder` (both absolute). */
export function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel);
}
