/**
 * Solver choice for `--solver auto|highs|jslp`. The `auto` rule is measured (bench/solverCrossover.ts,
 * table in docs/solvers.md): javascript-lp-solver only wins on tiny continuous models, by under a
 * millisecond, and from ~100 columns it can cycle without an answer; HiGHS wins everywhere else and
 * on every MILP. So `auto` sends continuous models with at most `JSLP_MAX_COLUMNS` columns to jslp
 * with a short time budget, and hands anything jslp does not prove optimal to HiGHS.
 */
import type { LinearModel } from "../model/types.js";
import type { SolveOptions, SolveResult, SolverAdapter } from "./types.js";
import { HighsAdapter } from "./highs.js";
import { JslpAdapter } from "./jslp.js";
import { newHighsSession } from "./newHighsSession.js";

export type SolverName = "highs" | "jslp";
export type SolverChoice = SolverName | "auto";

/** Largest continuous model (columns) that `auto` tries on javascript-lp-solver first. */
export const JSLP_MAX_COLUMNS = 50;
/** Time jslp gets under `auto` before HiGHS takes over (it answers these sizes in milliseconds). */
export const AUTO_JSLP_LIMIT_S = 0.5;

// One adapter per solver per process: jslp owns its worker, HiGHS its session.
const adapters = new Map<SolverName, SolverAdapter>();

export function solverFor(name: SolverName): SolverAdapter {
  let adapter = adapters.get(name);
  if (!adapter) {
    adapter = name === "highs" ? new HighsAdapter(newHighsSession()) : new JslpAdapter();
    adapters.set(name, adapter);
  }
  return adapter;
}

export function autoSolverName(model: LinearModel): SolverName {
  if (model.variables.some((v) => v.integer)) return "highs";
  return model.variables.length <= JSLP_MAX_COLUMNS ? "jslp" : "highs";
}

/**
 * jslp first; HiGHS when jslp does not return a verified optimum. Its infeasible/unbounded verdicts
 * are re-checked too: they cannot be verified from its output, and HiGHS settles them in milliseconds.
 */
export const jslpThenHighs: SolverAdapter = {
  name: "auto",
  async solve(model: LinearModel, options: SolveOptions = {}): Promise<SolveResult> {
    const limit = Math.min(options.timeLimitSeconds ?? Infinity, AUTO_JSLP_LIMIT_S);
    const first = await solverFor("jslp").solve(model, { ...options, timeLimitSeconds: limit });
    if (first.status === "optimal") return first;
    const second = await solverFor("highs").solve(model, options);
    const why = `jslp ${first.status}${first.message ? ` (${first.message})` : ""}; re-solved with HiGHS`;
    return { ...second, seconds: first.seconds + second.seconds, message: second.message ? `${why}: ${second.message}` : why };
  },
};
