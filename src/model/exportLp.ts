/**
 * CPLEX-LP export of a `LinearModel`, written so that CBC, GLPK (glpsol) and HiGHS all read the same
 * model (each quirk below was checked against all three readers):
 * - names are sanitised but readable: `funds[gz-urban,retrofit,2023,central]` → `funds(gz_urban,retrofit,2023,central)`;
 * - ranged rows are split into `<name>_lo` (>=) and `<name>_hi` (<=): HiGHS rejects `lo <= expr <= hi`;
 * - the objective constant rides on a fixed column `__const = 1`: GLPK rejects a bare constant, CBC drops it;
 * - rows without terms are written as `0 __const >= lb` so every reader keeps (and checks) them, and
 *   a model without rows gets a placeholder `__no_rows: 0 __const >= 0` (GLPK rejects an empty section);
 * - free columns use `x free` (GLPK rejects `-inf <= x <= inf`);
 * - |bound| >= 1e20 counts as infinite (HiGHS and CBC already do; GLPK would not);
 * - duplicate terms are summed and zero coefficients dropped (CBC rejects duplicates).
 */
import { mergeTerms } from "./context.js";
import { rowName, variableName } from "./names.js";
import type { LinearModel, Term } from "./types.js";

/** Bounds at or beyond this magnitude are infinite, as in HiGHS (`infinite_bound`) and CBC. */
export const LP_INFINITY = 1e20;
/** Name of the helper column fixed at 1 that carries the objective constant and empty rows. */
export const CONSTANT_COLUMN = "__const";
const MAX_LINE = 250;

export type LpSense = "=" | ">=" | "<=";

/** One LP row as written; a ranged model row gives two parts, a free row none. */
export interface LpRowPart {
  /** Model row index; -1 for the `__no_rows` placeholder. */
  row: number;
  lpName: string;
  sense: LpSense;
  rhs: number;
}

export interface LpNameMap {
  /** LP column name of every model variable, by variable index. */
  variables: string[];
  /** LP rows in file order (the order solvers report them in). */
  rowParts: LpRowPart[];
  /** LP name(s) of every model row, by row index ([] for a free row, [lo, hi] for a ranged one). */
  rows: string[][];
  /** The fixed helper column, or null when the file does not need one. */
  constantColumn: string | null;
}

export interface CplexLp {
  text: string;
  names: LpNameMap;
}

export interface ExportLpOptions {
  title?: string;
}

/** CPLEX-LP text of the model (see `exportCplexLp` for the name map). */
export function toCplexLp(model: LinearModel, options: ExportLpOptions = {}): string {
  return exportCplexLp(model, options).text;
}

/** CPLEX-LP text plus the map from model indices to LP names. */
export function exportCplexLp(model: LinearModel, options: ExportLpOptions = {}): CplexLp {
  assertFiniteModel(model);
  const objective = mergeTerms(model.objective);
  const rowTerms = model.rows.map((r) => mergeTerms(r.terms));
  const writesNoRow = model.rows.every((r) => isFree(r.lb, r.ub));
  const needsConstant =
    model.objectiveConstant !== 0 ||
    objective.length === 0 ||
    writesNoRow ||
    model.rows.some((r, i) => rowTerms[i].length === 0 && !isFree(r.lb, r.ub));

  const colNames = new LpNames();
  const constantColumn = needsConstant ? colNames.reserve(CONSTANT_COLUMN) : null;
  const variables = model.variables.map((v) => colNames.take(variableName(v)));
  const rowNames = new LpNames();
  rowNames.reserve("obj");
  const rowParts: LpRowPart[] = [];
  const rows: string[][] = model.rows.map((r, i) => {
    const name = rowName(r);
    const lb = finiteOrInf(r.lb);
    const ub = finiteOrInf(r.ub);
    const parts: LpRowPart[] = [];
    if (lb === ub) parts.push({ row: i, lpName: rowNames.take(name), sense: "=", rhs: lb });
    else if (lb > -Infinity && ub < Infinity) {
      parts.push({ row: i, lpName: rowNames.take(`${name}_lo`), sense: ">=", rhs: lb });
      parts.push({ row: i, lpName: rowNames.take(`${name}_hi`), sense: "<=", rhs: ub });
    } else if (lb > -Infinity) parts.push({ row: i, lpName: rowNames.take(name), sense: ">=", rhs: lb });
    else if (ub < Infinity) parts.push({ row: i, lpName: rowNames.take(name), sense: "<=", rhs: ub });
    rowParts.push(...parts);
    return parts.map((p) => p.lpName);
  });
  if (writesNoRow) rowParts.push({ row: -1, lpName: rowNames.take("__no_rows"), sense: ">=", rhs: 0 });

  const out: string[] = [];
  if (options.title) out.push(`\\ ${oneLine(options.title)}`);
  // The model's row count is what run.json reports; a reader counting the file's constraints needs both.
  const written = rowParts.filter((p) => p.row >= 0).length;
  const ranged = model.rows.filter((r) => r.lb > -Infinity && r.ub < Infinity && r.lb !== r.ub).length;
  out.push(`\\ ${model.variables.length} variables, ${model.rows.length} rows: ${written} constraints below (${ranged} ranged row${ranged === 1 ? "" : "s"} split into _lo/_hi)`);
  out.push("Minimize");
  const objTerms = termsText(objective, variables);
  if (constantColumn) objTerms.push(`${signed(model.objectiveConstant)} ${constantColumn}`);
  out.push(...wrap(" obj:", objTerms, ""));
  out.push("Subject To");
  for (const part of rowParts) {
    const terms = part.row < 0 ? [] : termsText(rowTerms[part.row], variables);
    if (terms.length === 0) terms.push(`0 ${constantColumn}`);
    out.push(...wrap(` ${part.lpName}:`, terms, `${part.sense} ${num(part.rhs)}`));
  }
  out.push("Bounds");
  if (constantColumn) out.push(` ${constantColumn} = 1`);
  model.variables.forEach((v, j) => {
    const line = boundLine(variables[j], finiteOrInf(v.lb), finiteOrInf(v.ub));
    if (line) out.push(line);
  });
  const ints = model.variables.flatMap((v, j) => (v.integer ? [variables[j]] : []));
  if (ints.length > 0) {
    out.push("General");
    out.push(...wrap("", ints, ""));
  }
  out.push("End", "");
  return { text: out.join("\n"), names: { variables, rowParts, rows, constantColumn } };
}

export function finiteOrInf(x: number): number {
  if (x >= LP_INFINITY) return Infinity;
  if (x <= -LP_INFINITY) return -Infinity;
  return x;
}

function isFree(lb: number, ub: number): boolean {
  return finiteOrInf(lb) === -Infinity && finiteOrInf(ub) === Infinity;
}

function boundLine(name: string, lb: number, ub: number): string | null {
  if (lb === ub) return ` ${name} = ${num(lb)}`;
  if (lb === -Infinity && ub === Infinity) return ` ${name} free`;
  if (lb === -Infinity) return ` -inf <= ${name} <= ${num(ub)}`;
  if (ub === Infinity) return lb === 0 ? null : ` ${name} >= ${num(lb)}`;
  return ` ${num(lb)} <= ${name} <= ${num(ub)}`;
}

function termsText(terms: Term[], names: string[]): string[] {
  return terms.map((t) => {
    if (t.c === 1) return `+ ${names[t.v]}`;
    if (t.c === -1) return `- ${names[t.v]}`;
    return `${signed(t.c)} ${names[t.v]}`;
  });
}

/** `+ 3` / `- 0.5`: every reader accepts JS number text, exponents included (`1e-12`, `1e+21`). */
function signed(c: number): string {
  return c < 0 ? `- ${num(-c)}` : `+ ${num(c)}`;
}

function num(x: number): string {
  return String(x === 0 ? 0 : x); // String(-0) is "0" already; keeps full round-trip precision
}

/** Break long rows over several lines (CPLEX limits lines to 560 chars; we stay well below). */
function wrap(head: string, items: string[], tail: string): string[] {
  const lines: string[] = [];
  let line = head;
  let itemsOnLine = 0;
  for (const item of tail ? [...items, tail] : items) {
    if (itemsOnLine > 0 && line.length + 1 + item.length > MAX_LINE) {
      lines.push(line);
      line = "   ";
      itemsOnLine = 0;
    }
    line += ` ${item}`;
    itemsOnLine++;
  }
  lines.push(line);
  return lines;
}

function oneLine(s: string): string {
  return s.replace(/[\r\n]+/g, " ");
}

/** Throws, naming the place, on a non-finite coefficient or a NaN bound (±Infinity bounds are fine). */
export function assertFiniteModel(model: LinearModel): void {
  const bad = (what: string, x: number) => {
    throw new Error(`LP export: ${what} is ${x}; coefficients must be finite numbers`);
  };
  if (!Number.isFinite(model.objectiveConstant)) bad("objective constant", model.objectiveConstant);
  for (const t of model.objective) if (!Number.isFinite(t.c)) bad(`objective coefficient of ${columnLabel(model, t.v)}`, t.c);
  for (const r of model.rows) {
    for (const t of r.terms) if (!Number.isFinite(t.c)) bad(`coefficient of ${columnLabel(model, t.v)} in ${rowName(r)}`, t.c);
    if (Number.isNaN(r.lb) || Number.isNaN(r.ub)) bad(`a bound of row ${rowName(r)}`, NaN);
  }
  for (const v of model.variables) if (Number.isNaN(v.lb) || Number.isNaN(v.ub)) bad(`a bound of ${variableName(v)}`, NaN);
}

function columnLabel(model: LinearModel, v: number): string {
  const variable = model.variables[v];
  return variable ? variableName(variable) : `column ${v}`;
}

// ---- names -------------------------------------------------------------------------------------

const MAX_NAME = 255;
/** Characters all three readers accept in names (CPLEX also allows `/`, which HiGHS rejects). */
const NAME_CHAR = /[A-Za-z0-9!"#$%&()',.;?@_`{}|~]/;
/** Section keywords a reader could take for the start of a section or a bound (`free`, `inf`). */
const RESERVED = new Set(
  ("minimize minimise minimum min maximize maximise maximum max subject to such that st s.t. st. " +
    "bounds bound bou general generals gen integer integers int binary binaries bin " +
    "semi-continuous semis semi sos end free inf infinity")
    .split(" "),
);

/**
 * Readable LP name for a model name: `[`/`]` become `(`/`)`, other forbidden ASCII (`-`, `+`, `:`,
 * spaces, `/` …) becomes `_`, non-ASCII becomes `u<hex>`; a leading digit or `.` gets a `_` prefix,
 * keywords get a `_` suffix. Uniqueness is `LpNames`' job.
 */
export function sanitiseLpName(name: string): string {
  let out = "";
  for (const ch of name) {
    if (ch === "[") out += "(";
    else if (ch === "]") out += ")";
    else if (NAME_CHAR.test(ch)) out += ch;
    else if (ch.codePointAt(0)! > 127) out += `u${ch.codePointAt(0)!.toString(16)}`;
    else out += "_";
  }
  if (out === "" || /^[0-9.]/.test(out)) out = `_${out}`;
  if (RESERVED.has(out.toLowerCase())) out = `${out}_`;
  return out.slice(0, MAX_NAME);
}

/** Allocates unique LP names in one namespace; a repeat gets `~2`, `~3` … (kept within 255 chars). */
class LpNames {
  private readonly used = new Set<string>();

  reserve(name: string): string {
    this.used.add(name);
    return name;
  }

  take(modelName: string): string {
    const base = sanitiseLpName(modelName);
    if (!this.used.has(base)) return this.reserve(base);
    for (let k = 2; ; k++) {
      const suffix = `~${k}`;
      const candidate = base.slice(0, MAX_NAME - suffix.length) + suffix;
      if (!this.used.has(candidate)) return this.reserve(candidate);
    }
  }
}
