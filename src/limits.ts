/**
 * The engine's resource limits, in one place so docs/limits.md, the checks and the tests agree.
 * Every limit is checked before the work it guards starts, and exceeding one is bad input (exit 2)
 * with a message that names the limit. How each number was chosen is in docs/limits.md.
 */

export const LIMITS = {
  /** One YAML layer: 1 MB reads in ≈ 5 s (the shipped scenarios are ≈ 15 KB); tables belong in CSV. */
  yamlBytes: 1024 * 1024,
  /** One CSV data file: ≈ 1.2 million short rows; the row limit below usually binds first. */
  csvBytes: 32 * 1024 * 1024,
  /** One .xlsx workbook (compressed; a sheet of 200,000 rows is ≈ 5 MB). */
  xlsxBytes: 32 * 1024 * 1024,
  /** Data rows in one CSV file (a national run at community level is ≈ 100,000). */
  csvRows: 200_000,
  /** Columns in one CSV file (every table has fewer than 10). */
  csvColumns: 100,
  /** Mappings, lists and values in one YAML layer once aliases are expanded ("billion laughs"). */
  yamlNodes: 1_000_000,
  /** Alias uses (`*name`) in one YAML layer. */
  yamlAliases: 10_000,
  /** Nesting of mappings and lists (a scenario nests ≈ 6 deep). */
  yamlDepth: 64,
  /** Levels of the region tree (China's administrative tree has five). */
  regionDepth: 32,
  /**
   * Planning model columns (starts, cost and funds per leaf, programme and year). Measured: 145,000
   * columns plan in 40 s (1.6 GB), 290,000 in 2 min (3.1 GB); HiGHS runs in 32-bit WebAssembly,
   * whose memory ends at 4 GB.
   */
  modelColumns: 250_000,
  /** Monte Carlo draws in one run (or over all shards of one run). */
  draws: 1_000_000,
  /** Monte Carlo values held in memory at once (draws × metrics, 8 bytes each: 800 MB). */
  drawValues: 100_000_000,
  /** Monte Carlo worker threads that may be asked for; more than the cores are clamped to them. */
  workers: 256,
} as const;

export type LimitName = keyof typeof LIMITS;

/** 2097152 → "2 MB"; 1000000 → "1,000,000". */
export function formatLimit(name: LimitName): string {
  const value = LIMITS[name];
  return name.endsWith("Bytes") ? `${value / (1024 * 1024)} MB` : value.toLocaleString("en-US");
}
