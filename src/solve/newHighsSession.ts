/**
 * A new HiGHS session: in the solver thread when called from the main thread (remoteSession.ts),
 * in this thread inside workers (Monte Carlo draws already run off the main thread).
 * `RENEWSIM_SOLVER_THREAD=0` keeps sessions in the main thread (for profiling).
 */
import { isMainThread } from "node:worker_threads";
import { HighsSession } from "./highsSession.js";
import { RemoteSession } from "./remoteSession.js";
import type { SolverSession } from "./types.js";

export function newHighsSession(): SolverSession {
  return isMainThread && process.env.RENEWSIM_SOLVER_THREAD !== "0" ? new RemoteSession() : new HighsSession();
}
