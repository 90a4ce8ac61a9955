/**
 * The files one scenario load may read, and how: every YAML layer and CSV table goes through
 * `InputFiles.read`, which applies, in this order and before reading a byte,
 *
 * 1. the file type: `extends:` and scenario files are .yaml/.yml, `file:` entries are .csv or .xlsx
 *    (fileEntries.ts reads a .xlsx name as a workbook, any other as CSV);
 * 2. confinement: a file named by a reference (`extends:`, `file:`) must lie inside a trusted folder
 *    tree once symbolic links are resolved — the folder of the scenario file, for an overlay also
 *    the overlay's folder, and every `--allow-outside` folder. Files named on the command line are
 *    trusted: the user chose them;
 * 3. the kind and size checks and the encoding rules of textFile.ts.
 *
 * A refused file is a problem at the reference's YAML path and line. Messages name the path as
 * written and never quote the content of a file that was not read as scenario data.
 */
import { dirname, extname, resolve } from "node:path";
import type { Label } from "../format/labels.js";
import { LIMITS } from "../limits.js";
import { isInside, realOrLexical } from "../paths.js";
import type { PathKey, SourcePos } from "./positions.js";
import { displayFile, type ProblemLog } from "./problems.js";
import { readInputBytes, readInputText } from "./textFile.js";

export type InputKind = "yaml" | "csv" | "xlsx";

/** Where a file was named: the YAML path and line of the reference, and the path as written. */
export interface FileReference {
  path: PathKey[];
  at: SourcePos;
  written: string;
}

/**
 * A file named on the command line rather than by a reference: the scenario, or an overlay given
 * with `--with` — a message names which, so a missing overlay is not taken for the scenario.
 */
export type CommandLineFile = "scenario" | "overlay";

const EXTENSIONS: Record<InputKind, RegExp> = { yaml: /^\.ya?ml$/i, csv: /^\.csv$/i, xlsx: /^\.xlsx$/i };
/**
 * What the place that names a file of this kind reads. Both table kinds come from `file:` entries,
 * which take .csv and .xlsx alike, so a refused table name lists both.
 */
const ACCEPTED_HERE: Record<InputKind, string> = { yaml: "a .yaml or .yml scenario or overlay file", csv: "a .csv or .xlsx file", xlsx: "a .csv or .xlsx file" };
/** Spreadsheet files a `file:` entry cannot read but Excel or WPS can save as .xlsx or CSV. */
const OTHER_SPREADSHEET = /^\.(xls|xlsm|xlsb|et|ods)$/i;
const MAX_BYTES: Record<InputKind, number> = { yaml: LIMITS.yamlBytes, csv: LIMITS.csvBytes, xlsx: LIMITS.xlsxBytes };

export class InputFiles {
  /** Notes for the user about how files were read (e.g. "read as GBK"), in reading order. */
  readonly notices: Label[] = [];
  /** Of `notices`, those on how a file was decoded (GBK …): information, which `--strict` does not count. */
  readonly encodingNotices: Label[] = [];
  /** Every file read, in reading order (the output guard keeps results from replacing them). */
  readonly filesRead: string[] = [];
  private readonly allowed: string[];

  constructor(
    private readonly problems: ProblemLog,
    allowOutside: readonly string[] = [],
  ) {
    this.allowed = allowOutside.map((p) => realOrLexical(resolve(p)));
  }

  /**
   * Trusted folder trees for the layers reached from `chainFile` (the scenario, or an overlay
   * applied to `scenarioFile`).
   */
  rootsFor(chainFile: string, scenarioFile: string): string[] {
    const own = [dirname(realOrLexical(resolve(chainFile))), dirname(realOrLexical(resolve(scenarioFile)))];
    return [...new Set([...own, ...this.allowed])];
  }

  /**
   * The text of `file`, or null after logging a problem. `from` is the reference that names the
   * file, or which file of the command line it is (those are not confined).
   */
  read(file: string, kind: InputKind, from: FileReference | CommandLineFile, roots: readonly string[]): string | null {
    if (!this.admit(file, kind, referenceOf(from), roots)) return null;
    const decoded = readInputText(file, MAX_BYTES[kind], kind === "csv" ? "table" : "text");
    if (!decoded.ok) {
      this.refuse(file, kind, from, `it ${decoded.reason}`);
      return null;
    }
    this.filesRead.push(file);
    if (decoded.encoding !== "UTF-8") {
      const name = ENCODING_NAME[decoded.encoding];
      // Bytes that are UTF-8 too: show what the other reading would have planned with.
      const both = decoded.alsoUtf8;
      const note: Label = {
        en: `${displayFile(file)} was read as ${name.en}${both ? `; its bytes are also valid UTF-8, but as UTF-8 they hold no Chinese (line ${both.line}: "${both.gbk}" as GBK, "${both.utf8}" as UTF-8)` : ""}; results are written in UTF-8`,
        zh: `${displayFile(file)} 按 ${name.zh}读取${both ? `；其字节也是有效的 UTF-8，但按 UTF-8 读不出汉字（第 ${both.line} 行：GBK 读作“${both.gbk}”，UTF-8 读作“${both.utf8}”）` : ""}；结果文件均以 UTF-8 编码写出`,
      };
      this.notices.push(note);
      this.encodingNotices.push(note);
    }
    return decoded.text;
  }

  /** The bytes of a workbook, by the same type, confinement, kind and size rules; null after a problem. */
  readBinary(file: string, kind: InputKind, from: FileReference, roots: readonly string[]): Uint8Array | null {
    if (!this.admit(file, kind, from, roots)) return null;
    const bytes = readInputBytes(file, MAX_BYTES[kind]);
    if (typeof bytes === "string") {
      this.refuse(file, kind, from, `it ${bytes}`);
      return null;
    }
    this.filesRead.push(file);
    return bytes;
  }

  /** Type and confinement, checked before a byte is read. */
  private admit(file: string, kind: InputKind, from: FileReference | null, roots: readonly string[]): boolean {
    const where = from ? from.at : { file, line: null };
    const shown = from ? from.written : displayFile(file);
    const extension = extname(file);
    if (!EXTENSIONS[kind].test(extension)) {
      const table = kind !== "yaml";
      const hint = table && OTHER_SPREADSHEET.test(extension) ? "; save it as .xlsx or CSV first" : "";
      this.problems.add(from?.path ?? "", where, `${shown} is not ${ACCEPTED_HERE[kind]}; renewsim reads only those here${hint}`);
      return false;
    }
    const refusal = from ? confinementProblem(file, roots) : null;
    if (refusal) {
      this.problems.add(from!.path, where, `${shown} ${refusal}; renewsim reads only files inside the folder of the scenario or overlay that names them (${roots.map(displayFile).join(", ")}); to read this one, add --allow-outside <folder>`);
      return false;
    }
    return true;
  }

  private refuse(file: string, kind: InputKind, named: FileReference | CommandLineFile, why: string): void {
    const from = referenceOf(named);
    const what = typeof named === "string" ? `${named} file` : kind === "yaml" ? "base file" : kind === "csv" ? "CSV file" : "workbook";
    this.problems.add(from?.path ?? "", from ? from.at : { file, line: null }, `cannot read ${what} ${from ? from.written : displayFile(file)}: ${why}`);
  }
}

/** The reference that names a file; null for a file named on the command line. */
function referenceOf(named: FileReference | CommandLineFile): FileReference | null {
  return typeof named === "string" ? null : named;
}

const ENCODING_NAME: Record<string, Label> = {
  "UTF-16LE": { en: "UTF-16 (little-endian, with byte-order mark)", zh: "UTF-16（小端序，带字节顺序标记）" },
  "UTF-16BE": { en: "UTF-16 (big-endian, with byte-order mark)", zh: "UTF-16（大端序，带字节顺序标记）" },
  GB18030: { en: "GBK/GB18030 (the Chinese Windows encoding Excel and WPS use)", zh: "GBK/GB18030（中文版 Windows 上 Excel 和 WPS 所用的编码）" },
};

/** Why `file` may not be read from these roots, or null when it lies inside one. */
function confinementProblem(file: string, roots: readonly string[]): string | null {
  const lexical = resolve(file);
  const real = realOrLexical(lexical);
  if (roots.some((root) => isInside(real, root))) return null;
  // Inside a root as written but not once links are resolved: a link that leads out.
  if (roots.some((root) => isInside(lexical, root))) {
    return "is a link to a file outside the scenario's folders";
  }
  return "is outside the scenario's folders";
}
