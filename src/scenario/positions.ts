/**
 * Where every value of a scenario came from. Parsed YAML and CSV values are plain JS objects; this
 * side table maps (container object, key or index) → file and line, and the merge copies entries
 * onto the merged objects, so a problem found after merging still points at the layer (or CSV row)
 * that supplied the offending value.
 */

export interface SourcePos {
  /** Absolute path of the YAML or CSV file. */
  file: string;
  /** 1-based line (for a workbook: the row), or null when no single line is responsible. */
  line: number | null;
  /** For an .xlsx data table: the sheet, and the column letter of the cell. */
  sheet?: string;
  column?: string;
  /** For a number too large to hold (`1e400`, which reads as infinite): its text as written, for the message. */
  written?: string;
  /** For a bare number under a money header that gives its unit (`金额（万元）`): that header, as written. */
  unitHeader?: string;
}

export type PathKey = string | number;

export class PositionTable {
  private readonly table = new WeakMap<object, Map<PathKey, SourcePos>>();

  set(container: object, key: PathKey, pos: SourcePos): void {
    let keys = this.table.get(container);
    if (!keys) this.table.set(container, (keys = new Map()));
    keys.set(key, pos);
  }

  get(container: object, key: PathKey): SourcePos | undefined {
    return this.table.get(container)?.get(key);
  }

  /** Copies the position of `from[fromKey]` to `to[toKey]`, if known. */
  copy(from: object, fromKey: PathKey, to: object, toKey: PathKey): void {
    const pos = this.get(from, fromKey);
    if (pos) this.set(to, toKey, pos);
  }

  /**
   * Where a record of a list was written, by file: its path in the YAML layer that wrote it
   * (`sources[0].budgets[1]`), or for a record read from a data table, the path of the
   * `{file: …}` entry that read it, under the table's file. The merge numbers records anew
   * (an overlay's `sources[0]` is the merged `sources[2]`); problems are shown in the numbering of
   * the file they name (writtenPath).
   */
  private readonly origins = new WeakMap<object, ReadonlyMap<string, readonly PathKey[]>>();

  setOrigins(record: object, origins: ReadonlyMap<string, readonly PathKey[]>): void {
    this.origins.set(record, origins);
  }

  originsOf(record: object): ReadonlyMap<string, readonly PathKey[]> | undefined {
    return this.origins.get(record);
  }

  /**
   * `path` in the merged document as the file `file` numbers it: each list record on the way that
   * `file` wrote puts its own path there (`sources[2].budgets[0].by_year.2025` of an overlay whose
   * only source is `sources[0]`, read from its CSV, is `sources[0].budgets[0].by_year.2025`, the
   * entry that names the CSV). Unchanged where `file` wrote no record on the way.
   */
  writtenPath(root: unknown, path: readonly PathKey[], file: string): PathKey[] {
    let out: PathKey[] = [];
    let current: unknown = root;
    for (const key of path) {
      const child = current !== null && typeof current === "object" ? (current as Record<PathKey, unknown>)[key] : undefined;
      out.push(key);
      const own = Array.isArray(current) && child !== null && typeof child === "object" ? this.origins.get(child)?.get(file) : undefined;
      if (own) out = [...own];
      current = child;
    }
    return out;
  }

  /**
   * The position of the value at `path`, or of its deepest existing ancestor when the value is
   * missing (a required key that is absent is reported at the record that lacks it).
   */
  locate(root: unknown, path: readonly PathKey[], fallback: SourcePos): SourcePos {
    let current: unknown = root;
    let pos = fallback;
    for (const key of path) {
      if (current === null || typeof current !== "object") break;
      const found = this.get(current, key);
      if (!found) break;
      pos = found;
      current = (current as Record<PathKey, unknown>)[key];
    }
    return pos;
  }
}

/**
 * `{written}` for a value read as infinite from a numeral (`1e400`, beyond the largest double), so
 * its message can quote the file; nothing for any other value, and for `.inf` written as such.
 */
export function tooLargeWritten(value: unknown, text: string): Pick<SourcePos, "written"> {
  const written = text.trim();
  return value === Infinity || value === -Infinity ? (/^[-+]?\.inf$/i.test(written) ? {} : { written }) : {};
}

const PLAIN_KEY = /^[A-Za-z0-9_][A-Za-z0-9_-]*$/;

/** `["programs", 1, "shares", "residents", "max"]` → `programs[1].shares.residents.max`. */
export function formatPath(path: readonly PathKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else if (PLAIN_KEY.test(key)) out += out === "" ? key : `.${key}`;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out;
}

/** The value at `path` inside a plain document, or undefined. */
export function valueAt(root: unknown, path: readonly PathKey[]): unknown {
  let current: unknown = root;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PathKey, unknown>)[key];
  }
  return current;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Sets an own property even for keys like "__proto__", which plain assignment would not. */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}
