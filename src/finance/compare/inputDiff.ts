/**
 * Which scenario inputs differ between results folders: each folder's input.yaml (the merged
 * scenario) is flattened into `path → value`, where lists of records are keyed by their `id`
 * (or, like the merge, by region/program/year), so a changed budget reads
 * `sources[central].budgets[guangdong].by_year.2024: 9.6亿 → 7.68亿` instead of a list index.
 * A flag one folder left out compares as the value it reads as (flagDefaults.ts); every value
 * compares as the scenario reads it at its key, not as its notation (inputReading.ts).
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
  for (const path of paths) {
    const leaves = flat.map((m) => m.get(path) ?? null);
    // A flag no folder wrote is no row: what made its defaults differ (as_of) is listed itself.
    if (leaves.every((l) => l === null || l.defaulted)) continue;
    if (leaves.some((l) => l?.same !== leaves[0]?.same)) out.push({ path, values: leaves.map((l) => l?.text ?? null) });
  }
  return out;
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
