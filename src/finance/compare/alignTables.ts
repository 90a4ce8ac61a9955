/**
 * Aligns the same result table of several folders on its key columns (TABLE_KEYS) and lists, for
 * every numeric column, the value in each folder and the delta against the first. Booleans
 * (`met`, `binding`) count as 1/0 so a target that stops being met shows up.
 */
import { isShareColumn, TABLE_KEYS } from "../../output/columns.js";
import type { CsvTable } from "./readFolder.js";

export interface CompareRow {
  file: string;
  /** Key columns joined: "year=2023;region=guangzhou-urban;program=retrofit". */
  key: string;
  column: string;
  /** Text as in each folder's CSV ("" when the row is missing there). */
  values: string[];
  /** values[i] − values[0] for i ≥ 1 (null when either is missing or not numeric). */
  deltas: (number | null)[];
  /** delta / |values[0]| (null when values[0] is 0 or missing, and for a share: isShareColumn). */
  relDeltas: (number | null)[];
  /** 1-based folder numbers that lack this row. */
  missingIn: number[];
}

/** `keys`: the columns the rows are aligned on (default: the file's TABLE_KEYS). */
export function compareTable(file: string, tables: (CsvTable | undefined)[], keys: string[] = TABLE_KEYS[file] ?? []): CompareRow[] {
  const present = tables.filter((t): t is CsvTable => t !== undefined);
  if (present.length === 0) return [];
  const indexed = tables.map((t) => new Map((t?.rows ?? []).map((r) => [keyOf(r, keys), r])));
  const order: string[] = [];
  const seen = new Set<string>();
  for (const m of indexed) for (const k of m.keys()) if (!seen.has(k)) (seen.add(k), order.push(k));
  const columns = numericColumns(present, keys);
  const out: CompareRow[] = [];
  for (const key of order) {
    const rows = indexed.map((m) => m.get(key));
    const missingIn = rows.flatMap((r, i) => (r ? [] : [i + 1]));
    for (const column of columns) {
      const values = rows.map((r) => r?.[column] ?? "");
      const nums = values.map(toNumber);
      // Blank in both (e.g. no validity range on either side) is no change; blank on one side is.
      const deltas = nums.slice(1).map((v, j) => (v === null || nums[0] === null ? (values[j + 1] === values[0] ? 0 : null) : tidy(v - nums[0], decimals(values[0], values[j + 1]))));
      // A share's change is its delta, in percentage points: 0.7 % → 92.6 % is not "+13,128.6 %".
      const share = isShareColumn(column);
      const relDeltas = deltas.map((d) => (d === 0 ? 0 : d === null || share || nums[0] === null || nums[0] === 0 ? null : tidy(d / Math.abs(nums[0]))));
      out.push({ file, key, column, values, deltas, relDeltas, missingIn });
    }
  }
  return out;
}

export function keyOf(row: Record<string, string>, keys: string[]): string {
  return keys.map((k) => `${k}=${row[k] ?? ""}`).join(";");
}

/** Columns (other than keys) whose every non-empty value, in every folder, is a number or boolean. */
function numericColumns(tables: CsvTable[], keys: string[]): string[] {
  const all: string[] = [];
  for (const t of tables) for (const c of t.columns) if (!all.includes(c) && !keys.includes(c)) all.push(c);
  return all.filter((c) => {
    let any = false;
    for (const t of tables) {
      for (const r of t.rows) {
        const v = r[c];
        if (v === undefined || v === "") continue;
        if (toNumber(v) === null) return false;
        any = true;
      }
    }
    return any;
  });
}

export function toNumber(text: string): number | null {
  if (text === "true") return 1;
  if (text === "false") return 0;
  if (text.trim() === "") return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

/**
 * x without float noise, so equal inputs give exactly 0 and CSVs stay stable: 12 significant
 * digits, and no more decimals than the values it came from had (1420000.8307 − 1420024.3338 is
 * −23.5031, not −23.5030999999).
 */
function tidy(x: number, places = Infinity): number {
  const significant = Number(x.toPrecision(12));
  const r = Number.isFinite(places) ? Number(significant.toFixed(places)) : significant;
  return r === 0 ? 0 : r;
}

/** The most decimals written in either CSV value ("1.25" and "3" → 2; exponent forms → none known). */
function decimals(a: string, b: string): number {
  const of = (v: string) => (/e/i.test(v) ? Infinity : (v.split(".")[1] ?? "").length);
  return Math.max(of(a), of(b));
}

/**
 * How much a row changed, for ranking: the largest |delta| relative to the larger magnitude — or,
 * for a share, relative to the whole: its change in percentage points (P(met) 0 → 57 % is 0.57).
 */
export function changeScore(row: CompareRow): number {
  let best = 0;
  const share = isShareColumn(row.column);
  row.deltas.forEach((d, i) => {
    if (d === null || d === 0) return;
    if (share) return void (best = Math.max(best, Math.abs(d)));
    const a = Math.abs(toNumber(row.values[0]) ?? 0);
    const b = Math.abs(toNumber(row.values[i + 1]) ?? 0);
    best = Math.max(best, Math.abs(d) / Math.max(a, b, 1e-12));
  });
  return best;
}
