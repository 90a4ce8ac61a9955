/**
 * The engine's own files — the thread entry, package.json — found from wherever this code runs:
 * src/ through tsx, or dist/ where the build bundles modules into chunks at other depths than
 * their sources (tools/bundle.mjs). A path relative to `import.meta.url` would only hold for one
 * of them.
 */
import { existsSync } from "node:fs";

const found = new Map<string, URL>();

/** The nearest `name` in this module's folder or a folder above it. */
export function ownFile(name: string): URL {
  const known = found.get(name);
  if (known) return known;
  for (let dir = new URL("./", import.meta.url); ; dir = new URL("../", dir)) {
    const candidate = new URL(name, dir);
    if (existsSync(candidate)) {
      found.set(name, candidate);
      return candidate;
    }
    if (dir.pathname === "/") throw new Error(`renewsim is missing its own file ${name} (looked from ${import.meta.url} up)`);
  }
}

/** Where every renewsim worker thread starts (threadEntry.mjs: compiled module or tsx). */
export function threadEntry(): URL {
  return ownFile("threadEntry.mjs");
}
