/**
 * A session over a one-shot solver (javascript-lp-solver, or jslp-then-HiGHS): the model is kept
 * here and every change is applied to this copy, so each `solve` hands the solver the whole current
 * model. No warm starts, ranging or IIS — those need HiGHS.
 */
import type { LinearModel, Row, Term } from "../model/types.js";
import type {
  BoundChange, CoefficientChange, InfeasibleSubsystem, RowRange, SessionSolveOptions, SolveResult, SolverAdapter, SolverSession,
} from "./types.js";

export class RebuildSession implements SolverSession {
  readonly persistent = false;
  private model: LinearModel | null = null;
  private integer = true;

  constructor(private readonly adapter: SolverAdapter) {}

  get solver(): string {
    return this.adapter.name;
  }

  async load(model: LinearModel): Promise<void> {
    this.model = { ...model, variables: [...model.variables], rows: [...model.rows] };
    this.integer = true;
  }

  async addRows(rows: Row[]): Promise<void> {
    this.require().rows.push(...rows);
  }

  async setObjective(terms: Term[]): Promise<void> {
    this.require().objective = terms;
  }

  async setRowBounds(changes: BoundChange[]): Promise<void> {
    const m = this.require();
    for (const c of changes) m.rows[c.index] = { ...m.rows[c.index], lb: c.lb, ub: c.ub };
  }

  async setColBounds(changes: BoundChange[]): Promise<void> {
    const m = this.require();
    for (const c of changes) m.variables[c.index] = { ...m.variables[c.index], lb: c.lb, ub: c.ub };
  }

  async setCoefficients(changes: CoefficientChange[]): Promise<void> {
    const m = this.require();
    for (const c of changes) {
      const row = m.rows[c.row];
      const terms = row.terms.filter((t) => t.v !== c.column);
      if (c.value !== 0) terms.push({ v: c.column, c: c.value });
      m.rows[c.row] = { ...row, terms };
    }
  }

  async setIntegrality(integer: boolean): Promise<void> {
    this.integer = integer;
  }

  async solve(options: SessionSolveOptions = {}): Promise<SolveResult> {
    const m = this.require();
    const model = this.integer ? m : { ...m, variables: m.variables.map((v) => (v.integer ? { ...v, integer: false } : v)) };
    return this.adapter.solve(model, { mipGap: options.mipGap, mipAbsGap: options.mipAbsGap, timeLimitSeconds: options.timeLimitSeconds });
  }

  async saveBasis(): Promise<void> {}

  async restoreBasis(): Promise<void> {}

  async rowRanges(): Promise<RowRange[] | null> {
    return null;
  }

  async rhsSensitivity(): Promise<Float64Array[] | null> {
    return null;
  }

  async infeasibleSubsystem(): Promise<InfeasibleSubsystem | null> {
    return null;
  }

  async dispose(): Promise<void> {
    this.model = null;
  }

  private require(): LinearModel {
    if (!this.model) throw new Error("internal: solver session has no model loaded");
    return this.model;
  }
}
