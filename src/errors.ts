/**
 * Engine error kinds. The engine throws these; the CLI's error handler maps each `kind` to a
 * message and an exit code. (ScenarioError lives with the scenario loader; OutputExistsError with
 * the output writer.)
 */

/** A command-line value or request the engine cannot honour (bad --cut, unknown stage …). */
export class UsageError extends Error {
  readonly kind = "usage";
}

/** The solver failed for a reason other than infeasibility. */
export class SolverFailure extends Error {
  readonly kind = "solver";
}

/** The user interrupted the run (Ctrl-C); nothing was written. The CLI exits with 130. */
export class Interrupted extends Error {
  readonly kind = "interrupted";
  constructor() {
    super("interrupted: the run was stopped (Ctrl-C) and nothing was written");
  }
}
