/**
 * A HiGHS persistent model in this thread (npm `highs` ≥ 1.15): the model goes in once as sparse
 * arrays and stays; stages and draws change its objective, bounds, coefficients or integrality and
 * re-solve, warm from the kept basis unless asked otherwise.
 *
 * Duals: `duals[i]` = d(optimal objective) / d(active bound of row i), for our minimisation; e.g. a
 * binding `≤ budget` row has dual ≤ 0 (more budget, lower cost), a binding `≥ target` row dual ≥ 0.
 * HiGHS's row duals follow exactly this convention for a minimisation. Integer solves: null.
 *
 * The time limit is per solve: HiGHS counts it cumulatively per instance, so clocks are zeroed first.
 */
import type { Basis, Highs, Model } from "highs";
import type { LinearModel, Row, Term } from "../model/types.js";
import { noSolution, secondsSince } from "./check.js";
import { infeasibleSubsystem, rhsSensitivity, rowRanges } from "./highsAnalysis.js";
import { limitedResult, optimalResult, type RunShape, targetReachedResult } from "./highsResults.js";
import { type HighsRuntime, threadRuntime } from "./highsRuntime.js";
import { DUAL_SIMPLEX, resolveClean, retryCold, settleInfeasibleOrUnbounded, settleNoVerdict, statusName } from "./highsStatus.js";
import { type CsrRows, csrRows, denseCost, type ModelArrays, modelArrays, ModelDataError } from "./modelData.js";
import type {
  BoundChange, CoefficientChange, InfeasibleSubsystem, RowRange, SessionSolveOptions, SolveResult, SolverSession,
} from "./types.js";

/** Relative MIP gap when the caller gives none (the scenario's own default is set by the planner). */
export const DEFAULT_MIP_GAP = 1e-6;
const PRIMAL_SIMPLEX = 4;
/** HiGHS's "none" for time limits and objective targets (its option values must be finite). */
const NO_TIME_LIMIT = 1e30;
const MAX_INT = 2147483647;
/**
 * Primal and dual feasibility tolerance (HiGHS default 1e-7). At 1e-7 a warm primal re-solve may
 * stop at a vertex whose objective is ~1e-7 relative off the optimum a cold solve finds; at 1e-9
 * warm and cold agree to ~1e-11 on every shipped scenario, and Guangdong solves no slower.
 */
const FEASIBILITY_TOLERANCE = 1e-9;

export class HighsSession implements SolverSession {
  readonly solver = "highs";
  readonly persistent = true;
  private highs: Highs | null = null;
  private model: Model | null = null;
  /** The loaded LinearModel's columns (for checks); rows appended later are only counted. */
  private loaded: LinearModel | null = null;
  private cost: Float64Array = new Float64Array(0);
  private integrality: Int32Array | null = null;
  private relaxed = false;
  private rows = 0;
  private readonly bases = new Map<number, Basis>();
  /**
   * The last solve was interior point: crossover left an optimal basis but no factorisation, which
   * ranging and B⁻¹ rows need; `factorised` re-solves from that basis with simplex (0 iterations).
   */
  private unfactorised = false;

  constructor(private readonly runtime: HighsRuntime = threadRuntime) {}

  async load(model: LinearModel): Promise<void> {
    await this.loadArrays(modelArrays(model), model);
  }

  /** Loads prepared arrays (the solver thread receives these instead of a LinearModel). */
  async loadArrays(a: ModelArrays, model: LinearModel | null = null): Promise<void> {
    this.release();
    const highs = await this.runtime.acquire();
    this.highs = highs;
    try {
      this.model = highs.createModel({
        numCols: a.numCols,
        numRows: a.numRows,
        offset: a.offset,
        colCost: a.colCost,
        colLower: a.colLower,
        colUpper: a.colUpper,
        rowLower: a.rows.lower,
        rowUpper: a.rows.upper,
        matrix: { format: "csr", numRows: a.numRows, numCols: a.numCols, starts: a.rows.starts, indices: a.rows.indices, values: a.rows.values },
        ...(a.integrality ? { integrality: a.integrality as Int32Array & { length: number } } : {}),
      } as Parameters<Highs["createModel"]>[0] & object);
      this.model.options.set({
        output_flag: false,
        log_to_console: false,
        random_seed: 0,
        primal_feasibility_tolerance: FEASIBILITY_TOLERANCE,
        dual_feasibility_tolerance: FEASIBILITY_TOLERANCE,
      });
    } catch (e) {
      this.fail();
      throw e;
    }
    this.loaded = model;
    this.bases.clear();
    this.cost = Float64Array.from(a.colCost);
    this.integrality = a.integrality;
    this.relaxed = false;
    this.rows = a.numRows;
  }

  async addRows(rows: Row[]): Promise<void> {
    if (rows.length > 0) await this.addCsrRows(csrRows(this.loaded ?? placeholder(this.cost.length), rows), rows.length);
  }

  /** CSR form of `addRows` (the solver thread's wire format). */
  async addCsrRows(r: CsrRows, count: number): Promise<void> {
    const m = this.require();
    m.addRows({ lower: r.lower, upper: r.upper, matrix: { format: "csr", numRows: count, numCols: this.cost.length, starts: r.starts, indices: r.indices, values: r.values } } as Parameters<Model["addRows"]>[0]);
    this.rows += count;
  }

  async setObjective(terms: Term[]): Promise<void> {
    this.setCost(denseCost(terms, this.cost.length));
  }

  /** Dense cost vector form of `setObjective` (the solver thread's wire format). */
  setCost(cost: Float64Array): void {
    const m = this.require();
    if (cost.length > 0) m.changeColsCost({ kind: "range", from: 0, to: cost.length - 1 }, cost);
    this.cost = Float64Array.from(cost);
  }

  async setRowBounds(changes: BoundChange[]): Promise<void> {
    const m = this.require();
    for (const c of changes) m.changeRowBounds(c.index, c.lb, c.ub);
  }

  async setColBounds(changes: BoundChange[]): Promise<void> {
    const m = this.require();
    for (const c of changes) m.changeColBounds(c.index, c.lb, c.ub);
  }

  async setCoefficients(changes: CoefficientChange[]): Promise<void> {
    const m = this.require();
    for (const c of changes) m.changeCoefficient(c.row, c.column, c.value);
  }

  async setIntegrality(integer: boolean): Promise<void> {
    const m = this.require();
    if (!this.integrality || this.relaxed === !integer) return;
    if (integer) m.changeColsIntegrality({ kind: "range", from: 0, to: this.integrality.length - 1 }, this.integrality);
    else m.clearIntegrality();
    this.relaxed = !integer;
  }

  private get isMip(): boolean {
    return this.integrality !== null && !this.relaxed;
  }

  async solve(options: SessionSolveOptions = {}): Promise<SolveResult> {
    const start = performance.now();
    const m = this.require();
    const n = this.cost.length;
    const fail = (status: "infeasible" | "unbounded" | "error", message?: string) =>
      noSolution(n, this.solver, status, secondsSince(start), message);
    const ipm = options.algorithm === "ipm" && !this.isMip;
    try {
      m.options.set({
        // HiGHS's own "no limit" (its option values must be finite numbers).
        time_limit: options.timeLimitSeconds ?? NO_TIME_LIMIT,
        mip_rel_gap: options.mipGap ?? DEFAULT_MIP_GAP,
        mip_abs_gap: options.mipAbsGap ?? 1e-6,
        simplex_strategy: options.algorithm === "primal" && !this.isMip ? PRIMAL_SIMPLEX : DUAL_SIMPLEX,
        // Interior point from scratch, then crossover to a basis (duals, ranging and the next warm
        // start need one); without presolve, which costs more than it saves there (docs/solvers.md).
        solver: ipm ? "ipm" : "choose",
        run_crossover: "on",
        presolve: ipm ? "off" : "choose",
        objective_target: options.objectiveTarget ?? -NO_TIME_LIMIT,
        mip_max_nodes: options.nodeLimit ?? MAX_INT,
      });
      m.zeroAllClocks();
      if (options.start === "cold" || ipm) m.clearSolver();
      this.unfactorised = ipm;
      if (options.mipStart && this.isMip) {
        const start = options.mipStart;
        m.setSolution(start instanceof Float64Array ? { colValue: start } : { indices: Int32Array.from(start.indices), values: Float64Array.from(start.values) });
      }
      m.run();
      let status: number = m.getModelStatus();
      if ((status === 9 || status === 10) && options.start !== "cold" && !ipm) status = retryCold(m);
      if (status === 9) status = settleInfeasibleOrUnbounded(m, this.cost);
      // A MIP's "infeasible" is not re-solved: without presolve its branch and bound may take far longer.
      const confirm = status === 8 && !this.isMip;
      if (confirm) status = resolveClean(m);
      // "Unknown" or a solve error on an LP: one clean re-solve first (unless that just ran).
      status = settleNoVerdict(m, status, { mip: this.isMip, clean: confirm });
      switch (status) {
        case 6: // empty model: nothing to decide, bounds hold the answer
        case 7:
          return optimalResult(m, start, this.shape());
        case 8:
          return fail("infeasible");
        case 10:
          return fail("unbounded");
        case 12: // objective target reached: a plan as good as asked for
          return targetReachedResult(m, start);
        case 13:
        case 14: // iteration or
        case 16: // node limit (HiGHS reports the latter as a solution limit)
          return limitedResult(m, start, this.shape());
        default:
          return fail("error", `HiGHS status: ${statusName(status)}`);
      }
    } catch (e) {
      this.fail();
      if (e instanceof ModelDataError) return fail("error", e.message);
      return fail("error", `HiGHS failed: ${(e as Error).message}`);
    }
  }

  private shape(): RunShape {
    const check = this.loaded && this.loaded.rows.length === this.rows ? this.loaded : null;
    return { mip: this.isMip, columns: this.cost.length, check };
  }

  async saveBasis(slot: number): Promise<void> {
    const m = this.require();
    if (this.isMip || m.getModelStatus() !== 7) return;
    this.bases.set(slot, m.getBasis());
  }

  async restoreBasis(slot: number): Promise<void> {
    const basis = this.bases.get(slot);
    if (!basis || this.isMip) return;
    try {
      this.require().setBasis(basis);
    } catch {
      this.bases.delete(slot); // a basis HiGHS rejects (e.g. singular) is simply not used
    }
  }

  async rowRanges(): Promise<RowRange[] | null> {
    const m = this.require();
    return this.isMip || !this.factorised(m) ? null : rowRanges(m);
  }

  async rhsSensitivity(columns: number[]): Promise<Float64Array[] | null> {
    const m = this.require();
    return this.isMip || !this.factorised(m) ? null : rhsSensitivity(m, this.rows, columns);
  }

  /** An optimal LP with a factorised basis (after interior point: one simplex pass from its basis). */
  private factorised(m: Model): boolean {
    if (m.getModelStatus() !== 7) return false;
    if (!this.unfactorised) return true;
    try {
      m.options.set({ solver: "choose", presolve: "choose", simplex_strategy: DUAL_SIMPLEX });
      m.zeroAllClocks();
      m.run();
    } catch {
      this.fail();
      return false;
    }
    this.unfactorised = false;
    return m.getModelStatus() === 7;
  }

  async infeasibleSubsystem(): Promise<InfeasibleSubsystem | null> {
    return infeasibleSubsystem(this.require());
  }

  async dispose(): Promise<void> {
    this.release();
  }

  private require(): Model {
    if (!this.model) throw new Error("internal: HiGHS session has no model loaded");
    return this.model;
  }

  private release(): void {
    if (this.model && this.highs) {
      try {
        this.model.dispose();
      } finally {
        this.runtime.release(this.highs);
      }
    }
    this.model = null;
    this.highs = null;
  }

  /** After a native failure the instance may be corrupt: drop the model and the instance. */
  private fail(): void {
    this.model = null;
    this.highs = null;
    this.runtime.recycle();
  }
}

/** A column-only model for messages and checks when the LinearModel itself is not at hand. */
function placeholder(columns: number): LinearModel {
  return {
    variables: Array.from({ length: columns }, (_, j) => ({ lb: 0, ub: Infinity, integer: false, ref: { role: "other" as const, name: `column ${j}` } })),
    rows: [],
    objective: [],
    objectiveConstant: 0,
  };
}
