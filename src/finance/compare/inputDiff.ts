/**
 * Which scenario inputs differ between results folders: each folder's input.yaml (the merged
 * scenario) is flattened into `path → value`, where lists of records are keyed by their `id`
 * (or, like the merge, by region/program/year), so a changed budget reads
 * `sources[central].budgets[guangdong].by_year.2024: 9.6亿 → 7.68亿` instead of a list index.
 * A flag one folder left out compares as the value it reads as (flagDefaults.ts); every value
 * compares as the scenario reads it at its key, not as its notation (inputReading.ts). A record only
 * some folders hold (an actuals row, a budget) is one difference, its fields in one value.
 */
import { Defaulted, withFlagDefaults } from "./flagDefaults.js";
import { comparedAs, fieldOf, INPUT_ROOT, type InputNode, itemOf } from "./inputReading.js";

export interface InputDifference {
  path: string;
  /** The value in each folder, as text; null where the path is absent; `(absent: false)` for a flag left out (its default). */
  values: (string | null)[];
}

/** A value of input.yaml: as written, and what it compares as. */
interface Leaf {
  text: string;
  same: string;
  /** A flag the folder left out, read as its default (flagDefaults.ts). */
  defaulted?: boolean;
}

export function diffInputs(inputs: unknown[]): InputDifference[] {
  const flat = inputs.map((doc) => flatten(withFlagDefaults(doc)));
  const paths: string[] = [];
  const seen = new Set<string>();
  for (const m of flat) for (const p of m.keys()) if (!seen.has(p)) (seen.add(p), paths.push(p));
  const out: InputDifference[] = [];
  const records = flat.map(recordsOf);
  const collapsed = new Set<string>();
  // Whether the folders holding a record agree on it, worked out once per record, not per field.
  const agree = new Map<string, boolean>();
  const holdersAgreeOn = (record: string, has: boolean[]) => {
    if (!agree.has(record)) agree.set(record, holdersAgree(record, flat.filter((_, k) => has[k])));
    return agree.get(record)!;
  };
  for (const path of paths) {
    const leaves = flat.map((m) => m.get(path) ?? null);
    // A flag no folder wrote is no row: what made its defaults differ (as_of) is listed itself.
    if (leaves.every((l) => l === null || l.defaulted)) continue;
    if (!leaves.some((l) => l?.same !== leaves[0]?.same)) continue;
    // A record one folder has and another lacks is one row, not a row per field: an office's 277
    // actuals records read as 1,110 "inputs that differ" before anything useful.
    const record = addedRecord(path, records, holdersAgreeOn);
    if (record === null) out.push({ path, values: leaves.map((l) => l?.text ?? null) });
    else if (!collapsed.has(record)) {
      collapsed.add(record);
      out.push({ path: record, values: flat.map((m) => recordText(m, record)) });
    }
  }
  return out;
}

/** Every record path (`actuals[a/b/2024]`, `sources[city].budgets[gz]`) a folder's flattened input holds. */
function recordsOf(flat: Map<string, Leaf>): Set<string> {
  const out = new Set<string>();
  for (const path of flat.keys()) {
    for (let i = path.indexOf("]"); i >= 0; i = path.indexOf("]", i + 1)) out.add(path.slice(0, i + 1));
  }
  return out;
}

/**
 * The outermost record holding `path` that some folders have and others lack, where the folders
 * that have it agree on every field of it (only its presence differs), or null: a record two of
 * three folders hold with different values still differs field by field.
 */
function addedRecord(path: string, records: Set<string>[], agree: (record: string, has: boolean[]) => boolean): string | null {
  for (let i = path.indexOf("]"); i >= 0; i = path.indexOf("]", i + 1)) {
    const record = path.slice(0, i + 1);
    const has = records.map((r) => r.has(record));
    if (has.some((h) => h !== has[0])) return agree(record, has) ? record : null;
  }
  return null;
}

function holdersAgree(record: string, holders: Map<string, Leaf>[]): boolean {
  const fields = holders.map((m) => new Map([...m].filter(([path]) => within(path, record)).map(([path, leaf]) => [path, leaf.same])));
  return fields.every((f) => f.size === fields[0].size && [...f].every(([path, same]) => fields[0].get(path) === same));
}

/** Whether `path` is `record` itself or lies inside it. */
function within(path: string, record: string): boolean {
  return path.startsWith(record) && (path.length === record.length || path[record.length] === "." || path[record.length] === "[");
}

/** Longest text shown for a whole record in one cell. */
const RECORD_TEXT_MAX = 200;

/** A record's fields as one value (`region: a, program: p, year: 2024, started: 1`), or null where absent. */
function recordText(flat: Map<string, Leaf>, record: string): string | null {
  const fields: string[] = [];
  for (const [path, leaf] of flat) {
    if (within(path, record)) {
      if (!leaf.defaulted) fields.push(`${path.slice(record.length).replace(/^\./, "")}: ${leaf.text}`);
    }
  }
  if (fields.length === 0) return null;
  const text = fields.join(", ");
  return text.length > RECORD_TEXT_MAX ? `${text.slice(0, RECORD_TEXT_MAX - 1)}…` : text;
}

/**
 * `doc` as `path → value`; `node` is the schema that reads it (inputReading.ts). Each value is shown
 * as the folder wrote it and compares as the scenario reads it: a flag written 是 is true, so
 * `integer: 是` against `integer: true` is no change; an amount in any unit is its yuan, so a budget
 * of 4.624亿 against an office's 46240万 is none either (it was listed as one: a 万元 budget file
 * read as a cut of every closed year); a share "30%" is 0.3.
 */
function flatten(doc: unknown, node: InputNode = INPUT_ROOT, path = "", out = new Map<string, Leaf>()): Map<string, Leaf> {
  if (doc instanceof Defaulted) {
    out.set(path, { text: `(absent: ${doc.value})`, same: comparedAs(node, doc.value), defaulted: true });
  } else if (isRecord(doc)) {
    const keys = Object.keys(doc);
    if (keys.length === 0 && path) out.set(path, { text: "{}", same: "{}" });
    for (const k of keys) flatten(doc[k], fieldOf(node, k), path ? `${path}.${k}` : k, out);
  } else if (Array.isArray(doc)) {
    const ids = identities(doc);
    if (ids) doc.forEach((item, i) => flatten(item, itemOf(node), `${path}[${ids[i]}]`, out));
    else out.set(path, { text: JSON.stringify(doc), same: comparedAs(node, doc) });
  } else if (doc !== null && doc !== undefined) {
    out.set(path, { text: String(doc), same: comparedAs(node, doc) });
  }
  return out;
}

/** Identity of each record in a list, or null when the list is not a list of identifiable records. */
function identities(list: unknown[]): string[] | null {
  if (list.length === 0 || !list.every(isRecord)) return null;
  const ids = list.map((r) => {
    const rec = r as Record<string, unknown>;
    if (rec.id !== undefined) return String(rec.id);
    if (rec.region === undefined) return null;
    return [rec.region, rec.program, rec.year].filter((x) => x !== undefined).map(String).join("/");
  });
  if (ids.some((id) => id === null)) return null;
  return new Set(ids).size === ids.length ? (ids as string[]) : null;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}
