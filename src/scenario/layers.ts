/**
 * Which YAML layers make up a scenario, in merge order: for the scenario file and then each
 * `--with` overlay, its `extends` chain root-most first, then the file itself. `extends` bases are
 * applied depth-first in the order listed; a file already applied is not applied again (so a base
 * shared by two files, or by the scenario and an overlay, cannot undo later layers).
 */
import { dirname, resolve } from "node:path";
import { expandFileEntries } from "./fileEntries.js";
import type { CommandLineFile, FileReference, InputFiles } from "./inputFiles.js";
import type { PathKey, PositionTable } from "./positions.js";
import { displayFile, type ProblemLog } from "./problems.js";
import { parseYamlLayer } from "./yamlFile.js";

export interface Layer {
  /** Absolute path. */
  file: string;
  /** Parsed layer, CSV entries expanded, `extends` removed. */
  doc: Record<string, unknown>;
}

interface Reference extends FileReference {
  file: string;
}

/**
 * Reads the layers through `files`, which confines each chain's references to its trusted folders
 * (the scenario's, and for an overlay also the overlay's).
 */
export function collectLayers(
  file: string,
  overlays: readonly string[],
  positions: PositionTable,
  problems: ProblemLog,
  files: InputFiles,
): Layer[] {
  const loaded = new Map<string, Record<string, unknown> | undefined>();
  const applied = new Set<string>();
  const order: Layer[] = [];

  const load = (target: string, from: Reference | CommandLineFile, roots: string[]): Record<string, unknown> | undefined => {
    if (loaded.has(target)) return loaded.get(target);
    const text = files.read(target, "yaml", from, roots);
    let doc: Record<string, unknown> | undefined;
    if (text !== null) {
      doc = parseYamlLayer(target, text, positions, problems);
      if (doc) expandFileEntries(doc, target, { positions, problems, files, roots });
    }
    loaded.set(target, doc);
    return doc;
  };

  const visit = (target: string, stack: string[], from: Reference | CommandLineFile, roots: string[]): void => {
    if (stack.includes(target)) {
      const chain = [...stack.slice(stack.indexOf(target)), target].map(displayFile).join(" → ");
      const base = from as Reference; // a cycle returns through an extends reference
      problems.add(base.path, base.at, `extends cycle: ${chain}`);
      return;
    }
    if (applied.has(target)) return;
    const doc = load(target, from, roots);
    if (!doc) return;
    for (const base of takeExtends(doc, target, positions, problems)) visit(base.file, [...stack, target], base, roots);
    applied.add(target);
    order.push({ file: target, doc });
  };

  visit(resolve(file), [], "scenario", files.rootsFor(file, file));
  for (const overlay of overlays) visit(resolve(overlay), [], "overlay", files.rootsFor(overlay, file));
  return order;
}

/** Removes `extends` from a layer and returns the bases it names, resolved against the layer. */
function takeExtends(
  doc: Record<string, unknown>,
  file: string,
  positions: PositionTable,
  problems: ProblemLog,
): Reference[] {
  if (!("extends" in doc)) return [];
  const value = doc.extends;
  delete doc.extends;
  const keyPos = positions.get(doc, "extends") ?? { file, line: null };
  if (value === null) return [];
  const names = Array.isArray(value) ? value : [value];
  const out: Reference[] = [];
  names.forEach((name, i) => {
    const path: PathKey[] = Array.isArray(value) ? ["extends", i] : ["extends"];
    const at = Array.isArray(value) ? (positions.get(value, i) ?? keyPos) : keyPos;
    if (typeof name !== "string" || name.trim() === "") {
      problems.add(path, at, "extends takes a file path or a list of file paths");
      return;
    }
    out.push({ file: resolve(dirname(file), name), path, at, written: name });
  });
  return out;
}
