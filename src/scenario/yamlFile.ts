/**
 * Reads one YAML layer into plain JS values, recording the line of every map key and list item in
 * the position table. Syntax errors become problems with their line, never exceptions.
 */
import { readFileSync } from "node:fs";
import { LineCounter, isAlias, isMap, isScalar, isSeq, parseDocument, type Document } from "yaml";
import { isRecord, setOwn, type PositionTable } from "./positions.js";
import type { ProblemLog } from "./problems.js";

/** Reads a file as UTF-8 text, or returns null when it cannot be read. */
export function readText(file: string): string | null {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return null;
  }
}

/**
 * Parses a YAML layer (a mapping at the top level). Returns undefined after logging problems when
 * the text is not valid YAML or not a mapping; an empty file is an empty layer.
 */
export function parseYamlLayer(
  file: string,
  text: string,
  positions: PositionTable,
  problems: ProblemLog,
): Record<string, unknown> | undefined {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const lineOf = (offset: number | undefined): number | null =>
    offset === undefined ? null : lines.linePos(offset).line;
  if (doc.errors.length > 0) {
    for (const err of doc.errors) {
      problems.add("", { file, line: lineOf(err.pos[0]) }, `YAML syntax: ${firstLine(err.message)}`);
    }
    return undefined;
  }
  const value = toPlain(doc.contents, doc, file, lineOf, positions);
  if (value === null || value === undefined) return {};
  if (!isRecord(value)) {
    problems.add("", { file, line: 1 }, "a scenario file must be a mapping of keys (name:, horizon:, regions: …)");
    return undefined;
  }
  return value;
}

type LineOf = (offset: number | undefined) => number | null;

function toPlain(node: unknown, doc: Document, file: string, lineOf: LineOf, positions: PositionTable): unknown {
  if (isAlias(node)) return toPlain(node.resolve(doc), doc, file, lineOf, positions);
  if (isScalar(node)) return node.value ?? null;
  if (isMap(node)) {
    const out: Record<string, unknown> = {};
    for (const pair of node.items) {
      const keyNode = pair.key;
      const key = String(isScalar(keyNode) ? keyNode.value : keyNode);
      setOwn(out, key, toPlain(pair.value, doc, file, lineOf, positions));
      const keyRange = (keyNode as { range?: [number, number, number] } | null)?.range;
      positions.set(out, key, { file, line: lineOf(keyRange?.[0]) });
    }
    return out;
  }
  if (isSeq(node)) {
    const out: unknown[] = [];
    node.items.forEach((item, i) => {
      const range = (item as { range?: [number, number, number] } | null)?.range;
      out.push(toPlain(item, doc, file, lineOf, positions));
      positions.set(out, i, { file, line: lineOf(range?.[0]) });
    });
    return out;
  }
  return null;
}

function firstLine(message: string): string {
  return message.split("\n")[0].trim();
}
