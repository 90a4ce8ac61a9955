/**
 * Solver choice for `--solver auto|highs|jslp`. The `auto` rule comes from bench/solverCrossover.ts
 * (table in docs/solvers.md): see `JSLP_MAX_COLUMNS`.
 */
import type { LinearModel } from "../model/types.js";
import type { SolverAdapter } from "./types.js";
import { HighsAdapter } from "./highs.js";
import { JslpAdapter } from "./jslp.js";

export type SolverName = "highs" | "jslp";
export type SolverRequest = SolverName | "auto";

/** Largest continuous model (in columns) for which javascript-lp-solver beats warm HiGHS. */
export const JSLP_MAX_COLUMNS = 0;

// One adapter per solver per process: the HiGHS adapter owns the (recycled) WASM instance.
const adapters = new Map<SolverName, SolverAdapter>();

export function solverFor(name: SolverName): SolverAdapter {
  let adapter = adapters.get(name);
  if (!adapter) {
    adapter = name === "highs" ? new HighsAdapter() : new JslpAdapter();
    adapters.set(name, adapter);
  }
  return adapter;
}

/** The adapter for a request; `auto` takes jslp only for small continuous models, else HiGHS. */
export function chooseSolver(model: LinearModel, requested: SolverRequest): SolverAdapter {
  if (requested !== "auto") return solverFor(requested);
  return solverFor(autoSolverName(model));
}

export function autoSolverName(model: LinearModel): SolverName {
  if (model.variables.some((v) => v.integer)) return "highs"; // jslp's branch-and-cut is far slower
  return model.variables.length <= JSLP_MAX_COLUMNS ? "jslp" : "highs";
}
