/**
 * Problems with a scenario, collected rather than thrown one at a time: planners fix a file in one
 * pass only if they see everything that is wrong with it at once.
 */
import { isAbsolute, relative } from "node:path";
import { formatPath, type PathKey, type SourcePos } from "./positions.js";

export interface Problem {
  /**
   * YAML path, e.g. `programs[1].shares.residents.max`, as the file named numbers it (an overlay's
   * `sources[0]`, not the merged scenario's `sources[2]`; a table's row at the `{file: …}` entry
   * that reads it); "" for the file itself.
   */
  path: string;
  /** Absolute path of the YAML layer or CSV file that supplied the offending value. */
  file: string;
  line: number | null;
  /** For an .xlsx data table: the sheet and the cell's column letter. */
  sheet?: string;
  column?: string;
  message: string;
}

/** More problems than this are counted, not listed: fix the first ones and run again. */
const LISTED = 500;

/** Thrown by `loadScenario`; `message` lists every problem, one per line (at most LISTED). */
export class ScenarioError extends Error {
  readonly kind = "scenario" as const;

  /**
   * `notes`: what a run would also have noted about the values that were read (an amount that looks
   * like a unit slip), listed after the problems so that one round trip shows both.
   */
  constructor(readonly problems: Problem[], readonly notes: readonly string[] = []) {
    const lines = problems.slice(0, LISTED).map(formatProblem);
    if (problems.length > LISTED) lines.push(`… and ${(problems.length - LISTED).toLocaleString("en-US")} more problems (the first ${LISTED} are listed)`);
    for (const n of notes) lines.push(`note: ${n}`);
    super(lines.join("\n"));
    this.name = "ScenarioError";
  }
}

/** `programs[1].shares.residents.max: "140%" is not a share … (scenarios/x.yaml line 37)` */
export function formatProblem(p: Problem): string {
  const where = p.sheet !== undefined ? workbookPlace(p) : p.line === null ? displayFile(p.file) : `${displayFile(p.file)} line ${p.line}`;
  return `${p.path ? `${p.path}: ` : ""}${p.message} (${where})`;
}

/** `data/预算.xlsx, sheet 市级, row 5, column C` */
function workbookPlace(p: Problem): string {
  const row = p.line === null ? "" : `, row ${p.line}`;
  const column = p.column === undefined ? "" : `, column ${p.column}`;
  return `${displayFile(p.file)}, sheet ${p.sheet}${row}${column}`;
}

/** Paths under the working directory are shown relative to it, others in full. */
export function displayFile(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : file;
}

export class ProblemLog {
  readonly problems: Problem[] = [];
  private readonly seen = new Set<string>();
  /** Problems that need not stop loading early (a bad table row is skipped): listed with the rest. */
  private readonly withTheRest = new Set<Problem>();
  /** Problems of data tables left out (leaveOutTable), and the list paths those tables fill. */
  private readonly ofTablesLeftOut = new Set<Problem>();
  private readonly tablesLeftOut: TableList[] = [];
  /** The merged document's path of a problem shown at its file's own path (`add`'s `shown`). */
  private readonly mergedPaths = new WeakMap<Problem, string>();

  /**
   * A problem with one row of a table (given twice, a cell missing): the row is left out and
   * loading goes on, so the schema and cross-field problems are listed in the same error. Also a
   * number a YAML layer splits at its thousands commas inside {…} or […] (flowMapCommas.ts).
   */
  addRow(path: string | readonly PathKey[], pos: SourcePos, message: string): void {
    const before = this.problems.length;
    this.add(path, pos, message);
    if (this.problems.length > before) this.withTheRest.add(this.problems[this.problems.length - 1]);
  }

  /**
   * Problems since `since` concern only the data table that fills `list`: the table is left out (it
   * could not be read, or its header is wrong) or some of its rows are, and the YAML around it is
   * still checked (loadScenario), so those problems are listed in the same error. Either way the
   * list is not whole, and checks that need all of it wait (CheckContext.whole).
   */
  leaveOutTable(list: TableList, since: number): void {
    const added = this.problems.slice(since);
    if (added.length === 0) return;
    for (const p of added) if (!this.withTheRest.has(p)) this.ofTablesLeftOut.add(p);
    this.tablesLeftOut.push(list);
  }

  /**
   * The lists (formatted paths in the merged document) that data tables left out would have filled
   * (leaveOutTable): a list held by a record is found by that record's id.
   */
  listsLeftOut(merged: unknown): ReadonlySet<string> {
    return new Set(this.tablesLeftOut.map((t) => formatPath(mergedPath(t, merged))));
  }

  /**
   * Throws every problem at once when a YAML layer could not be read or parsed: nothing can be
   * checked then. A data table left out does not stop loading here.
   */
  throwIfStopping(fileOrder: readonly string[] = []): void {
    if (this.problems.some((p) => !this.withTheRest.has(p) && !this.ofTablesLeftOut.has(p))) this.throwIfAny(fileOrder);
  }

  /**
   * Drops the problems that may only echo a table left out: those found later at its list or at a
   * value that holds it ("the programme has no by_region rows"). Problems of the list's other
   * records stay (the cross-field checks keep quiet where they need the missing rows).
   */
  dropEchoesOfTablesLeftOut(merged: unknown): void {
    const lists = [...this.listsLeftOut(merged)];
    const echoes = (p: Problem) => !this.ofTablesLeftOut.has(p) && !this.withTheRest.has(p) && lists.some((t) => within(t, this.mergedPaths.get(p) ?? p.path));
    const kept = this.problems.filter((p) => !echoes(p));
    this.problems.splice(0, this.problems.length, ...kept);
  }

  /**
   * `shown`: the path as the file at `pos` numbers it (PositionTable.writtenPath), where it differs
   * from `path` in the merged document; echoes of tables left out are still found by `path`.
   */
  add(path: string | readonly PathKey[], pos: SourcePos, message: string, shown?: readonly PathKey[]): void {
    const merged = typeof path === "string" ? path : formatPath(path);
    const problem: Problem = {
      path: shown === undefined ? merged : formatPath(shown),
      file: pos.file,
      line: pos.line,
      ...(pos.sheet !== undefined ? { sheet: pos.sheet } : {}),
      ...(pos.column !== undefined ? { column: pos.column } : {}),
      message,
    };
    const key = formatProblem(problem);
    if (this.seen.has(key)) return;
    this.seen.add(key);
    if (merged !== problem.path) this.mergedPaths.set(problem, merged);
    this.problems.push(problem);
  }

  get count(): number {
    return this.problems.length;
  }

  /** Throws every problem at once (see `toError`); does nothing when there are none. */
  throwIfAny(fileOrder: readonly string[] = []): void {
    const error = this.toError(fileOrder);
    if (error) throw error;
  }

  /**
   * One error with every problem, ordered as a reader fixes them: by file (the given layer order
   * first, other files such as CSVs in order of first mention), then by line; ties keep the order
   * in which they were found. Null when there are no problems.
   */
  toError(fileOrder: readonly string[] = []): ScenarioError | null {
    if (this.problems.length === 0) return null;
    const rank = new Map<string, number>(fileOrder.map((f, i) => [f, i]));
    for (const p of this.problems) if (!rank.has(p.file)) rank.set(p.file, rank.size);
    const sorted = this.problems
      .map((p, i) => ({ p, i }))
      .sort((a, b) => rank.get(a.p.file)! - rank.get(b.p.file)! || lineKey(a.p) - lineKey(b.p) || a.i - b.i)
      .map(({ p }) => p);
    return new ScenarioError(sorted);
  }
}

/** A list a data table fills: its path in the layer, and the id of the record that holds it, if any. */
export interface TableList {
  path: PathKey[];
  owner?: string;
}

/** `programs[0].by_region` of an overlay, as the merged document numbers its programmes. */
function mergedPath(list: TableList, merged: unknown): PathKey[] {
  const [name, , key] = list.path;
  if (list.owner === undefined || list.path.length !== 3) return list.path;
  const records = (merged as Record<string, unknown> | null)?.[String(name)];
  const index = Array.isArray(records) ? records.findIndex((r) => (r as { id?: unknown } | null)?.id === list.owner) : -1;
  return index < 0 ? list.path : [name, index, key];
}

/** `path` is `outer` or lies inside it (`regions[3].id` inside `regions`). */
function within(path: string, outer: string): boolean {
  return path === outer || path.startsWith(`${outer}.`) || path.startsWith(`${outer}[`);
}

function lineKey(p: Problem): number {
  return p.line ?? Number.MAX_SAFE_INTEGER;
}
