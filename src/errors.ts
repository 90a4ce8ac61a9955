/**
 * Engine error kinds. The engine throws these; the CLI's error handler maps each `kind` to a
 * message and an exit code. (ScenarioError lives with the scenario loader; OutputExistsError with
 * the output writer.)
 */

/** A command-line value or request the engine cannot honour (bad --cut, unknown stage …). */
export class UsageError extends Error {
  readonly kind = "usage";
}

/**
 * Runs every check and returns their values; when any refuses (UsageError), one UsageError lists
 * every refusal, so a command line with three mistakes is fixed in one go.
 */
export function allOrUsageError<T extends unknown[]>(...checks: { [K in keyof T]: () => T[K] }): T {
  const problems: string[] = [];
  const values = checks.map((check) => {
    try {
      return check();
    } catch (e) {
      if (!(e instanceof UsageError)) throw e;
      problems.push(e.message);
      return undefined;
    }
  });
  if (problems.length === 1) throw new UsageError(problems[0]);
  if (problems.length > 1) throw new UsageError(`${problems.length} problems with the options:\n  - ${problems.join("\n  - ")}`);
  return values as T;
}

/**
 * The scenario has no plan (a hard target or a fixed payment no limit lets through) and the
 * command cannot go on without one; commands that write a diagnosis report that as a result
 * (exitCodeForStatus) instead.
 */
export class InfeasiblePlan extends Error {
  readonly kind = "infeasible";
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
