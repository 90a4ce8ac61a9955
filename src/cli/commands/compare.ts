/**
 * `simulate compare DIR DIR … [--out compare.csv] [--force] [--top N]`: align the result tables of
 * several results folders on their keys, write values and deltas against the first folder, print
 * the rows that changed most and the scenario inputs that differ.
 */
import { resolve } from "node:path";
import type { Command } from "commander";
import { COMPARE_SIGNATURE, compareFolders, compareText, renderCompareCsv } from "../../finance/compare/compare.js";
import { parsePositiveInt } from "../../finance/cutSpec.js";
import { checkFileTarget } from "../../output/outputTarget.js";
import { writeFileAtomically } from "../../output/writeFile.js";

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
      const rules = { force: opts.force ?? false, inputs: dirs, signature: COMPARE_SIGNATURE, what: "compare file" };
      checkFileTarget(opts.out, rules); // before reading the folders
      const result = await compareFolders(dirs, { force: opts.force ?? false });
      const csv = await renderCompareCsv(result, { bom: opts.bom });
      const out = writeFileAtomically(resolve(opts.out), csv, rules);
      process.stdout.write(compareText(result, top, out));
    });
}
