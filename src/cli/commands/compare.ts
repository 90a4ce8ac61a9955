/**
 * `simulate compare DIR DIR … [--out compare.csv] [--force] [--top N]`: align the result tables of
 * several results folders on their keys, write values and deltas against the first folder, print
 * the rows that changed most and the scenario inputs that differ. Beside the CSV: <name>.html (the
 * largest changes as charts) and <name>.xlsx (unless --no-xlsx).
 */
import { existsSync, renameSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import type { Command } from "commander";
import { compareFolders, compareText, renderCompareCsv } from "../../finance/compare/compare.js";
import { parsePositiveInt } from "../../finance/cutSpec.js";
import { REPORT_FILE, WORKBOOK_FILE, withOfficeFiles } from "../../output/officeFiles.js";

export function registerCompare(program: Command): void {
  program
    .command("compare <dirs...>")
    .description("compare results folders: values and deltas vs the first folder, changed inputs")
    .option("--out <file>", "CSV to write", "compare.csv")
    .option("--force", "compare folders with different output versions or horizons; replace an existing --out file")
    .option("--top <n>", "changed values to print per file", "5")
    .option("--no-bom", "write CSV without the UTF-8 byte-order mark")
    .option("--no-xlsx", "do not write the .xlsx beside the CSV")
    .action(async (dirs: string[], opts) => {
      const top = parsePositiveInt(opts.top, "--top", 5);
      const out = resolve(opts.out);
      const stem = out.replace(/\.csv$/i, "");
      const targets: Record<string, string> = { [REPORT_FILE]: `${stem}.html`, [WORKBOOK_FILE]: `${stem}.xlsx`, "compare.csv": out };
      const taken = Object.values(targets).filter((f) => existsSync(f));
      if (taken.length > 0 && !opts.force) throw new CompareFileExists(`${taken.join(", ")} already exist${taken.length === 1 ? "s" : ""}; use --force to replace or --out to choose another file`);
      const result = await compareFolders(dirs, { force: opts.force ?? false });
      const csv = await renderCompareCsv(result, { bom: opts.bom });
      const names = result.folders.map((f) => f.runJson.scenario?.name ?? f.dir).join(" ↔ ");
      const files = await withOfficeFiles({ "compare.csv": csv }, { kind: "compare", xlsx: opts.xlsx, runInfo: { scenario: { name: names } } });
      for (const [name, content] of Object.entries(files)) {
        const target = targets[name];
        // Write beside the target, then rename: never a half-written file.
        const tmp = join(dirname(target), `.${basename(target)}.tmp-${process.pid}`);
        writeFileSync(tmp, content);
        renameSync(tmp, target);
      }
      process.stdout.write(compareText(result, top, out));
    });
}

/** Exit code 4 like an existing results folder (errors.ts maps the kind). */
class CompareFileExists extends Error {
  readonly kind = "output_exists";
}
