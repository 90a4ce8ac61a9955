/**
 * `simulate merge DIR… [--out DIR] [--force]`: combine the folders of a run split with
 * `--shard k/n` into the results folder the unsharded run would have written (every CSV
 * byte-identical). Refuses shards that do not belong together. See docs/distributed.md.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { parse as parseYaml } from "yaml";
import { mergeShardRun } from "../../montecarlo/shardFiles.js";
import { flagValue } from "../../scenario/flag.js";
import { defaultOutDir } from "../../folderRun.js";
import { UsageError } from "../errors.js";
import { monteCarloSummary } from "./plan.js";

export function registerMerge(program: Command): void {
  program
    .command("merge <dirs...>")
    .description("merge Monte Carlo shard folders (--shard k/n) into one results folder")
    .option("-o, --out <dir>", "results folder (default results/<scenario name>)")
    .option("--force", "replace an existing results folder")
    .option("--save-draws", "also write draws.csv (default: when the shards were run with --save-draws)")
    .option("--no-xlsx", "do not write results.xlsx")
    .option("--quiet", "print nothing on success")
    .action(async (dirs: string[], opts) => {
      if (dirs.length === 0) throw new UsageError("merge needs the shard folders");
      const merged = await mergeShardRun(dirs, opts.out ?? defaultOutDir, { force: opts.force, saveDraws: opts.saveDraws, xlsx: opts.xlsx });
      if (opts.quiet) return;
      const info = merged.runJson.monte_carlo;
      process.stdout.write(`merged ${merged.folders.length} shards of ${merged.folders[0].info.scenario.name}\n`);
      process.stdout.write(monteCarloSummary(info, merged.tables, undefined, merged.runJson.confidence != null, integerPrograms(merged.outDir)));
      process.stdout.write(`results written to ${merged.outDir}\n`);
    });
}

/** The programmes the merged folder's input.yaml plans whole (`integer: true`): their P10–P90 print whole. */
export function integerPrograms(dir: string): Set<string> {
  const file = join(dir, "input.yaml");
  if (!existsSync(file)) return new Set();
  const programs = (parseYaml(readFileSync(file, "utf8")) as { programs?: unknown } | null)?.programs;
  if (!Array.isArray(programs)) return new Set();
  return new Set(programs.filter((p) => flagValue(p?.integer) === true && typeof p.id === "string").map((p) => p.id as string));
}
