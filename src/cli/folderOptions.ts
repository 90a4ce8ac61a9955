/**
 * The options every command that writes a results folder shares (stress, min-budget, frontier):
 * `--with`, `--allow-outside`, `--out`, `--force`, `--no-bom`, `--no-xlsx`, `--strict`, and the loader's notes
 * (e.g. a CSV read as GBK) printed before the solve unless `--quiet`.
 */
import type { FolderRequest } from "../folderRun.js";
import { printNotices } from "./summary.js";

export function folderOptions(opts: Record<string, unknown>): FolderRequest {
  return {
    overlays: opts.with as string[],
    allowOutside: opts.allowOutside as string[],
    out: opts.out as string | undefined,
    force: opts.force as boolean | undefined,
    bom: opts.bom as boolean,
    xlsx: opts.xlsx as boolean | undefined,
    strict: opts.strict as boolean | undefined,
    onLoaded: opts.quiet ? undefined : (loaded) => printNotices(loaded.notices, loaded.unitSlips),
  };
}
