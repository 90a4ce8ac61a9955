/**
 * Reading HiGHS's model status: names for messages, and the statuses a re-solve settles before it
 * reports (an "unbounded" after a warm start, an "infeasible or unbounded" from presolve, an LP's
 * "infeasible", and an LP solve that ends without a verdict: "Unknown" or a solve error).
 */
import type { Model } from "highs";

/** HiGHS's `simplex_strategy` value for dual simplex (the session sets it too). */
export const DUAL_SIMPLEX = 1;

/**
 * A warm re-solve that ends "unbounded" or "infeasible or unbounded" is solved again from scratch:
 * after bound changes HiGHS's dual simplex can end there on a bounded model (min-budget at 90 %
 * confidence on Guangdong: a cost stage, whose objective is ≥ 0, reported unbounded). A model that
 * really is unbounded says so again, cold.
 */
export function retryCold(m: Model): number {
  m.clearSolver();
  m.run();
  return m.getModelStatus();
}

/**
 * An LP HiGHS calls infeasible is solved again from scratch, without presolve, by dual simplex, and
 * stays infeasible only if that says so too. HiGHS 1.15 can end a feasible LP "infeasible" (status
 * 8) when the solve it chose leaves a basis a hair outside the tolerance: a property test's two-leaf
 * plan (docs/solvers.md, "False infeasible") was solved by primal simplex after presolve, optimal in
 * the scaled LP, 1.9e-9 infeasible once unscaled (tolerance 1e-9), and the dual simplex clean-up
 * HiGHS then ran declared the LP infeasible in 0 iterations, though starting nothing is feasible;
 * CBC, GLPK, jslp and this re-solve find its optimum. Only infeasible verdicts pay for the re-solve.
 * Returns the re-solve's status (7 when the LP was feasible after all). The same clean re-solve
 * re-checks a solve that ended without a verdict (`settleNoVerdict`). The next solve sets presolve
 * and the strategy again, so the options do not outlive it.
 */
export function resolveClean(m: Model): number {
  m.options.set({ presolve: "off", solver: "choose", simplex_strategy: DUAL_SIMPLEX });
  return retryCold(m);
}

/**
 * HiGHS statuses that are no verdict on the model: presolve, solve or postsolve "error" and
 * "Unknown". HiGHS 1.15 ended the warm margin stage of a valid confidence plan "Unknown" (Guangdong
 * with 90 % on the county targets alone, calibration seed 20212; seed 777 solved) — the solve lost
 * its way, not the model.
 */
const NO_VERDICT: ReadonlySet<number> = new Set([3, 4, 5, 15]);

/**
 * An LP solve that ended without a verdict is solved again as the false-infeasible re-check does
 * (cold, no presolve, dual simplex) before it is reported as an error; the re-solve's status is
 * what counts. A MIP's is not (branch and bound without presolve may take far longer), nor a
 * status the clean re-solve itself gave (`clean`): the same solve again would say the same.
 */
export function settleNoVerdict(m: Model, status: number, how: { mip: boolean; clean: boolean }): number {
  return NO_VERDICT.has(status) && !how.mip && !how.clean ? resolveClean(m) : status;
}

/**
 * Presolve could not tell infeasible from unbounded (status 9): a zero-objective solve settles it
 * (feasible ⇒ unbounded). The objective `cost` is restored afterwards. Returns status 8 or 10.
 */
export function settleInfeasibleOrUnbounded(m: Model, cost: Float64Array): 8 | 10 {
  const n = cost.length;
  if (n > 0) m.changeColsCost({ kind: "range", from: 0, to: n - 1 }, new Float64Array(n));
  m.clearSolver();
  m.run();
  const feasible = m.getModelStatus() === 7;
  if (n > 0) m.changeColsCost({ kind: "range", from: 0, to: n - 1 }, cost);
  m.clearSolver();
  return feasible ? 10 : 8;
}

const STATUS_NAMES: Record<number, string> = {
  0: "Not set", 1: "Load error", 2: "Model error", 3: "Presolve error", 4: "Solve error", 5: "Postsolve error",
  6: "Empty", 11: "Objective bound reached", 12: "Objective target reached", 13: "Time limit reached",
  14: "Iteration limit reached", 15: "Unknown", 16: "Node or solution limit reached", 17: "Interrupted",
};

export function statusName(status: number): string {
  return STATUS_NAMES[status] ?? `status ${status}`;
}
