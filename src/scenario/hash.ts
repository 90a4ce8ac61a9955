/**
 * The scenario hash written to run.json: sha256 of the merged document as canonical JSON (keys
 * sorted at every level, list order kept), so it changes exactly when the effective input does,
 * not when keys are reordered or the same values come from different files.
 */
import { createHash } from "node:crypto";

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

export function scenarioHash(merged: unknown): string {
  return createHash("sha256").update(canonicalJson(merged)).digest("hex");
}
