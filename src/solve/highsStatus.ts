/**
 * Reading HiGHS's model status: names for messages, and the two statuses a re-solve settles before
 * it reports (an "unbounded" after a warm start, an "infeasible or unbounded" from presolve).
 */
import type { Model } from "highs";

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
