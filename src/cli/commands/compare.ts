/**
 * `simulate compare DIR DIR … [--out compare.csv] [--force] [--top N]`: align the result tables of
 * several results folders on their keys, write values and deltas against the first folder, print
 * the rows that changed most and the scenario inputs that differ.
 */
import { existsSync, renameSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import type { Command } from "commander";
import { compareFolders, compareText, renderCompareCsv } from "../../finance/compare/compare.js";
import { parsePositiveInt } from "../../finance/cutSpec.js";

export function registerCompare(program: Command): void {
  program
    .command("compare <dirs...>")
    .description("compare results folders: values and deltas vs the first folder, changed inputs")
    .option("--out <file>", "CSV to write", "compare.csv")
    .option("--force", "compare folders with different output versions or horizons; replace an existing --out file")
    .option("--top <n>", "changed values to print per file", "5")
    .option("--no-bom", "write CSV without the UTF-8 byte-order mark")
    .action(async (dirs: string[], opts) => {
      const top = parsePositiveInt(opts.top, "--top", 5);
      const out = resolve(opts.out);
      if (existsSync(out) && !opts.force) throw new CompareFileExists(`${out} already exists; use --force to replace it or --out to choose another file`);
      const result = await compareFolders(dirs, { force: opts.force ?? false });
      const csv = await renderCompareCsv(result, { bom: opts.bom });
      // Write beside the target, then rename: never a half-written compare.csv.
      const tmp = join(dirname(out), `.${basename(out)}.tmp-${process.pid}`);
      writeFileSync(tmp, csv);
      renameSync(tmp, out);
      process.stdout.write(compareText(result, top, out));
    });
}

/** Exit code 4 like an existing results folder (errors.ts maps the kind). */
class CompareFileExists extends Error {
  readonly kind = "output_exists";
}
