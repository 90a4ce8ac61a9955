/**
 * `--shard k/n` results folders and `simulate merge`.
 *
 * A shard folder holds the plan files (the plan is deterministic, so every shard has the same)
 * plus shard.json: the shard's draws (every metric of every draw, exactly), the metric layout,
 * and what identifies the run — scenario hash, seed, mode, total draws N, k/n. Merging checks
 * that the shards belong together, merges their draws in draw order and renders the Monte Carlo
 * files through the same code as a single run, so every CSV is byte-identical to the unsharded run.
 *
 * Values are stored as base64 of little-endian float64 per metric: exact (NaN included) and about
 * half the size of decimal JSON, which matters at 10⁵ draws × ~150 metrics.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { UsageError } from "../errors.js";
import { OFFICE_FILES, withOfficeFiles } from "../output/officeFiles.js";
import { assertWritable, writeFolderAtomically } from "../output/writeFolder.js";
import type { TargetRow } from "../results/types.js";
import { createShard, drawRange, mergeShards, type OutcomeShard } from "../stats/outcomes.js";
import { type McRunInfo, type McTables, monteCarloTables, renderMonteCarloFiles } from "./mcFiles.js";
import type { MetricLayout } from "./metrics.js";
import { type McMode, shardRange } from "./monteCarlo.js";

export const SHARD_FILE = "shard.json";
const FORMAT = "renewsim-monte-carlo-shard";
const VERSION = 1;

export interface ShardFile {
  format: typeof FORMAT;
  version: number;
  scenario: { name: string; hash: string };
  seed: number;
  mode: McMode;
  /** Total draws of the whole run (N) and this slice: draws [range[0], range[1]). */
  draws_total: number;
  shard: { k: number; n: number };
  range: [number, number];
  csv_bom: boolean;
  save_draws: boolean;
  root_region: string;
  /** The planned targets.csv rows, so the merged targets.csv can append the Monte Carlo columns. */
  planned_targets: TargetRow[];
  layout: MetricLayout;
  outcome: { metrics: string[]; encoding: "float64le-base64"; values: string[] };
}

export type ShardInfo = Omit<ShardFile, "format" | "version" | "outcome">;

export function renderShardFile(info: ShardInfo, shard: OutcomeShard): string {
  const [first, end] = info.range;
  if (shard.draws.length !== end - first || (shard.draws.length > 0 && shard.draws[0] !== first)) {
    throw new RangeError(`shard holds ${shard.draws.length} draws, expected ${first} … ${end - 1}`);
  }
  const file: ShardFile = {
    format: FORMAT,
    version: VERSION,
    ...info,
    outcome: { metrics: shard.metrics, encoding: "float64le-base64", values: shard.values.map(encodeValues) },
  };
  return JSON.stringify(file) + "\n";
}

function encodeValues(values: Float64Array): string {
  const b = Buffer.alloc(values.length * 8);
  for (let i = 0; i < values.length; i++) b.writeDoubleLE(values[i], i * 8);
  return b.toString("base64");
}

function decodeValues(text: string, count: number, where: string): Float64Array {
  const b = Buffer.from(text, "base64");
  if (b.length !== count * 8) throw new UsageError(`${where}: shard.json is damaged (a metric has ${b.length / 8} values for ${count} draws)`);
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) out[i] = b.readDoubleLE(i * 8);
  return out;
}

export interface ShardFolder {
  dir: string;
  info: ShardFile;
  shard: OutcomeShard;
}

export function readShardFolder(dir: string): ShardFolder {
  const path = join(dir, SHARD_FILE);
  if (!existsSync(dir)) throw new UsageError(`${dir} does not exist: name the folders --shard k/n wrote`);
  if (!existsSync(path)) throw new UsageError(`${dir} is not a shard results folder (no ${SHARD_FILE}; run simulate with --shard k/n)`);
  let info: ShardFile;
  try {
    info = JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    throw new UsageError(`${path} is not valid JSON: ${(e as Error).message}`);
  }
  if (info?.format !== FORMAT) throw new UsageError(`${path} is not a renewsim shard file`);
  if (info.version !== VERSION) throw new UsageError(`${path} has shard format version ${info.version}; this renewsim reads version ${VERSION}`);
  const [first, end] = info.range;
  const shard = createShard(info.outcome.metrics, drawRange(first, end - first));
  info.outcome.values.forEach((text, m) => (shard.values[m] = decodeValues(text, end - first, dir)));
  return { dir, info, shard };
}

/** Throws a UsageError naming the folders unless the shards are exactly the n slices of one run. */
export function checkShardSet(folders: ShardFolder[]): void {
  if (folders.length === 0) throw new UsageError("merge needs at least one shard folder");
  const first = folders[0];
  const same: [string, (f: ShardFile) => unknown][] = [
    ["scenario hash (the scenarios differ)", (f) => f.scenario.hash],
    ["seed", (f) => f.seed],
    ["mode", (f) => f.mode],
    ["total draws N", (f) => f.draws_total],
    ["shard count n", (f) => f.shard.n],
    ["metric layout", (f) => JSON.stringify(f.layout)],
  ];
  for (const [what, get] of same) {
    const odd = folders.find((f) => get(f.info) !== get(first.info));
    if (odd) {
      throw new UsageError(`shards do not belong together: ${what} differs between ${first.dir} (${show(get(first.info))}) and ${odd.dir} (${show(get(odd.info))})`);
    }
  }
  const { n } = first.info.shard;
  const byK = new Map<number, string[]>();
  for (const f of folders) byK.set(f.info.shard.k, [...(byK.get(f.info.shard.k) ?? []), f.dir]);
  const twice = [...byK].filter(([, dirs]) => dirs.length > 1);
  if (twice.length > 0) throw new UsageError(`shard ${twice[0][0]}/${n} given more than once: ${twice[0][1].join(", ")}`);
  const missing = Array.from({ length: n }, (_, i) => i + 1).filter((k) => !byK.has(k));
  if (missing.length > 0) throw new UsageError(`missing shard${missing.length > 1 ? "s" : ""} ${missing.map((k) => `${k}/${n}`).join(", ")} (have ${folders.length} of ${n})`);
  for (const f of folders) {
    const [a, b] = shardRange(f.info.shard.k, n, f.info.draws_total);
    if (f.info.range[0] !== a || f.info.range[1] !== b) throw new UsageError(`${f.dir}: shard ${f.info.shard.k}/${n} should hold draws ${a} … ${b - 1}`);
  }
}

function show(v: unknown): string {
  const s = String(v);
  return s.length > 24 ? `${s.slice(0, 12)}…` : s;
}

/** Merges checked shards into one outcome over draws 0 … N−1, in draw order. */
export function mergeShardFolders(folders: ShardFolder[]): OutcomeShard {
  checkShardSet(folders);
  const sorted = [...folders].sort((a, b) => a.info.shard.k - b.info.shard.k);
  return mergeShards(sorted.map((f) => f.shard));
}

/** Files every shard carries unchanged (the plan); merge copies them after checking they agree. */
export function planFilesOf(folders: ShardFolder[]): Record<string, string> {
  // report.html and results.xlsx are made again from the merged tables (and a shard may lack the workbook).
  const own = new Set([SHARD_FILE, "run.json", "targets.csv", ...OFFICE_FILES]);
  const names = (dir: string) => readdirSync(dir).filter((f) => !own.has(f) && !f.startsWith(".")).sort();
  const base = names(folders[0].dir);
  const files: Record<string, string> = {};
  for (const name of base) files[name] = readFileSync(join(folders[0].dir, name), "utf8");
  for (const f of folders.slice(1)) {
    const list = names(f.dir);
    if (list.join("|") !== base.join("|")) throw new UsageError(`${f.dir} holds different files from ${folders[0].dir} (${list.join(", ")} vs ${base.join(", ")})`);
    for (const name of base) {
      if (readFileSync(join(f.dir, name), "utf8") !== files[name]) {
        throw new UsageError(`${name} differs between ${folders[0].dir} and ${f.dir}: the shards planned differently (another solver or engine version?)`);
      }
    }
  }
  return files;
}

export interface MergedRun {
  outDir: string;
  folders: ShardFolder[];
  tables: McTables;
  runJson: Record<string, unknown> & { monte_carlo: McRunInfo };
}

/**
 * Reads, checks and merges shard folders, and writes the merged results folder atomically. Its
 * run.json is the first shard's with the Monte Carlo record of the whole run (and where it came
 * from); draws.csv is written when the shards were run with --save-draws or `saveDraws` is set.
 */
export async function mergeShardRun(
  dirs: string[],
  /** The results folder, or how to name it from the scenario's name. */
  to: string | ((scenarioName: string) => string),
  options: { force?: boolean; saveDraws?: boolean; xlsx?: boolean } = {},
): Promise<MergedRun> {
  // The shard folders are the inputs: the merged folder may not replace or hold one of them.
  if (typeof to === "string") assertWritable(to, options.force ?? false, dirs); // before reading many draws
  const folders = dirs.map(readShardFolder);
  const out = typeof to === "string" ? to : to(folders[0].info.scenario.name);
  const merged = mergeShardFolders(folders);
  const planFiles = planFilesOf(folders);
  const info = folders[0].info;
  const saveDraws = options.saveDraws || folders.every((f) => f.info.save_draws);
  const tables = monteCarloTables(info.layout, merged, info.planned_targets, { rootRegion: info.root_region, saveDraws });
  const runJson = JSON.parse(readFileSync(join(folders[0].dir, "run.json"), "utf8"));
  const shardRuns = [...folders].sort((a, b) => a.info.shard.k - b.info.shard.k).map((f) => {
    const record = JSON.parse(readFileSync(join(f.dir, "run.json"), "utf8")).monte_carlo as McRunInfo | undefined;
    return { folder: f.dir, shard: `${f.info.shard.k}/${f.info.shard.n}`, workers: record?.workers ?? null };
  });
  runJson.monte_carlo = {
    ...runJson.monte_carlo,
    draws_used: info.draws_total,
    workers: null,
    shard: null,
    draw_range: null,
    all_targets_met: tables.allTargetsMet, // counted over the merged draws, as a single run counts it
    merged_from: shardRuns,
  } satisfies McRunInfo;
  const files = {
    ...planFiles,
    ...renderMonteCarloFiles(tables, { bom: info.csv_bom }),
    "run.json": JSON.stringify(runJson, null, 2) + "\n",
  };
  const outDir = writeFolderAtomically(out, await withOfficeFiles(files, { kind: "merge", xlsx: options.xlsx }), options.force ?? false, dirs);
  return { outDir, folders, tables, runJson };
}
