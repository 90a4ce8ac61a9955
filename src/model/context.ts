/**
 * The builder context shared by every constraint family: the model under construction, the
 * scenario, the year ranges and the lookup from scenario keys to variable indices. Families only
 * append; nothing here knows which solver will run.
 */
import type { Program, ProgramLeaf, Region, Scenario, Source } from "../scenario/types.js";
import type { ConstraintFamily, LinearModel, Row, Term, Variable } from "./types.js";

/** Money variables are in 万元 (10,000 yuan) so coefficients stay well scaled for the solvers. */
export const MONEY_UNIT = 1e4;

/** Starts recorded in `actuals` for one leaf, programme and year (summed over records). */
export interface ActualStarts {
  started: number;
  /** No record is `partial`: the year's starts are fixed, not just floored. */
  fixed: boolean;
}

export interface LeafProgram {
  program: Program;
  leaf: ProgramLeaf;
  /** Starts before the horizon, by year (from actuals): still being paid and occupying slots. */
  preHorizonStarts: Map<number, number>;
  /** Every year's actual starts (before and inside the horizon), indexed once for all readers. */
  actuals: Map<number, ActualStarts>;
}

/** A linear expression with a constant part (used for quantities that mix fixed and decided units). */
export interface Expr {
  terms: Term[];
  constant: number;
}

export class ModelContext {
  readonly model: LinearModel = { variables: [], rows: [], objective: [], objectiveConstant: 0 };
  readonly years: number[];
  /** Horizon years plus the tail years in which units started late are still being paid. */
  readonly paymentYears: number[];
  readonly leafPrograms: LeafProgram[] = [];
  private readonly varIndex = new Map<string, number>();
  private readonly regionById = new Map<string, Region>();
  private readonly sourceById = new Map<string, Source>();

  constructor(readonly scenario: Scenario) {
    this.years = scenario.years;
    const longest = Math.max(1, ...scenario.programs.map((p) => p.spendProfile.length));
    const last = scenario.horizon.end + longest - 1;
    this.paymentYears = range(scenario.horizon.start, last);
    for (const r of scenario.regions) this.regionById.set(r.id, r);
    for (const s of scenario.sources) this.sourceById.set(s.id, s);
    for (const program of scenario.programs) {
      for (const leaf of program.leaves) {
        const actuals = new Map<number, ActualStarts>();
        for (const a of scenario.actuals) {
          if (a.program !== program.id || a.region !== leaf.region) continue;
          const seen = actuals.get(a.year) ?? { started: 0, fixed: true };
          actuals.set(a.year, { started: seen.started + a.started, fixed: seen.fixed && !a.partial });
        }
        const pre = new Map<number, number>();
        for (const [year, a] of actuals) if (year < scenario.horizon.start) pre.set(year, a.started);
        this.leafPrograms.push({ program, leaf, preHorizonStarts: pre, actuals });
      }
    }
  }

  region(id: string): Region {
    const r = this.regionById.get(id);
    if (!r) throw new Error(`internal: unknown region ${id}`);
    return r;
  }

  source(id: string): Source {
    const s = this.sourceById.get(id);
    if (!s) throw new Error(`internal: unknown source ${id}`);
    return s;
  }

  /** Leaf-programme pairs whose leaf lies under `regionId` (a node, group or leaf). */
  leafProgramsIn(regionId: string, programIds?: readonly string[]): LeafProgram[] {
    const leaves = new Set(this.region(regionId).leaves);
    return this.leafPrograms.filter(
      (lp) => leaves.has(lp.leaf.region) && (!programIds || programIds.includes(lp.program.id)),
    );
  }

  addVariable(v: Variable): number {
    if (this.varIndex.has(v.name)) throw new Error(`internal: duplicate variable ${v.name}`);
    this.varIndex.set(v.name, this.model.variables.length);
    this.model.variables.push(v);
    return this.model.variables.length - 1;
  }

  /** Index of a variable by its readable name, or undefined when the model has none. */
  lookup(name: string): number | undefined {
    return this.varIndex.get(name);
  }

  addRow(
    family: ConstraintFamily,
    name: string,
    expr: Expr,
    bounds: { lb?: number; ub?: number },
    key: Row["key"],
  ): Row {
    const row: Row = {
      name,
      family,
      terms: mergeTerms(expr.terms),
      lb: (bounds.lb ?? -Infinity) - expr.constant,
      ub: (bounds.ub ?? Infinity) - expr.constant,
      key,
    };
    this.model.rows.push(row);
    return row;
  }
}

/**
 * Below this magnitude a coefficient is numerically zero for every solver (a share of 1e-200
 * would wreck the basis factorisation of GLPK and others); such terms are dropped.
 */
export const NEGLIGIBLE = 1e-12;

/** Sums coefficients of repeated variables and drops (numerically) zero ones, keeping first-seen order. */
export function mergeTerms(terms: Term[]): Term[] {
  const pos = new Map<number, number>();
  const out: Term[] = [];
  for (const t of terms) {
    const i = pos.get(t.v);
    if (i === undefined) {
      pos.set(t.v, out.length);
      out.push({ v: t.v, c: t.c });
    } else out[i].c += t.c;
  }
  return out.filter((t) => Math.abs(t.c) >= NEGLIGIBLE);
}

export function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let y = from; y <= to; y++) out.push(y);
  return out;
}

export function scaleExpr(e: Expr, k: number): Expr {
  return { terms: e.terms.map((t) => ({ v: t.v, c: t.c * k })), constant: e.constant * k };
}

export function sumExpr(parts: Expr[]): Expr {
  return {
    terms: parts.flatMap((p) => p.terms),
    constant: parts.reduce((a, p) => a + p.constant, 0),
  };
}
