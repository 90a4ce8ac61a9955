/**
 * The builder context shared by every constraint family: the model under construction, the
 * scenario, the year ranges and the typed index from scenario entities to columns and rows.
 * Families only append; nothing here knows which solver will run.
 */
import type { Program, ProgramLeaf, Region, Scenario, Source } from "../scenario/types.js";
import { lastPaymentYear, yearsBetween } from "../scenario/paymentYears.js";
import { ModelIndex } from "./modelIndex.js";
import { type ActualYear, actualYear } from "./recorded.js";
import type { LinearModel, Row, RowRef, Term, Variable } from "./types.js";

/** Money variables are in 万元 (10,000 yuan) so coefficients stay well scaled for the solvers. */
export const MONEY_UNIT = 1e4;

export interface LeafProgram {
  /** Position in ModelContext.leafPrograms (the index's leaf-programme axis). */
  index: number;
  program: Program;
  leaf: ProgramLeaf;
  /** Starts before the horizon, by year (from actuals): still being paid and occupying slots. */
  preHorizonStarts: Map<number, number>;
  /** Every year's actuals (before and inside the horizon), indexed once for all readers. */
  actuals: Map<number, ActualYear>;
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
  readonly index: ModelIndex;
  private readonly regionById = new Map<string, Region>();
  private readonly sourceIndexById = new Map<string, number>();
  private readonly leafProgramsByRegion = new Map<string, LeafProgram[]>();

  constructor(readonly scenario: Scenario) {
    this.years = scenario.years;
    this.paymentYears = yearsBetween(scenario.horizon.start, lastPaymentYear(scenario));
    for (const r of scenario.regions) this.regionById.set(r.id, r);
    scenario.sources.forEach((s, i) => this.sourceIndexById.set(s.id, i));
    for (const program of scenario.programs) {
      for (const leaf of program.leaves) {
        const actuals = new Map<number, ActualYear>();
        for (const a of scenario.actuals) {
          // Validation allows one record per leaf, programme and year.
          if (a.program === program.id && a.region === leaf.region) actuals.set(a.year, actualYear(a, (id) => this.sourceIndex(id), scenario.sources.length));
        }
        const pre = new Map<number, number>();
        for (const [year, a] of actuals) if (year < scenario.horizon.start) pre.set(year, a.started);
        this.leafPrograms.push({ index: this.leafPrograms.length, program, leaf, preHorizonStarts: pre, actuals });
      }
    }
    this.index = new ModelIndex(this.leafPrograms.length, this.years.length, this.paymentYears.length, scenario.sources.length, scenario.targets.length);
  }

  region(id: string): Region {
    const r = this.regionById.get(id);
    if (!r) throw new Error(`internal: unknown region ${id}`);
    return r;
  }

  source(id: string): Source {
    return this.scenario.sources[this.sourceIndex(id)];
  }

  sourceIndex(id: string): number {
    const s = this.sourceIndexById.get(id);
    if (s === undefined) throw new Error(`internal: unknown source ${id}`);
    return s;
  }

  /** Horizon-year index of `year`, or −1 outside the horizon. */
  yearIndex(year: number): number {
    const h = year - this.scenario.horizon.start;
    return h >= 0 && h < this.years.length ? h : -1;
  }

  /** True for a year before `as_of` (closed: what happened in it is fixed). */
  closed(year: number): boolean {
    return this.scenario.asOf !== null && year < this.scenario.asOf.firstOpenYear;
  }

  /**
   * True for a closed year that is history (the scenario's own `as_of`): its budgets arrived as they
   * were. A frozen past (AsOf.historyBefore) is closed but not history: sampled worlds draw it.
   */
  isHistory(year: number): boolean {
    const asOf = this.scenario.asOf;
    return asOf !== null && year < (asOf.historyBefore ?? asOf.firstOpenYear);
  }

  /** Payment-year index of `year`, or −1 outside the payment years. */
  paymentYearIndex(year: number): number {
    const y = year - this.scenario.horizon.start;
    return y >= 0 && y < this.paymentYears.length ? y : -1;
  }

  /** Leaf-programme pairs whose leaf lies under `regionId` (a node, group or leaf). */
  leafProgramsIn(regionId: string, programIds?: readonly string[]): LeafProgram[] {
    let all = this.leafProgramsByRegion.get(regionId);
    if (!all) {
      const leaves = new Set(this.region(regionId).leaves);
      all = this.leafPrograms.filter((lp) => leaves.has(lp.leaf.region));
      this.leafProgramsByRegion.set(regionId, all);
    }
    return programIds ? all.filter((lp) => programIds.includes(lp.program.id)) : all;
  }

  addVariable(v: Variable): number {
    this.model.variables.push(v);
    return this.model.variables.length - 1;
  }

  /** Appends a row and returns its index. */
  addRow(ref: RowRef, expr: Expr, bounds: { lb?: number; ub?: number }): number {
    const row: Row = {
      ref,
      terms: mergeTerms(expr.terms),
      lb: (bounds.lb ?? -Infinity) - expr.constant,
      ub: (bounds.ub ?? Infinity) - expr.constant,
    };
    this.settleFixedRow(row);
    this.model.rows.push(row);
    return this.model.rows.length - 1;
  }

  /**
   * A row over fixed columns only (a budget of a year whose money is all recorded, a frozen past)
   * is history, not a choice: where the recorded values miss a bound by float noise (a plan
   * frozen from a solver's answer holds its rows only to the solver's tolerance), the bound moves
   * to them, so the noise cannot make the past infeasible. A real miss stays and is diagnosed.
   */
  private settleFixedRow(row: Row): void {
    if (!this.allFixed(row.terms)) return;
    let activity = 0;
    let scale = 1;
    for (const t of row.terms) {
      const x = t.c * this.model.variables[t.v].lb;
      activity += x;
      scale += Math.abs(x);
    }
    const noise = FIXED_ROW_NOISE * Math.max(scale, Math.abs(row.ub === Infinity ? row.lb : row.ub));
    if (activity > row.ub && activity - row.ub <= noise) row.ub = activity;
    if (activity < row.lb && row.lb - activity <= noise) row.lb = activity;
  }

  /** True when every column of the terms is fixed (lb = ub): what they add up to already happened. */
  allFixed(terms: readonly Term[]): boolean {
    return terms.every((t) => this.isFixed(t.v));
  }

  /** True when column `v` is fixed (lb = ub): recorded, or frozen from a baseline plan. */
  isFixed(v: number): boolean {
    const { lb, ub } = this.model.variables[v];
    return lb === ub;
  }
}

/** Miss of a bound by fixed values, relative to the row's magnitude, that counts as float noise. */
const FIXED_ROW_NOISE = 1e-7;

/**
 * Below this magnitude a coefficient is numerically zero for every solver (a share of 1e-200
 * would wreck the basis factorisation of GLPK and others); such terms are dropped.
 */
export const NEGLIGIBLE = 1e-12;

/**
 * Sums coefficients of repeated variables (CBC rejects them) and drops (numerically) zero ones,
 * keeping first-seen order: the one rule for rows and objectives, whether they go to HiGHS, to jslp
 * or into the LP export the CBC/GLPK audit reads.
 */
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

export function scaleExpr(e: Expr, k: number): Expr {
  return { terms: e.terms.map((t) => ({ v: t.v, c: t.c * k })), constant: e.constant * k };
}

export function sumExpr(parts: Expr[]): Expr {
  return {
    terms: parts.flatMap((p) => p.terms),
    constant: parts.reduce((a, p) => a + p.constant, 0),
  };
}
