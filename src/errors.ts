/**
 * Engine error kinds. The engine throws these; the CLI's error handler maps each `kind` to a
 * message and an exit code. (ScenarioError lives with the scenario loader; OutputExistsError with
 * the output writer.)
 */

/** A command-line value or request the engine cannot honour (bad --cut, unknown stage …). */
export class UsageError extends Error {
  readonly kind = "usage";
  /** Each problem on its own (one, or those of a list such as `--source a,b`), so lists can merge. */
  readonly problems: readonly string[];
  constructor(message: string, problems: readonly string[] = [message]) {
    super(message);
    this.problems = problems;
  }

  /** One error for every problem: "3 problems with the options:" and one line each. */
  static of(problems: readonly string[]): UsageError {
    return problems.length === 1
      ? new UsageError(problems[0])
      : new UsageError(`${problems.length} problems with the options:\n  - ${problems.join("\n  - ")}`, problems);
  }
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
      problems.push(...e.problems);
      return undefined;
    }
  });
  if (problems.length > 0) throw UsageError.of(problems);
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
