/** Shared option parsers for the commands. */

/** Collects repeated options (`--with a.yaml --with b.yaml`). */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
