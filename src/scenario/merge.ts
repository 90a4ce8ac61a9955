/**
 * Deep merge of scenario layers, applied left to right onto the accumulated document:
 * - mappings merge key by key; a `null` value removes the key; a mapping whose `type` a layer
 *   changes (a distribution's kind) is replaced, since each kind has its own parameters;
 * - lists of records merge by identity (`id`, or for records without ids but with `region`, the
 *   region together with `program` and `year` when present): a record whose identity exists already
 *   deep-merges into it, a new one is appended, `{id: x, _delete: true}` removes record x;
 * - every other list, and every scalar, is replaced.
 * The result holds no nulls and no `_delete` records. Positions of the merged values are copied
 * from the layer that supplied each value.
 */
import { isRecord, setOwn, type PathKey, type PositionTable, type SourcePos } from "./positions.js";
import type { ProblemLog } from "./problems.js";
import { closest, idsByName, nameNotId } from "./suggest.js";

export interface MergeContext {
  positions: PositionTable;
  /** Optional so the merge can be used (and property-tested) on its own. */
  problems?: ProblemLog;
  /**
   * Records a later layer added under a new id close to an existing one, with the hint to give if
   * the record turns out to be wrong (`- id: centrl` meant to patch `central` adds a source without
   * `kind`): validation appends it to that record's problems (validate.ts).
   */
  newRecords?: WeakMap<object, string>;
  /** The layer being applied: each record keeps, by file, where it was written (PositionTable.originsOf). */
  layerFile?: string;
}

const DELETE = "_delete";

/** Returns a new document: `layer` applied on top of `base`. Neither input is modified. */
export function applyLayer(
  base: Record<string, unknown>,
  layer: Record<string, unknown>,
  ctx: MergeContext,
): Record<string, unknown> {
  return mergeObject(base, layer, [], ctx);
}

function mergeValue(base: unknown, over: unknown, path: PathKey[], ctx: MergeContext): unknown {
  if (isRecord(over)) return mergeObject(isRecord(base) && !retyped(base, over) ? base : undefined, over, path, ctx);
  if (Array.isArray(over)) return mergeList(Array.isArray(base) ? base : [], over, path, ctx);
  return over;
}

function mergeObject(
  base: Record<string, unknown> | undefined,
  over: Record<string, unknown>,
  path: PathKey[],
  ctx: MergeContext,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (base) {
    for (const key of Object.keys(base)) {
      setOwn(out, key, base[key]);
      ctx.positions.copy(base, key, out, key);
    }
  }
  for (const key of Object.keys(over)) {
    const value = over[key];
    if (value === null) {
      delete out[key];
      continue;
    }
    setOwn(out, key, mergeValue(out[key], value, [...path, key], ctx));
    ctx.positions.copy(over, key, out, key);
  }
  return out;
}

/**
 * Whether `over` names a different `type` than `base`: a triangular's `mode` left under a normal
 * would be an unknown key, so a planner naming another kind means its parameters, not a patch.
 */
function retyped(base: Record<string, unknown>, over: Record<string, unknown>): boolean {
  return "type" in base && over.type !== undefined && over.type !== null && over.type !== base.type;
}

/** The identity of a record in a keyed list, or null when the item is not such a record. */
export type RecordKey = (item: unknown) => string | null;

const byId: RecordKey = (item) =>
  isRecord(item) && isKeyValue(item.id) ? `id:${String(item.id)}` : null;

const byRegion: RecordKey = (item) =>
  isRecord(item) && !("id" in item) && isKeyValue(item.region)
    ? JSON.stringify([String(item.region), keyPart(item.program), keyPart(item.year)])
    : null;

/** How a list's records are identified, or null when the list is replaced as a whole. */
export function listKeying(items: readonly unknown[]): RecordKey | null {
  if (items.length === 0) return null;
  if (items.every((item) => byId(item) !== null)) return byId;
  if (items.every((item) => byRegion(item) !== null)) return byRegion;
  return null;
}

function mergeList(base: unknown[], over: unknown[], path: PathKey[], ctx: MergeContext): unknown[] {
  const keyOf = listKeying([...base, ...over]);
  const items: unknown[] = [];
  const at: (SourcePos | undefined)[] = [];
  const index = new Map<string, number>();
  const removed = new Set<number>();
  if (keyOf) {
    base.forEach((item, i) => {
      const key = keyOf(item)!;
      if (!index.has(key)) index.set(key, items.length);
      items.push(item);
      at.push(ctx.positions.get(base, i));
    });
  }
  over.forEach((item, i) => {
    const itemPath = [...path, i];
    const pos = ctx.positions.get(over, i);
    if (isRecord(item) && DELETE in item) {
      deleteRecord(item, itemPath, keyOf, index, removed, ctx);
      return;
    }
    const existing = keyOf ? index.get(keyOf(item)!) : undefined;
    if (existing !== undefined && !removed.has(existing)) {
      const before = items[existing];
      items[existing] = mergeValue(before, item, itemPath, ctx);
      keepOrigins(items[existing], [before, item], itemPath, ctx);
      at[existing] = pos;
    } else {
      const added = mergeValue(undefined, item, itemPath, ctx);
      keepOrigins(added, [item], itemPath, ctx);
      if (keyOf === byId && isRecord(added)) noteNewId(added, base, path, ctx);
      items.push(added);
      at.push(pos);
    }
  });
  const out: unknown[] = [];
  items.forEach((item, i) => {
    if (removed.has(i)) return;
    if (at[i]) ctx.positions.set(out, out.length, at[i]!);
    out.push(item);
  });
  return out;
}

/**
 * The merged record `into` was written where each of `from` was (the earlier layers' record, then
 * this layer's); this layer's record, unless expanding its list gave it its own, at `itemPath`.
 */
function keepOrigins(into: unknown, from: unknown[], itemPath: PathKey[], ctx: MergeContext): void {
  if (ctx.layerFile === undefined || !isRecord(into)) return;
  const origins = new Map<string, readonly PathKey[]>();
  for (const f of from) if (isRecord(f)) for (const [file, path] of ctx.positions.originsOf(f) ?? []) origins.set(file, path);
  if (!origins.has(ctx.layerFile)) origins.set(ctx.layerFile, itemPath);
  ctx.positions.setOrigins(into, origins);
}

function deleteRecord(
  item: Record<string, unknown>,
  itemPath: PathKey[],
  keyOf: RecordKey | null,
  index: Map<string, number>,
  removed: Set<number>,
  ctx: MergeContext,
): void {
  const here = (key?: PathKey): SourcePos =>
    (key === undefined ? undefined : ctx.positions.get(item, key)) ?? { file: "", line: null };
  if (item[DELETE] !== true) {
    ctx.problems?.add([...itemPath, DELETE], here(DELETE), "write `_delete: true` to remove this record, or leave the key out");
    return;
  }
  const existing = keyOf ? index.get(keyOf(item) ?? "") : undefined;
  if (!keyOf) {
    ctx.problems?.add([...itemPath, DELETE], here(DELETE), "_delete only works in lists of records with an id (or a region)");
  } else if (existing === undefined || removed.has(existing)) {
    ctx.problems?.add([...itemPath, DELETE], here(DELETE), `nothing to delete: no earlier layer has a record ${describeKey(item)}`);
  } else {
    removed.add(existing);
  }
}

/** What a record of each list is called in a hint (`"典型镇培育" is the name of programme …`). */
const KIND: Record<string, string> = { programs: "programme", sources: "source", regions: "region", region_groups: "region group", targets: "target" };

function noteNewId(record: Record<string, unknown>, base: unknown[], path: PathKey[], ctx: MergeContext): void {
  if (!ctx.newRecords || base.length === 0) return;
  const written = String(record.id);
  const earlier = base.filter(isRecord);
  // An entry's name written for its id (- id: 典型镇培育) is told the id, as a reference is (checkContext.ts).
  const named = idsByName(earlier.map((r) => ({ id: typeof r.id === "string" ? r.id : undefined, name: r.name }))).get(written);
  const near = named ? null : closest(written, earlier.map((r) => String(r.id)));
  const list = [...path].reverse().find((k) => typeof k === "string");
  const hint = named ? nameNotId(written, KIND[String(list)] ?? "record", named) : near !== null ? `did you mean "${near}"?` : null;
  if (hint !== null) ctx.newRecords.set(record, `"${written}" adds a new record: no earlier layer has that id (${hint})`);
}

function describeKey(item: Record<string, unknown>): string {
  if ("id" in item) return `with id "${String(item.id)}"`;
  const parts = ["region", "program", "year"].filter((k) => k in item).map((k) => `${k} ${String(item[k])}`);
  return `for ${parts.join(", ")}`;
}

function isKeyValue(value: unknown): value is string | number {
  return (typeof value === "string" && value !== "") || typeof value === "number";
}

function keyPart(value: unknown): string | null {
  return value === undefined || value === null ? null : String(value);
}
