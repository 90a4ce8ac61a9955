/**
 * A new HiGHS session: in the solver thread when called from the main thread (remoteSession.ts),
 * in this thread inside workers (Monte Carlo draws already run off the main thread).
 * `RENEWSIM_SOLVER_THREAD=0` keeps sessions in the main thread (for profiling).
 */
import { isMainThread } from "node:worker_threads";
import { HighsSession } from "./highsSession.js";
import { compiledHighs } from "./highsRuntime.js";
import { RemoteSession, warmUpSolverThread } from "./remoteSession.js";
import type { SolverSession } from "./types.js";

function inSolverThread(): boolean {
  return isMainThread && process.env.RENEWSIM_SOLVER_THREAD !== "0";
}

export function newHighsSession(): SolverSession {
  return inSolverThread() ? new RemoteSession() : new HighsSession();
}

/**
 * Compiles HiGHS where the next session will run, in the background: a command that will solve
 * calls this first, so the ~0.5 s compile overlaps its module loading and scenario checks.
 */
export function warmUpHighs(): void {
  if (inSolverThread()) warmUpSolverThread();
  else void compiledHighs().catch(() => undefined); // a failed read is retried, and reported, by the first solve
}
