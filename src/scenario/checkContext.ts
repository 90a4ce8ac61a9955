/**
 * Shared state and lenient readers for the cross-field checks. The checks run on the merged raw
 * document even when the schema found problems (so a planner sees every problem at once); a value
 * of the wrong type reads as undefined here and is skipped, because the schema reports it.
 */
import { formatPath, isRecord, type PathKey } from "./positions.js";
import { Hints, idsByName, idsListed, nameNotId } from "./suggest.js";
import { parseAmount, parseShare } from "./units.js";

/** What a spreadsheet's totals row names itself (合计, 总计, 小计): not a region. */
const TOTALS = new Set(["合计", "总计", "小计", "共计", "total", "Total", "TOTAL"]);

/** Whether a cell names a spreadsheet's totals row (合计, 总 计 …). */
export function isTotalsLabel(cell: unknown): boolean {
  return typeof cell === "string" && TOTALS.has(cell.replace(/\s+/g, ""));
}
/** The hint on a totals row's region (合计): like NAME_NOT_ID, it explains the id format's failure too. */
export const TOTALS_ROW = "a totals row?";

export type Doc = Record<string, unknown>;

export const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
export const rec = (v: unknown): Doc | undefined => (isRecord(v) ? v : undefined);
/** The records of a list with their indices (non-records are the schema's business). */
export const records = (v: unknown): [Doc, number][] =>
  list(v).flatMap((item, i) => (isRecord(item) ? [[item, i] as [Doc, number]] : []));
export const id = (v: unknown): string | undefined =>
  typeof v === "string" && v !== "" ? v : Number.isInteger(v) && (v as number) >= 0 ? String(v) : undefined;
/** A true/false key as the schema reads it (是 / 否 too). */
export { flagValue as flag } from "./flag.js";
export const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);
export const year = (v: unknown): number | undefined => {
  const text = typeof v === "string" ? v.normalize("NFKC").trim() : null; // ２０２１ as the schema reads it
  const n = text !== null && /^\d{4}$/.test(text) ? Number(text) : num(v);
  return n !== undefined && Number.isInteger(n) && n >= 1900 && n <= 2200 ? n : undefined;
};
export const share = (v: unknown): number | undefined => {
  const s = parseShare(v);
  return s !== null && s >= 0 && s <= 1 ? s : undefined;
};
export const amount = (v: unknown): number | undefined => {
  const a = parseAmount(v);
  return a !== null && a >= 0 ? a : undefined;
};
/** Numbers in messages without float noise: 0.30000000000000004 → 0.3. */
export const fmt = (x: number): string => String(Number(x.toFixed(9)));

export interface RegionIndex {
  /** Tree regions in scenario order. */
  tree: string[];
  parent: Map<string, string | null>;
  children: Map<string, string[]>;
  leaves: Set<string>;
  groups: Map<string, string[]>;
  roots: string[];
}

/**
 * `table`: a record whose data table, as a whole, is where the problem is fixed (rows missing from
 * it) when the record was read from one; a record written in YAML leaves the problem at `path`.
 */
export type Report = (path: PathKey[], message: string, table?: PathKey[]) => void;

export class CheckContext {
  horizon: { start: number; end: number } | null = null;
  regions: RegionIndex = { tree: [], parent: new Map(), children: new Map(), leaves: new Set(), groups: new Map(), roots: [] };
  programs = new Map<string, Doc>();
  /** Index in `programs:` of each programme id (its first record). */
  programIndex = new Map<string, number>();
  sourceKinds = new Map<string, string>();
  /** Longest spend profile: budgets may run this many years minus one past the horizon end. */
  longestProfile = 1;
  /**
   * A programme record without spend_profile has a key the schema does not know that may be a
   * misspelt spend_profile (none nearer another key), so the longest spend profile, and with it
   * the last year a budget may cover, is not known.
   */
  profileUnknown = false;
  readonly hints = new Hints();

  /**
   * @param leftOut lists (formatted paths) that a data table left out partly fills (it could not be
   *   read, or its header is wrong: ProblemLog.leaveOutTable). Checks that need the whole list wait
   *   until it loads: they would only echo the table's problem.
   */
  constructor(
    readonly doc: Doc,
    readonly report: Report,
    private readonly leftOut: ReadonlySet<string> = new Set(),
  ) {}

  /** Whether every record of the list at `path` is here (no table filling it was left out). */
  whole(path: PathKey[]): boolean {
    return !this.leftOut.has(formatPath(path));
  }

  /** Whether a programme's by_region rows are all here. */
  leafRowsWhole(program: string): boolean {
    const i = this.programIndex.get(program);
    return i === undefined || this.whole(["programs", i, "by_region"]);
  }

  isNode(region: string): boolean {
    return this.regions.parent.has(region) || this.regions.groups.has(region);
  }

  private readonly leafRowCache = new Map<string, Map<string, Doc>>();

  /** A programme's by_region rows by leaf id (first row per leaf). */
  leafRows(program: string): Map<string, Doc> {
    let rows = this.leafRowCache.get(program);
    if (!rows) {
      rows = new Map();
      for (const [row] of records(this.programs.get(program)?.by_region)) {
        const leaf = id(row.region);
        if (leaf !== undefined && !rows.has(leaf)) rows.set(leaf, row);
      }
      this.leafRowCache.set(program, rows);
    }
    return rows;
  }

  /** Leaves below a node (itself if a leaf), or below any member of a group. */
  leavesUnder(region: string): Set<string> {
    const out = new Set<string>();
    const walk = (r: string, depth: number): void => {
      if (depth > this.regions.tree.length) return; // guards against a cycle the checks reported
      if (this.regions.leaves.has(r)) out.add(r);
      for (const c of this.regions.children.get(r) ?? []) walk(c, depth + 1);
    };
    for (const r of this.regions.groups.get(region) ?? [region]) walk(r, 0);
    return out;
  }

  /** Checks a reference to a region node or group; returns the id when it is known. */
  region(path: PathKey[], value: unknown): string | undefined {
    const r = id(value);
    if (r === undefined) return undefined;
    if (this.isNode(r)) return r;
    if (!this.whole(["regions"])) return undefined;
    const named = this.regionNamed(r);
    const hint = named
      ? ` (${nameNotId(r, "region", named)})`
      : isTotalsLabel(r) ? `; ${TOTALS_ROW} leave it out: the plan adds the rows up itself`
      : this.hints.didYouMean(r, () => [...this.regions.parent.keys(), ...this.regions.groups.keys()]);
    this.report(path, `unknown region "${r}"${hint}`);
    return undefined;
  }

  /** The ids of the regions or groups a reference names by their name (a record's `广州市` for gz); undefined otherwise. */
  regionNamedBy(value: unknown): readonly string[] | undefined {
    const r = id(value);
    return r === undefined ? undefined : this.regionNamed(r);
  }

  private regionNames: Map<string, string[]> | null = null;

  /** The ids of the regions or groups whose name is `name` (a CSV typed with 西城街道 for xicheng). */
  private regionNamed(name: string): readonly string[] | undefined {
    this.regionNames ??= idsByName([...records(this.doc.regions), ...records(this.doc.region_groups)].map(([r]) => ({ id: id(r.id), name: r.name })));
    return this.regionNames.get(name);
  }

  /** Checks a reference that must be a leaf of the region tree. */
  leaf(path: PathKey[], value: unknown, what: string): string | undefined {
    const r = this.region(path, value);
    if (r === undefined) return undefined;
    if (this.regions.leaves.has(r)) return r;
    if (!this.whole(["regions"])) return undefined; // its children may be in the table left out
    const kids = this.regions.children.get(r);
    const why = kids ? `it has children (${kids.join(", ")})` : "it is a region group";
    this.report(path, `${what} must be a leaf region; "${r}" is not: ${why}`);
    return undefined;
  }

  program(path: PathKey[], value: unknown): string | undefined {
    return this.known(path, value, [...this.programs.keys()], "programme", "programs");
  }

  source(path: PathKey[], value: unknown): string | undefined {
    return this.known(path, value, [...this.sourceKinds.keys()], "source", "sources");
  }

  private readonly entryNames = new Map<string, Map<string, string[]>>();

  /**
   * An unknown programme or source written as its name (典型镇培育 for typical-town) is told the id,
   * as a region is; one no hint names is told the ids to choose from (a short list, with names).
   */
  private known(path: PathKey[], value: unknown, ids: string[], what: string, list: "programs" | "sources"): string | undefined {
    const v = id(value);
    if (v === undefined || ids.includes(v)) return v;
    const entries = () => records(this.doc[list]).map(([r]) => ({ id: id(r.id), name: r.name }));
    let byName = this.entryNames.get(list);
    if (!byName) this.entryNames.set(list, (byName = idsByName(entries())));
    const named = byName.get(v);
    const hint = named ? ` (${nameNotId(v, what, named)})` : this.hints.didYouMean(v, () => ids) || idsListed(what, entries());
    this.report(path, `unknown ${what} "${v}"${hint}`);
    return undefined;
  }

  /** The region a record applies to when it names none: the single root region. */
  defaultRegion(path: PathKey[], what: string): string | undefined {
    if (this.regions.roots.length === 1) return this.regions.roots[0];
    if (this.regions.roots.length > 1) {
      this.report(path, `${what} needs a region: the scenario has several root regions (${this.regions.roots.join(", ")})`);
    }
    return undefined;
  }

  /** Checks that a year lies in the horizon, extended `after` years past its end. */
  yearInHorizon(path: PathKey[], value: unknown, what: string, after = 0): number | undefined {
    const y = year(value);
    if (y === undefined || !this.horizon) return y;
    const { start, end } = this.horizon;
    if (y < start || y > end + after) {
      const range = after > 0 ? `${start}–${end + after}` : `${start}–${end}`;
      this.report(path, `${what} ${y} is outside the horizon ${start}–${end}${after > 0 ? ` (allowed: ${range}, to pay for units started in ${end})` : ""}`);
    }
    return y;
  }

  /** Reports records whose `key` repeats an earlier record's, naming the first. */
  uniqueIds(listPath: PathKey[], entries: [Doc, number][], what: string, seen = new Map<string, string>()): void {
    for (const [item, i] of entries) {
      const v = id(item.id);
      if (v === undefined) continue;
      const first = seen.get(v);
      if (first !== undefined) this.report([...listPath, i, "id"], `${what} id "${v}" is used twice (also ${first})`);
      else seen.set(v, formatPath([...listPath, i]));
    }
  }
}
