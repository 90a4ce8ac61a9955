/**
 * HiGHS (npm `highs`, WebAssembly) adapter. It solves the very text `exportCplexLp` writes, so the
 * audited export and the engine's solve are the same model, and maps LP names back to indices.
 *
 * Duals: `duals[i]` = d(optimal objective) / d(active bound of row i), for our minimisation; e.g. a
 * binding `≤ budget` row has dual ≤ 0 (more budget, lower cost), a binding `≥ target` row dual ≥ 0.
 * HiGHS reports row duals in exactly this convention for a minimisation; a ranged row is exported as
 * two rows (`_lo`, `_hi`), at most one of which is binding, so its dual is their sum. MIPs: null.
 */
import { rowName, variableName } from "../model/names.js";
import type { Highs } from "highs";
import type { LinearModel } from "../model/types.js";
import { exportCplexLp, type CplexLp } from "../model/exportLp.js";
import type { SolveOptions, SolveResult, SolverAdapter } from "./types.js";
import { HighsRuntime, type HighsRuntimeOptions } from "./highsRuntime.js";
import { maxViolation, noSolution, secondsSince } from "./check.js";

type HighsSolution = ReturnType<Highs["solve"]>;
type HighsOptions = NonNullable<Parameters<Highs["solve"]>[1]>;

/** HiGHS treats |a_ij| >= 1e15 as infinite (`large_matrix_value`) and rejects the model. */
const LARGEST_COEFFICIENT = 1e15;
const DEFAULT_MIP_GAP = 1e-6;

export class HighsAdapter implements SolverAdapter {
  readonly name = "highs";
  readonly runtime: HighsRuntime;

  constructor(runtime: HighsRuntime | HighsRuntimeOptions = {}) {
    this.runtime = runtime instanceof HighsRuntime ? runtime : new HighsRuntime(runtime);
  }

  async solve(model: LinearModel, options: SolveOptions = {}): Promise<SolveResult> {
    const start = performance.now();
    const fail = (status: "infeasible" | "unbounded" | "error", message?: string) =>
      noSolution(model, this.name, status, secondsSince(start), message);
    const tooLarge = largeCoefficient(model);
    if (tooLarge) return fail("error", tooLarge);
    let lp: CplexLp;
    try {
      lp = exportCplexLp(model);
    } catch (e) {
      return fail("error", (e as Error).message);
    }
    const highsOptions = optionsFor(options);
    let solution: HighsSolution;
    try {
      solution = await this.runtime.run((h) => h.solve(lp.text, highsOptions));
      if (solution.Status === "Primal infeasible or unbounded") {
        // Presolve could not tell which; settle it with a feasibility solve (zero objective).
        const feasible = await this.feasibilityStatus(model, highsOptions);
        return fail(feasible === "Optimal" ? "unbounded" : "infeasible");
      }
    } catch (e) {
      return fail("error", `HiGHS failed twice: ${(e as Error).message}`);
    }
    switch (solution.Status) {
      case "Optimal":
        return this.optimal(model, lp, solution, start);
      case "Infeasible":
        return fail("infeasible");
      case "Unbounded":
        return fail("unbounded");
      default: {
        const result = fail("error", `HiGHS status: ${solution.Status}`);
        readPrimal(model, lp, solution, result.primal); // e.g. best point at a time limit, if any
        if (solution.Status === "Time limit reached" && maxViolation(model, result.primal).violation <= 1e-6) {
          return { ...result, status: "time_limit", objective: solution.ObjectiveValue, message: "time limit reached; best feasible point kept" };
        }
        return result;
      }
    }
  }

  private optimal(model: LinearModel, lp: CplexLp, solution: HighsSolution, start: number): SolveResult {
    const primal = new Float64Array(model.variables.length);
    readPrimal(model, lp, solution, primal);
    const isMip = model.variables.some((v) => v.integer);
    const duals = isMip ? null : readDuals(model, lp, solution);
    if (!isMip && !duals) {
      return noSolution(model, this.name, "error", secondsSince(start), "HiGHS rows do not match the exported rows");
    }
    return { status: "optimal", objective: solution.ObjectiveValue, primal, duals, solver: this.name, seconds: secondsSince(start) };
  }

  private async feasibilityStatus(model: LinearModel, options: HighsOptions): Promise<string> {
    const text = exportCplexLp({ ...model, objective: [], objectiveConstant: 0 }).text;
    return (await this.runtime.run((h) => h.solve(text, options))).Status;
  }
}

function optionsFor(options: SolveOptions): HighsOptions {
  return {
    output_flag: false,
    log_to_console: false,
    random_seed: 0, // fixed for reproducible MIP search
    mip_rel_gap: options.mipGap ?? DEFAULT_MIP_GAP,
    ...(options.timeLimitSeconds !== undefined ? { time_limit: options.timeLimitSeconds } : {}),
  };
}

function readPrimal(model: LinearModel, lp: CplexLp, solution: HighsSolution, into: Float64Array): void {
  const columns = solution.Columns as Record<string, { Primal?: number } | undefined>;
  model.variables.forEach((v, j) => {
    const value = columns[lp.names.variables[j]]?.Primal;
    // A column the file never mentions (no terms, default bounds) stays at its lower bound 0.
    into[j] = value ?? (Number.isFinite(v.lb) ? v.lb : 0);
  });
}

function readDuals(model: LinearModel, lp: CplexLp, solution: HighsSolution): Float64Array | null {
  const rows = solution.Rows as Array<{ Dual?: number; Name?: string }>;
  const parts = lp.names.rowParts;
  if (rows.length !== parts.length) return null;
  const duals = new Float64Array(model.rows.length);
  for (let k = 0; k < parts.length; k++) {
    if (rows[k].Name !== undefined && rows[k].Name !== parts[k].lpName) return null;
    if (parts[k].row >= 0) duals[parts[k].row] += rows[k].Dual ?? 0;
  }
  return duals;
}

function largeCoefficient(model: LinearModel): string | null {
  for (const r of model.rows) {
    for (const t of r.terms) {
      if (Math.abs(t.c) >= LARGEST_COEFFICIENT) {
        return `coefficient ${t.c} of ${variableName(model.variables[t.v])} in ${rowName(r)} is beyond HiGHS's limit (1e15); rescale the model`;
      }
    }
  }
  return null;
}
