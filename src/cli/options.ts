/** Shared option parsers for the commands. */

/** Collects repeated options (`--with a.yaml --with b.yaml`). */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export const ALLOW_OUTSIDE_HELP =
  "let extends:/file: references also read files in this folder (repeatable; by default only the scenario's and overlays' own folders)";
