/** Shared option parsers for the commands. */
import { UsageError } from "./errors.js";

/** Collects repeated options (`--with a.yaml --with b.yaml`). */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** A number as typed ("1000", "1e4", "0.01", "1%"); ranges are checked by the engine. */
export function number(flag: string, value: unknown): number {
  const text = String(value).trim();
  const x = text.endsWith("%") ? Number(text.slice(0, -1)) / 100 : Number(text);
  if (text === "" || !Number.isFinite(x)) throw new UsageError(`${flag} expects a number (got "${text}")`);
  return x;
}

export const ALLOW_OUTSIDE_HELP =
  "let extends:/file: references also read files in this folder (repeatable; by default only the scenario's and overlays' own folders)";
