/**
 * The YAML shape of a distribution (`dist:` of an uncertain input) and of its numeric parameters,
 * before normalisation (distParams.ts): shared by the uncertainty schema and the normaliser.
 */
import * as z from "zod";
import { parseAmount, parseShare } from "../scenario/units.js";

/** A parameter: a number, a share such as "30%", or an amount such as "3500万" or "8.25亿". */
export const Num = z
  .union([z.number(), z.string()], { error: 'expected a number (or a string such as "30%" or "3500万")' })
  .transform((v, ctx) => {
    const n = typeof v === "number" ? v : (parseShare(v) ?? parseAmount(v));
    if (n === null || !Number.isFinite(n)) {
      ctx.addIssue({ code: "custom", message: `${JSON.stringify(v)} is not a number, share ("30%") or amount ("3500万")` });
      return z.NEVER;
    }
    return n;
  });

const Bounds = { min: Num.optional(), max: Num.optional() };
export const DistSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("uniform"), min: Num, max: Num }),
  z.strictObject({ type: z.literal("triangular"), min: Num, mode: Num, max: Num }),
  z.strictObject({ type: z.literal("pert"), min: Num, mode: Num, max: Num, lambda: z.number().positive().optional() }),
  z.strictObject({ type: z.literal("normal"), mean: Num, sd: Num, ...Bounds }),
  z.strictObject({ type: z.literal("lognormal"), mu: Num.optional(), sigma: Num.optional(), mean: Num.optional(), sd: Num.optional(), ...Bounds }),
  z.strictObject({ type: z.literal("discrete"), values: z.array(Num).min(1), weights: z.array(z.number()).optional() }),
]);
export type RawDist = z.output<typeof DistSchema>;

/** The distribution types, as the schema lists them (for messages). */
export const DIST_TYPES: readonly string[] = DistSchema.options.map((o) => o.shape.type.value);
