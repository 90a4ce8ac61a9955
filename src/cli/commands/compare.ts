/**
 * `simulate compare DIR DIR … [--out compare.csv] [--force] [--top N]`: align the result tables of
 * several results folders on their keys, write values and deltas against the first folder, print
 * the rows that changed most and the scenario inputs that differ. Beside the CSV: <name>.html (the
 * largest changes as charts) and <name>.xlsx (unless --no-xlsx).
 */
import type { Command } from "commander";
import { COMPARE_SIGNATURE, compareFolders, compareText, folderSummaries, renderCompareCsv } from "../../finance/compare/compare.js";
import { REPORT_FILE, WORKBOOK_FILE, withOfficeFiles } from "../../output/officeFiles.js";
import { checkFileTarget, type FileRules, firstLineStartsWith, headMentions } from "../../output/outputTarget.js";
import { writeFileAtomically } from "../../output/writeFile.js";
import { REPORT_GENERATOR_PREFIX } from "../../version.js";
import { parsePositiveInt } from "../options.js";
import { compareCsvPath } from "../../finance/compare/outPath.js";
import { keyNames } from "../../finance/compare/keyNames.js";
import { overlayCaveats } from "../../finance/compare/overlayCaveat.js";

export function registerCompare(program: Command): void {
  program
    .command("compare <dirs...>")
    .description("compare results folders: values and deltas vs the first folder, changed inputs")
    .option("-o, --out <file>", "CSV to write (a new name without an extension gets .csv)", "compare.csv")
    .option("--force", "compare folders with different output versions or horizons; replace an existing --out file")
    .option("--top <n>", "changed values to print per file", "5")
    .option("--no-bom", "write CSV without the UTF-8 byte-order mark")
    .option("--no-xlsx", "do not write the .xlsx beside the CSV")
    .action(async (dirs: string[], opts) => {
      const top = parsePositiveInt(opts.top, "--top", 5);
      const out = compareCsvPath(opts.out);
      const stem = out.replace(/\.csv$/i, "");
      // --force replaces only renewsim's own compare files (outputTarget.ts): the CSV by its header,
      // the report by naming renewsim, the workbook when it is a zip beside renewsim's CSV.
      const csvRules: FileRules = { force: opts.force ?? false, inputs: dirs, isOurs: firstLineStartsWith(COMPARE_SIGNATURE), what: "compare file" };
      const targets: Record<string, [string, FileRules]> = {
        "compare.csv": [out, csvRules],
        [REPORT_FILE]: [`${stem}.html`, { ...csvRules, isOurs: headMentions(REPORT_GENERATOR_PREFIX), what: "compare report" }],
        [WORKBOOK_FILE]: [`${stem}.xlsx`, { ...csvRules, isOurs: (f) => headMentions("PK")(f) && csvRules.isOurs(out), what: "compare workbook" }],
      };
      for (const [target, rules] of Object.values(targets)) checkFileTarget(target, rules); // before reading the folders
      const result = await compareFolders(dirs, { force: opts.force ?? false });
      const csv = renderCompareCsv(result, { bom: opts.bom });
      const summaries = folderSummaries(result.folders);
      const names = summaries.map((s) => s.title).join(" ↔ ");
      const files = await withOfficeFiles({ "compare.csv": csv }, { kind: "compare", xlsx: opts.xlsx, runInfo: {
        scenario: { name: names }, folders: summaries, names: keyNames(result.folders),
        // The notes the printout gives under the folders, for compare.html's and 概要's key figures.
        overlay_notes: overlayCaveats(result.folders, result.inputs, result.rows),
      } });
      // The workbook last: it is recognised as ours by the CSV beside it.
      for (const name of ["compare.csv", REPORT_FILE, WORKBOOK_FILE].filter((n) => n in files)) {
        writeFileAtomically(targets[name][0], files[name], targets[name][1]);
      }
      process.stdout.write(compareText(result, top, out));
    });
}
