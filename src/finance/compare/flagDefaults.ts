/**
 * What a true/false key left out of a folder's input.yaml means: the value the scenario reads for
 * it (normalise.ts, normaliseActuals.ts), so `integer: false` in one folder and no `integer` in the
 * other is no change. Only records a folder holds get their flags filled in: a record it lacks is
 * a difference of its own. `objective` is the exception, since leaving it out means its defaults.
 */
import { normaliseAsOf } from "../../scenario/normaliseActuals.js";

/** A flag the folder did not write, standing for the value it reads as. */
export class Defaulted {
  constructor(readonly value: boolean) {}
}

type Doc = Record<string, unknown>;

/** A copy of `doc` with every absent flag of a record it holds set to its Defaulted value. */
export function withFlagDefaults(doc: unknown): unknown {
  if (!isRecord(doc)) return doc;
  // With as_of, a record is partial when the date falls in its year (checkActuals refuses any other `partial`).
  const asOf = typeof doc.as_of === "number" || typeof doc.as_of === "string" ? normaliseAsOf(doc.as_of) : null;
  let out = eachRecord(doc, "programs", (p) => fill(p, "integer", false));
  out = eachRecord(out, "sources", (s) => fill(eachRecord(s, "links", (l) => fill(l, "each_child", false)), "carryover", false));
  out = eachRecord(out, "actuals", (a) => fill(a, "partial", asOf !== null && Number(a.year) === asOf.current));
  return { ...out, objective: fill(isRecord(doc.objective) ? doc.objective : {}, "smoothing", false) };
}

function fill(record: Doc, key: string, value: boolean): Doc {
  return record[key] === undefined || record[key] === null ? { ...record, [key]: new Defaulted(value) } : record;
}

/** `record` with each record of its list `key` through `f`; as it is when `key` holds no list. */
function eachRecord(record: Doc, key: string, f: (item: Doc) => Doc): Doc {
  const list = record[key];
  return Array.isArray(list) ? { ...record, [key]: list.map((item) => (isRecord(item) ? f(item) : item)) } : record;
}

function isRecord(v: unknown): v is Doc {
  return v !== null && typeof v === "object" && !Array.isArray(v) && !(v instanceof Defaulted);
}
