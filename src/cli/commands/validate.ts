/**
 * `simulate validate FILE [--with …] [--print | --normalised] [--strict]`: check a scenario; print the merged
 * input (all layers applied, as written), or with --normalised (alone or after --print) the scenario the model is built from
 * (defaults filled in, amounts in yuan, shares as fractions, CSV tables and region groups expanded).
 * --strict fails (exit 2) on a scenario that loads with notes — a missing budget year read as no money,
 * a file read as GBK, an amount that looks like a unit slip — for an office's check before a scenario
 * is handed on, where a note on a terminal is easily missed.
 */
import type { Command } from "commander";
import { stringify } from "yaml";
import { loadCheckedScenario, refuseNotes } from "../../loadChecked.js";
import { printNotices } from "../summary.js";
import { ALLOW_OUTSIDE_HELP, collect, STRICT_HELP } from "../options.js";
import { writeProduct } from "../closedPipes.js";

export function registerValidate(program: Command): void {
  program
    .command("validate <file>")
    .description("check a scenario (and overlays) and report every problem with its path and line")
    .option("--with <overlay>", "overlay scenario file, applied in order (repeatable)", collect, [])
    .option("--allow-outside <folder>", ALLOW_OUTSIDE_HELP, collect, [])
    .option("--print", "print the merged scenario (all layers applied) as YAML")
    .option("--normalised", "print the normalised scenario the model is built from (defaults applied, amounts in yuan); implies --print")
    .option("--strict", STRICT_HELP)
    .action((file: string, opts) => {
      const loaded = loadCheckedScenario(file, { overlays: opts.with, allowOutside: opts.allowOutside });
      printNotices(loaded.notices, loaded.unitSlips);
      if (opts.strict) refuseNotes(loaded, true);
      // The YAML paths normalised limits keep (for diagnoses) are bookkeeping, not model input.
      const withoutPaths = (key: unknown, value: unknown) => (key === "path" || key === "slotPaths" ? undefined : value);
      if (opts.normalised) writeProduct(stringify(loaded.scenario, withoutPaths, { lineWidth: 0 }));
      else if (opts.print) writeProduct(stringify(loaded.merged, { lineWidth: 0 }));
      else {
        const s = loaded.scenario;
        const leaves = s.regions.filter((r) => r.isLeaf).length;
        const n = (count: number, noun: string) => `${count} ${noun}${count === 1 ? "" : "s"}`;
        process.stdout.write(
          `ok: ${s.name} — ${s.horizon.start}–${s.horizon.end}, ${n(leaves, "leaf region")}, ${n(s.programs.length, "programme")}, ` +
            `${n(s.sources.length, "source")}, ${n(s.targets.length, "target")} (layers: ${loaded.layers.length}, hash ${loaded.hash.slice(0, 12)})\n`,
        );
      }
    });
}
