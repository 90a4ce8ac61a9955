/**
 * The one stage runner. A lexicographic problem (base model + stage objectives) is loaded into one
 * solver session and kept there:
 *
 *   load base rows + one `stage_fix` row per later stage (free until its stage is reached)
 *   stage 1: objective 1, solve (primal simplex when there is no basis yet)
 *   stage k: fix row k−1 ≤ optimum_{k−1} + tolerance, objective k, re-solve warm with primal
 *            simplex (the previous optimum stays primal feasible: ~5× fewer iterations than a cold
 *            dual solve on Guangdong), or from IPM_MIN_COLUMNS columns by interior point with
 *            crossover (docs/solvers.md)
 *
 * Callers change bounds or coefficients between runs (stress levels, Monte Carlo draws, annual
 * re-plans) and run again: the fix rows are freed and the solve starts from the last basis. A run
 * cut short (`stages`) can be finished later, without solving its stages again.
 * Plan, export, stress, min-budget, explain, Monte Carlo re-optimisation and the bench all run
 * their stages here.
 */
import type { LinearModel, Row, Stage, StagedProblem } from "../model/types.js";
import { sessionFor } from "../solve/sessions.js";
import type { SolverChoice } from "../solve/auto.js";
import type {
  BoundChange, CoefficientChange, InfeasibleSubsystem, SessionSolveOptions, SolveResult, SolverSession,
} from "../solve/types.js";
import { newHighsSession } from "../solve/newHighsSession.js";
import { stageTimedOut } from "./diagnosticText.js";
import { chainStageDuals, type StageDuals } from "./lexSensitivity.js";
import { type DualsSource, stageDuals } from "./stageDuals.js";
import { type IntegerStageResult, solveIntegerStage } from "./integerStage.js";
import { evaluate, fixRow, type StageOptimum, stageModel } from "./stageModels.js";
import type { RunOptions, StageRun } from "./stageRun.js";

/** A run stopped before the last stage: what `finish` continues from. */
interface CutShort {
  run: StageRun;
  /** Each solved stage's own duals, to chain through the stages still to come. */
  raw: StageDuals[];
  options: RunOptions;
}

/** The basis slot `anchor` keeps the problem's own optimum in. */
export const ANCHOR_SLOT = 1;

/** Largest model (rows) whose infeasibility is explained with an IIS. */
export const MAX_IIS_ROWS = 2000;

/**
 * Columns from which later LP stages are solved by interior point and crossover instead of a warm
 * primal re-solve (docs/solvers.md: 6,500 columns warm primal 0.8 s vs 1.2 s; 13,000 columns 3.9 s
 * vs 2.5 s; 19,800 columns 11–14 s vs 3.7–4.7 s).
 */
export const IPM_MIN_COLUMNS = 10_000;

export class StagedSession {
  /** The model as the session holds it now (base rows, then the fix rows). */
  private current: LinearModel;
  private loaded = false;
  /** True once a stage was solved: the session holds a basis to start the next run from. */
  private solved = false;
  private anchored = false;
  private readonly dualsSource: DualsSource;
  /** The last run, when it stopped before the last stage and the model has not changed since (`finish`). */
  private cutShort: CutShort | null = null;

  private constructor(readonly problem: StagedProblem, private readonly session: SolverSession) {
    this.current = { ...problem.model, rows: [...problem.model.rows], variables: [...problem.model.variables] };
    this.dualsSource = { session, problem, model: () => this.model };
  }

  static open(problem: StagedProblem, solver: SolverChoice): StagedSession {
    return new StagedSession(problem, sessionFor(problem.model, solver));
  }

  get solver(): string {
    return this.session.solver;
  }

  private get integer(): boolean {
    return this.current.variables.some((v) => v.integer);
  }

  /** The base model with its current bounds and coefficients. */
  get model(): LinearModel {
    return { ...this.current, rows: this.current.rows.slice(0, this.problem.model.rows.length) };
  }

  async setRowBounds(changes: BoundChange[]): Promise<void> {
    this.cutShort = null;
    for (const c of changes) this.current.rows[c.index] = { ...this.current.rows[c.index], lb: c.lb, ub: c.ub };
    if (this.loaded) await this.session.setRowBounds(changes);
  }

  async setColBounds(changes: BoundChange[]): Promise<void> {
    this.cutShort = null;
    for (const c of changes) this.current.variables[c.index] = { ...this.current.variables[c.index], lb: c.lb, ub: c.ub };
    if (this.loaded) await this.session.setColBounds(changes);
  }

  async setCoefficients(changes: CoefficientChange[]): Promise<void> {
    this.cutShort = null;
    for (const c of changes) {
      const row = this.current.rows[c.row];
      const terms = row.terms.filter((t) => t.v !== c.column);
      if (c.value !== 0) terms.push({ v: c.column, c: c.value });
      this.current.rows[c.row] = { ...row, terms };
    }
    if (this.loaded) await this.session.setCoefficients(changes);
  }

  async run(options: RunOptions = {}): Promise<StageRun> {
    const count = Math.min(this.problem.stages.length, options.stages ?? this.problem.stages.length);
    await this.prepare();
    const run: StageRun = {
      status: "optimal", stages: [], primal: new Float64Array(0), optima: [], duals: [], ranges: [], sensitivity: null, relaxedPrimal: null,
      dualMethod: (options.duals ?? true) ? (this.integer ? "lp_relaxation" : "lp") : "none", warnings: [],
    };
    return this.solveStages({ run, raw: [], options }, count);
  }

  /**
   * Solves the stages the last run was cut short of (`run({ stages })`), from the optimum it ended
   * on, with the same options: min-budget decides only after its λ stage whether the cost stage is
   * needed, and its λ stage (a MILP for whole units) is not solved again for it. Returns the whole
   * run, as one `run()` would have: every stage once, duals chained through all of them. Throws
   * when there is nothing to finish: the last run solved every stage or stopped, or the model
   * changed since.
   */
  async finish(): Promise<StageRun> {
    const cut = this.cutShort;
    if (!cut) throw new Error("StagedSession.finish: no run cut short by `stages` to finish (or the model changed since)");
    // A copy: the caller still holds the cut-short run.
    const run = { ...cut.run, stages: [...cut.run.stages], optima: [...cut.run.optima], warnings: [...cut.run.warnings] };
    return this.solveStages({ ...cut, run, raw: [...cut.raw] }, this.problem.stages.length);
  }

  /** Solves the stages after those `state.run` holds, up to `count`; a run that stops before the last stage can be finished. */
  private async solveStages(state: CutShort, count: number): Promise<StageRun> {
    this.cutShort = null;
    const { run, raw, options } = state;
    const { stages, settings } = this.problem;
    const wantDuals = options.duals ?? true;
    const base = this.problem.model.rows.length;
    const integer = this.integer;
    let primal: Float64Array | null = run.stages.length > 0 ? run.primal : null;
    for (let i = run.stages.length; i < count; i++) {
      if (i > 0) await this.fix(i - 1, run.optima[i - 1]);
      await this.session.setObjective(stages[i].objective);
      const start = i === 0 ? options.start : "warm";
      const anchored = i === 0 && options.firstFrom !== undefined && !integer && this.solved;
      if (anchored) await this.session.restoreBasis(options.firstFrom!);
      const solved: { result: SolveResult; proof?: IntegerStageResult["proof"]; absGap?: number } = integer
        ? await solveIntegerStage(this.session, this.current, stages[i], settings, { start, previous: primal })
        : { result: await this.session.solve({ timeLimitSeconds: settings.timeLimitSeconds, ...(anchored ? { algorithm: "primal" as const } : this.lpStageSolve(i, start)) }) };
      const result = solved.result;
      this.solved = true;
      run.stages.push({
        stage: stages[i].name, status: result.status, objective: result.objective, solver: result.solver,
        seconds: result.seconds, rows: base + i, columns: this.current.variables.length,
        ...(integer && result.mipGap !== undefined ? { gap: result.mipGap } : {}),
        ...(solved.proof ? { proof: solved.proof } : {}),
        ...(integer && stages[i].absGap !== undefined ? { absolute_gap: solved.absGap ?? stages[i].absGap } : {}),
      });
      if (result.status === "infeasible") {
        const model = stageModel(this.problem, i, run.optima, this.model);
        const iis = await this.infeasibleSubsystem(model);
        return { ...run, status: "infeasible", dualMethod: "none", infeasible: { stage: i, model, iis } };
      }
      if (result.status === "time_limit") {
        run.warnings.push(stageTimedOut(stages[i].name, settings.timeLimitSeconds, result.objective));
      } else if (result.status !== "optimal") {
        return { ...run, status: "error", dualMethod: "none", message: `stage ${stages[i].name}: ${result.status}${result.message ? ` (${result.message})` : ""}` };
      }
      primal = result.primal;
      const optimum: StageOptimum = { objective: stages[i].objective, value: evaluate(stages[i].objective, primal), stage: stages[i].name };
      run.optima.push(optimum);
      if (wantDuals) {
        const columns = i === count - 1 ? options.sensitivity ?? [] : [];
        raw.push(await stageDuals(this.dualsSource, i, run.optima, result, integer, { ranging: options.ranging?.includes(stages[i].name) ?? false, columns }));
      }
    }
    run.primal = primal ?? new Float64Array(0);
    if (wantDuals) Object.assign(run, chainStageDuals(raw, base, count));
    if (count < stages.length) this.cutShort = { run, raw, options };
    return run;
  }

  /**
   * How an LP stage is solved (measurements in docs/solvers.md):
   *  - the first stage with no basis to start from (first run, or a cold start): primal simplex,
   *    which on these models needs ~3× less time than HiGHS's default dual simplex from scratch;
   *    re-runs after bound or coefficient changes start warm and let HiGHS choose (dual simplex);
   *  - a later stage: its objective changed and the fix row holds the previous optimum, so the
   *    last basis stays primal feasible and a warm primal re-solve is fastest on small and middling
   *    models; from IPM_MIN_COLUMNS columns that re-solve takes ~n² pivots and interior point with
   *    crossover, from scratch, is faster.
   */
  private lpStageSolve(i: number, start: SessionSolveOptions["start"]): Pick<SessionSolveOptions, "start" | "algorithm"> {
    if (i === 0) return { start, algorithm: start === "cold" || !this.solved ? "primal" : "choose" };
    if (this.current.variables.length >= IPM_MIN_COLUMNS) return { start: "cold", algorithm: "ipm" };
    return { start, algorithm: "primal" };
  }

  /**
   * On first call, solves the problem as it stands (no duals) and keeps its optimal basis in
   * ANCHOR_SLOT; later calls do nothing. Monte Carlo re-planning starts every draw from that basis,
   * so a draw's plans do not depend on which draws a worker solved before. Resolves to true when
   * this call anchored; throws (naming `mode`) when the problem cannot be solved.
   */
  async anchor(mode: string): Promise<boolean> {
    if (this.anchored) return false;
    const run = await this.run({ duals: false });
    if (run.status !== "optimal") throw new Error(`${mode}: the planning model cannot be solved (${run.message ?? run.status})`);
    await this.keepBasis(ANCHOR_SLOT);
    this.anchored = true;
    return true;
  }

  /** Keeps the basis the last run ended on in `slot` (for `startFrom` or a run's `firstFrom`). */
  async keepBasis(slot: number): Promise<void> {
    if (this.loaded) await this.session.saveBasis(slot);
  }

  /**
   * The next run starts from the basis kept in `slot`. Monte Carlo re-planning starts every draw
   * from one kept basis, so a draw's plans do not depend on which draws a worker solved before.
   */
  async startFrom(slot: number): Promise<void> {
    await this.session.restoreBasis(slot);
  }

  async dispose(): Promise<void> {
    await this.session.dispose();
  }

  /**
   * The IIS of an infeasible stage (a one-shot solver hands the model to HiGHS for it), for models
   * up to MAX_IIS_ROWS rows: HiGHS-WASM's IIS solves an LP per candidate row, ~20 s on Guangdong's
   * 3,800 rows, so larger plans are diagnosed from the elastic re-solve alone (docs/solvers.md).
   */
  private async infeasibleSubsystem(model: LinearModel): Promise<InfeasibleSubsystem | null> {
    if (model.rows.length > MAX_IIS_ROWS) return null;
    if (this.session.persistent) return this.session.infeasibleSubsystem();
    const highs = newHighsSession();
    try {
      await highs.load(model);
      return await highs.infeasibleSubsystem();
    } finally {
      await highs.dispose();
    }
  }

  /** Loads on first use (with every fix row free); later runs free the fix rows again. */
  private async prepare(): Promise<void> {
    const base = this.problem.model.rows.length;
    const fixes = Math.max(0, this.problem.stages.length - 1);
    if (!this.loaded) {
      for (let i = 0; i < fixes; i++) this.current.rows.push(freeFix(this.problem.stages[i]));
      await this.session.load(this.current);
      this.loaded = true;
      return;
    }
    // Every fix row: a longer run before left its later ones holding its optima, which would bind
    // a shorter run's stages.
    const free = Array.from({ length: fixes }, (_, i) => ({ index: base + i, lb: -Infinity, ub: Infinity }));
    for (const c of free) this.current.rows[c.index] = { ...this.current.rows[c.index], lb: c.lb, ub: c.ub };
    await this.session.setRowBounds(free);
  }

  /**
   * Holds stage i's optimum (within the tolerance) in its fix row for the stages after it. An
   * integer stage is held to the value its plan reached, not to its gap: that plan satisfies the
   * hold, and a gap's worth of slack let the cost stage give back half a unit of a continuous
   * programme's target (docs/model.md, "Integer stages").
   */
  private async fix(i: number, optimum: StageOptimum): Promise<void> {
    const index = this.problem.model.rows.length + i;
    const row = fixRow(optimum, this.problem.settings);
    this.current.rows[index] = row;
    await this.session.setRowBounds([{ index, lb: row.lb, ub: row.ub }]);
  }
}

/** The fix row of a stage before it is reached: its objective's terms, no bounds. */
function freeFix(stage: Stage): Row {
  return { ref: { family: "stage_fix", stage: stage.name }, terms: stage.objective, lb: -Infinity, ub: Infinity };
}
