/**
 * The rules of docs/design.md that a reader cannot check by eye across 150 files: no import cycles
 * (dpdm, type-only imports included), the engine never prints or exits, only the CLI imports
 * the CLI, and zod is imported so that the bundle can leave out what is not used.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseCircular, parseDependencyTree } from "dpdm";
import { describe, expect, it } from "vitest";

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

const engine = files("src").filter((f) => !f.startsWith(join("src", "cli")));

describe("architecture", () => {
  it("has no import cycles", async () => {
    const tree = await parseDependencyTree("src/**/*.ts", { transform: false, tsconfig: "tsconfig.json" });
    expect(parseCircular(tree)).toEqual([]);
  });

  it("the engine never prints or exits: only the CLI talks to the terminal", () => {
    const offenders = engine.filter((f) => /\bprocess\.exit\b|\bconsole\.(log|error|warn|info)\b|process\.(stdout|stderr)\.write/.test(readFileSync(f, "utf8")));
    expect(offenders).toEqual([]);
  });

  it("no engine module imports the CLI", () => {
    const offenders = engine.filter((f) => /from "(\.\.\/)+cli\//.test(readFileSync(f, "utf8")));
    expect(offenders).toEqual([]);
  });

  // zod's `z` object holds all of zod, every locale included (0.75 MB in the CLI bundle, parsed at
  // every start); a namespace import is tree-shaken to what is used (docs/design.md, "A bundled CLI").
  it("imports zod as a namespace, not its z object", () => {
    const offenders = files("src").filter((f) => /import\s*\{[^}]*\bz\b[^}]*\}\s*from\s*"zod/.test(readFileSync(f, "utf8")));
    expect(offenders).toEqual([]);
  });
});
