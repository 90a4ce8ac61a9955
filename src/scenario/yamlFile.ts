/**
 * Reads one YAML layer into plain JS values, recording the line of every map key and list item in
 * the position table. Syntax errors become problems with their line, never exceptions.
 *
 * What a scenario may hold is plain YAML: one document of mappings, lists, text, numbers, true/false
 * and null. Other tags (`!!binary`, `!!set`, `!custom` …) are refused by name, and the expansion is
 * bounded (LIMITS.yamlNodes, yamlAliases, yamlDepth) so an alias bomb or a deeply nested file
 * stops with a message instead of exhausting memory or the stack.
 */
import { LineCounter, isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type YAMLError } from "yaml";
import { formatLimit, LIMITS } from "../limits.js";
import { splitNumbersInFlowMap, thousandsCommaHint } from "./flowMapCommas.js";
import { isRecord, setOwn, tooLargeWritten, type PathKey, type PositionTable, type SourcePos } from "./positions.js";
import type { ProblemLog } from "./problems.js";

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
  // merge: `<<: *base` (YAML 1.1 merge keys), with which planners share settings between records.
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, merge: true });
  const lineOf = (offset: number | undefined): number | null =>
    offset === undefined ? null : lines.linePos(offset).line;
  if (doc.errors.length > 0) {
    const textLines = text.split(/\r\n|\r|\n/);
    for (const err of doc.errors) {
      const line = lineOf(err.pos[0]);
      const hint = line === null ? null : thousandsCommaHint(textLines[line - 1] ?? "");
      problems.add("", { file, line }, hint ? `${syntaxMessage(err)} — ${hint}` : syntaxMessage(err));
    }
    return undefined;
  }
  const reader = new PlainReader(doc, text, file, lineOf, positions, problems);
  let value: unknown;
  try {
    value = reader.toPlain(doc.contents, [], 0);
  } catch (e) {
    if (!(e instanceof LimitReached)) throw e;
    problems.add("", { file, line: e.line }, e.message); // the line says where; the path may be 64 keys long
    return undefined;
  }
  if (reader.refused) return undefined;
  if (value === null || value === undefined) return {};
  if (!isRecord(value)) {
    problems.add("", { file, line: 1 }, "a scenario file must be a mapping of keys (name:, horizon:, regions: …)");
    return undefined;
  }
  return value;
}

/** The `yaml` library's errors in planners' words (its own name library functions or types). */
function syntaxMessage(err: YAMLError): string {
  switch (err.code) {
    case "MULTIPLE_DOCS":
      return "the file holds more than one YAML document (a `---` line starts another); a scenario is one document: remove the `---` line, or put each scenario in its own file";
    default: {
      if (/call stack/i.test(err.message)) return `the YAML nests too deeply to read (the limit is ${formatLimit("yamlDepth")} levels)`;
      const said = `YAML syntax: ${err.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "").trim()}`;
      return INDENTATION_ERRORS.has(err.code) ? `${said} — ${INDENTATION_HINT}` : said;
    }
  }
}

/** The parser's errors that almost always mean a line indented one level too far or too little. */
const INDENTATION_ERRORS = new Set<string>(["BAD_INDENT", "BLOCK_AS_IMPLICIT_KEY", "MULTILINE_IMPLICIT_KEY", "TAB_AS_INDENT"]);
const INDENTATION_HINT =
  "check the indentation here and on the lines next to it (YAML nests by spaces: keys of one level start in the same column, a nested key further in)";

/** A merge key: `<<` written plainly (the parser reads it as a symbol; quoted, '<<' is an ordinary key). */
function isMergeKey(key: unknown): boolean {
  return isScalar(key) && typeof key.value === "symbol";
}

const MERGE_VALUE = "a merge key `<<` takes an alias of a mapping (`<<: *base`), a mapping, or a list of them (`<<: [*base, *more]`)";

/** Tags that only restate what plain YAML means; any other tag is refused. */
const PLAIN_TAGS = new Set(["str", "int", "float", "bool", "null", "map", "seq"].map((t) => `tag:yaml.org,2002:${t}`));

class LimitReached extends Error {
  constructor(
    message: string,
    readonly line: number | null,
  ) {
    super(message);
  }
}

type LineOf = (offset: number | undefined) => number | null;
type Ranged = { range?: [number, number, number] } | null | undefined;

class PlainReader {
  private nodes = 0;
  private aliases = 0;
  /** True once a value was refused (a tag, a complex key): the layer is not used. */
  refused = false;

  constructor(
    private readonly doc: Document,
    readonly text: string,
    readonly file: string,
    readonly lineOf: LineOf,
    private readonly positions: PositionTable,
    readonly problems: ProblemLog,
  ) {}

  toPlain(node: unknown, path: PathKey[], depth: number): unknown {
    const line = this.lineOf((node as Ranged)?.range?.[0]);
    this.countNode(line);
    if (depth > LIMITS.yamlDepth) throw new LimitReached(`the YAML nests deeper than ${formatLimit("yamlDepth")} levels`, line);
    if (isAlias(node)) return this.toPlain(this.resolved(node, line), path, depth + 1);
    const tag = (node as { tag?: string } | null)?.tag;
    if (tag && !PLAIN_TAGS.has(tag)) {
      this.refuse(path, line, `the YAML tag ${shortTag(tag)} is not used in scenario files: write the value as plain text, a number, a list or a mapping`);
      return null;
    }
    if (isScalar(node)) return this.scalar(node.value, path, line);
    if (isMap(node)) {
      if (node.flow) splitNumbersInFlowMap(this, node.items, path);
      const out: Record<string, unknown> = {};
      const writtenAs = new Map<string, string>(); // key → as written (２０２４ and 2024 are one year)
      // Keys written in this mapping outrank those a merge key (`<<: *base`) brings, wherever it stands.
      const own = new Set(node.items.flatMap((p) => (isScalar(p.key) && !isMergeKey(p.key) ? [yearKey(String(p.key.value))] : [])));
      for (const pair of node.items) {
        const keyNode = pair.key;
        const keyLine = this.lineOf((keyNode as Ranged)?.range?.[0]);
        if (isMergeKey(keyNode)) {
          this.mergeInto(out, own, pair.value, path, keyLine, depth);
          continue;
        }
        if (!isScalar(keyNode) || (keyNode.value !== null && typeof keyNode.value === "object")) {
          this.refuse(path, keyLine, "a mapping key must be plain text, not a list or a mapping");
          continue;
        }
        const raw = String(keyNode.value);
        const key = yearKey(raw);
        const earlier = writtenAs.get(key);
        if (earlier !== undefined && earlier !== raw) {
          this.problems.addRow([...path, key], { file: this.file, line: keyLine }, `year ${key} is given twice, as "${earlier}" and as "${raw}"`);
          continue;
        }
        writtenAs.set(key, raw);
        setOwn(out, key, this.toPlain(pair.value, [...path, key], depth + 1));
        this.positions.set(out, key, { file: this.file, line: keyLine, ...this.tooLarge(out[key], pair.value) });
      }
      return out;
    }
    if (isSeq(node)) {
      // Lists are read as written: [800, 900,950] is three numbers with a space missing as often
      // as one number with thousands commas, and a list of numbers is valid either way.
      const out: unknown[] = [];
      node.items.forEach((item, i) => {
        out.push(this.toPlain(item, [...path, i], depth + 1));
        this.positions.set(out, i, { file: this.file, line: this.lineOf((item as Ranged)?.range?.[0]), ...this.tooLarge(out[i], item) });
      });
      return out;
    }
    return null;
  }

  /** Every value read, merged ones too, counts against the limit: aliases of aliases multiply. */
  private countNode(line: number | null): void {
    if (++this.nodes > LIMITS.yamlNodes) {
      throw new LimitReached(`the file expands to more than ${formatLimit("yamlNodes")} values (aliases \`*name\` repeat what their anchor holds, and aliases of aliases multiply); write the values out or use fewer aliases`, line);
    }
  }

  /**
   * `<<: *base` or `<<: [*a, *b]`: the keys of the mapping(s) that this mapping does not write
   * itself (an earlier mapping of a list outranks a later one). A merged value keeps the line where
   * it is written (under the anchor), as any alias's value does, and the path of the record that
   * merges it.
   */
  private mergeInto(out: Record<string, unknown>, own: ReadonlySet<string>, value: unknown, path: PathKey[], line: number | null, depth: number): void {
    const node = this.resolved(value, line);
    for (const item of isSeq(node) ? node.items : [node]) {
      this.countNode(line);
      const source = this.resolved(item, line);
      if (!isMap(source)) {
        // Once per merge: an aliased list of 400,000 numbers merged 10,000 times was 4·10⁹ refusals.
        this.refuse(path, line, MERGE_VALUE);
        return;
      }
      const merged = this.toPlain(source, path, depth + 1);
      if (!isRecord(merged)) continue; // a tag refused inside it is reported already
      for (const key of Object.keys(merged)) {
        if (own.has(key) || Object.prototype.hasOwnProperty.call(out, key)) continue;
        setOwn(out, key, merged[key]);
        this.positions.copy(merged, key, out, key);
      }
    }
  }

  /** The text of a number written too large to hold (`1e400`), kept with its position for the message. */
  private tooLarge(value: unknown, node: unknown): Pick<SourcePos, "written"> {
    return isScalar(node) && typeof node.source === "string" ? tooLargeWritten(value, node.source) : {};
  }

  /** What an alias (`*name`) stands for, counted against the limit; any other node as it is. */
  private resolved(node: unknown, line: number | null): unknown {
    if (!isAlias(node)) return node;
    if (++this.aliases > LIMITS.yamlAliases) throw new LimitReached(`the file uses more than ${formatLimit("yamlAliases")} aliases (\`*name\`)`, line);
    return node.resolve(this.doc);
  }

  /** Text, numbers (non-finite ones too: validation names them), true/false and null pass. */
  private scalar(value: unknown, path: PathKey[], line: number | null): unknown {
    if (value === null || value === undefined) return null;
    if (["string", "number", "boolean"].includes(typeof value)) return value;
    this.refuse(path, line, "this value is not plain text, a number or true/false");
    return null;
  }

  private refuse(path: PathKey[], line: number | null, message: string): void {
    this.refused = true;
    this.problems.add(path, { file: this.file, line }, message);
  }
}

/**
 * A year typed in full-width digits (２０２４, as a Chinese input method gives it) or with its
 * character (2024年, as an office's spreadsheet writes it) as the key the other layers and the
 * schema use (2024), before layers are merged; other keys as written.
 */
export function yearKey(key: string): string {
  const ascii = key.normalize("NFKC").trim();
  const year = /^(\d{4})\s*年$/.exec(ascii)?.[1] ?? ascii;
  return year !== key && /^\d{4}$/.test(year) ? year : key;
}

/** `tag:yaml.org,2002:binary` → `!!binary`; local tags (`!custom`) as written. */
function shortTag(tag: string): string {
  return tag.startsWith("tag:yaml.org,2002:") ? `!!${tag.slice("tag:yaml.org,2002:".length)}` : tag;
}
