/**
 * Columns a result table has in some compared folders and not in others. The usual case is the
 * Monte Carlo columns of targets.csv (p_met … p90), of stress.csv (p_met, p_met_se) and of
 * stress_summary.csv (p_all_targets_met, _se): a folder planned with `--draws` has them, one
 * planned without does not, nor does a shard folder (`--shard k/n`), whose statistics
 * `simulate merge` makes from all shards (docs/distributed.md). Their values are in one folder
 * only, so they cannot be compared, and "0 changed values" alone would read as "the same": the
 * summary says which folders lack which columns, and why where run.json tells.
 */
import { MONTE_CARLO_COLUMNS, READING_ORDER } from "../../output/columns.js";
import type { ResultsFolder } from "./readFolder.js";

export interface AbsentColumns {
  file: string;
  columns: string[];
  /** 1-based numbers of the folders whose table lacks these columns (every other one holding the table has them). */
  missingIn: number[];
}

/** Per table, the columns that some folders holding it lack, grouped by the folders that lack them. */
export function absentColumns(folders: ResultsFolder[]): AbsentColumns[] {
  const out: AbsentColumns[] = [];
  for (const file of READING_ORDER) {
    const holding = folders.flatMap((f, i) => (f.tables.has(file) ? [{ columns: new Set(f.tables.get(file)!.columns), number: i + 1 }] : []));
    const byFolders = new Map<string, AbsentColumns>();
    for (const column of new Set(holding.flatMap((h) => [...h.columns]))) {
      const missingIn = holding.filter((h) => !h.columns.has(column)).map((h) => h.number);
      if (missingIn.length === 0) continue;
      const key = missingIn.join(",");
      if (!byFolders.has(key)) byFolders.set(key, { file, columns: [], missingIn });
      byFolders.get(key)!.columns.push(column);
    }
    out.push(...byFolders.values());
  }
  return out;
}

/**
 * `targets.csv: the Monte Carlo columns p_met, p_met_se, p10, p50, p90 are missing in [2] (a shard
 * folder: …), so their values are not compared`
 */
export function absentColumnLines(absent: readonly AbsentColumns[], folders: readonly ResultsFolder[]): string[] {
  return absent.map((a) => {
    const monteCarlo = a.columns.every((c) => MONTE_CARLO_COLUMNS.includes(c));
    const what = monteCarlo ? `the Monte Carlo columns ${a.columns.join(", ")}` : `the columns ${a.columns.join(", ")}`;
    const where = a.missingIn.map((n) => {
      const why = monteCarlo ? withoutMonteCarlo(folders[n - 1]) : null;
      return `[${n}]${why ? ` (${why})` : ""}`;
    });
    return `  ${a.file}: ${what} ${a.columns.length === 1 ? "is" : "are"} missing in ${where.join(" and ")}, so their values are not compared`;
  });
}

/** Why a folder has no Monte Carlo statistics, where its run.json tells. */
function withoutMonteCarlo(folder: ResultsFolder): string | null {
  const mc = folder.runJson.monte_carlo;
  if (mc === undefined || mc === null) return "planned without --draws";
  const shard = (mc as { shard?: unknown }).shard;
  if (typeof shard === "string") return `shard ${shard}: \`simulate merge\` of all the shards makes them; docs/distributed.md`;
  return null;
}
