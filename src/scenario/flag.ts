/**
 * Yes and no as a Chinese office writes them (是 / 否, in YAML or a CSV's 部分年度 column): read by
 * every true/false key of the schema, the cross-field checks (checkContext.ts `flag`) and whatever
 * reads a results folder's input.yaml (the report, merge), so no reader needs its own rule.
 * Its own module: the report thread reads it without loading the schema's zod.
 */
export const FLAG_WORDS: Readonly<Record<string, boolean>> = { 是: true, 否: false };

/** true/false, or 是/否 as true/false; undefined for anything else (the schema reports it). */
export function flagValue(v: unknown): boolean | undefined {
  if (typeof v === "boolean") return v;
  return typeof v === "string" && Object.hasOwn(FLAG_WORDS, v) ? FLAG_WORDS[v] : undefined;
}
