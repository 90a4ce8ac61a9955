/**
 * The one-shot HiGHS adapter: each `solve` loads the model into this adapter's own session and
 * solves it cold. For repeated solves of one model use a session directly (sessions.ts).
 */
import type { LinearModel } from "../model/types.js";
import { noSolution } from "./check.js";
import { ModelDataError } from "./modelData.js";
import type { SolveOptions, SolveResult, SolverAdapter, SolverSession } from "./types.js";

export class HighsAdapter implements SolverAdapter {
  readonly name = "highs";
  private queue: Promise<unknown> = Promise.resolve();

  /** `session`: a HiGHS session, in this thread or in the solver thread (sessions.ts). */
  constructor(private readonly session: SolverSession) {}

  /** Solves one model; calls on one adapter run one at a time. */
  solve(model: LinearModel, options: SolveOptions = {}): Promise<SolveResult> {
    const next = this.queue.then(() => this.solveNow(model, options));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async solveNow(model: LinearModel, options: SolveOptions): Promise<SolveResult> {
    try {
      await this.session.load(model);
    } catch (e) {
      const message = e instanceof ModelDataError ? e.message : `HiGHS failed: ${(e as Error).message}`;
      return noSolution(model.variables.length, this.name, "error", 0, message);
    }
    try {
      return await this.session.solve({ ...options, start: "cold" });
    } finally {
      await this.session.dispose();
    }
  }
}
