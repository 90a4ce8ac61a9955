/**
 * What a value of input.yaml compares as: what the scenario's schema reads at its key. So an
 * amount is its yuan (`4.624亿` = `46240万` = 462400000), a share or rate its fraction (`30%` = 0.3,
 * read by the share reader, not the amount reader's rounding to 1/10000), a flag true or false
 * (`是` = true), and an id, a name or a description its text: "01" and "1" are two names, though
 * both read as the number 1. Numbers compare to 12 significant digits, so a share whose two
 * notations reach the same fraction by different arithmetic (`"0.7%"` → 0.7 / 100 =
 * 0.006999999999999999, `0.007`) is one value.
 */
import * as z from "zod";
import { UncertaintySchema } from "../../montecarlo/uncertaintySchema.js";
import { ScenarioSchema } from "../../scenario/schema.js";

/** A node of the scenario's schema, or null where a value is outside it (compared as written). */
export type InputNode = z.ZodType | null;

/** The scenario file's schema, with the `uncertainty:` section that the Monte Carlo module checks. */
export const INPUT_ROOT: InputNode = ScenarioSchema.extend({ uncertainty: UncertaintySchema.optional() });

/** The parts of a zod schema's definition that lead to the schemas of its parts. */
interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  valueType?: z.ZodType;
  element?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
}
const defOf = (node: z.ZodType): Def => node.def as unknown as Def;

/** Digits a number is compared to: beyond float noise, far below any amount or share that matters. */
const SIGNIFICANT_DIGITS = 12;

/** The schema of key `key` of a record read by `node`. */
export function fieldOf(node: InputNode, key: string): InputNode {
  return firstOf(choices(node), (n) => {
    const def = defOf(n);
    if (def.type === "object") return def.shape?.[key] ?? null;
    return def.type === "record" ? (def.valueType ?? null) : null;
  });
}

/** The schema of an item of a list read by `node`. */
export function itemOf(node: InputNode): InputNode {
  return firstOf(choices(node), (n) => (defOf(n).type === "array" ? (defOf(n).element ?? null) : null));
}

/** What `value` compares as when read by `node`: equal keys are the same input. */
export function comparedAs(node: InputNode, value: unknown): string {
  const parsed = node?.safeParse(value);
  const read = parsed?.success ? parsed.data : value;
  return JSON.stringify(read, (_key, v) => (typeof v === "number" && Number.isFinite(v) ? Number(v.toPrecision(SIGNIFICANT_DIGITS)) : v)) ?? String(value);
}

/** The schemas `node` may read a value with: itself, or an optional's inner schema, or each of a union's. */
function choices(node: InputNode): z.ZodType[] {
  if (node === null) return [];
  const def = defOf(node);
  if ((def.type === "optional" || def.type === "nullable" || def.type === "default") && def.innerType) return choices(def.innerType);
  if (def.type === "union" && def.options) return def.options.flatMap(choices);
  return [node];
}

function firstOf(nodes: z.ZodType[], f: (n: z.ZodType) => InputNode): InputNode {
  for (const n of nodes) {
    const found = f(n);
    if (found) return found;
  }
  return null;
}
