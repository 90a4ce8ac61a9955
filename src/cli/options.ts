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

/** `--strict`, the same for validate and every command that plans (loadChecked.ts refuseNotes). */
export const STRICT_HELP = "count the scenario's notes (a missing budget year read as unlimited money, a likely unit slip …; not how a file was decoded, e.g. as GBK) as problems: exit 2 if there are any, before planning";

export const ALLOW_OUTSIDE_HELP =
  "let extends:/file: references also read files in this folder (repeatable; by default only the scenario's and overlays' own folders)";

export function parseYearOption(text: string | undefined, option: string): number | null {
  if (text === undefined) return null;
  // NFKC: full-width digits (２０２４), as a Chinese input method types them, are the same year.
  const year = text.normalize("NFKC").trim();
  if (!/^\d{4}$/.test(year)) throw new UsageError(`${option} "${text}" is not a year such as 2024`);
  return Number(year);
}

/** `--top 10`: a positive whole number. */
export function parsePositiveInt(text: string | undefined, option: string, fallback: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${option} must be a whole number ≥ 1 (got "${text}")`);
  return n;
}

/** `--solver auto|highs|jslp`. */
export function parseSolverOption(text: string | undefined): "auto" | "highs" | "jslp" {
  const value = text ?? "auto";
  if (value !== "auto" && value !== "highs" && value !== "jslp") {
    throw new UsageError(`--solver must be auto, highs or jslp (got "${value}")`);
  }
  return value;
}
