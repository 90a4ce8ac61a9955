/**
 * Infeasibility diagnosis: re-solve with an elastic slack on every planning constraint (budgets,
 * capacity, shares, residents' caps, links, stock, start limits, hard targets) and minimise the
 * total relative violation. The rows that must give way are the conflict, reported in planning
 * words with the amount by which each must give.
 */
import type { LinearModel, Row, Term, Variable } from "../model/types.js";
import type { Scenario } from "../scenario/types.js";
import type { SolverAdapter } from "../solve/types.js";
import { describeRow, formatRowAmount, Namer } from "./describe.js";
import { relaxIntegers } from "./stageModels.js";

export interface Conflict {
  kind: Row["family"];
  where: string;
  message: string;
  /** How much the row must give, in row units (万元 for money rows). */
  violation: number;
}

const ELASTIC_FAMILIES = new Set<Row["family"]>([
  "budgets", "capacity", "shares", "resident_cap", "links", "stock", "start_limits", "targets",
]);

export async function diagnoseInfeasibility(
  base: LinearModel,
  scenario: Scenario,
  solver: SolverAdapter,
): Promise<Conflict[]> {
  const relaxed = relaxIntegers(base);
  const variables: Variable[] = [...relaxed.variables];
  const objective: Term[] = [];
  const slackOf: { row: number; v: number; sign: 1 | -1 }[] = [];
  const rows = relaxed.rows.map((row, i) => {
    if (!ELASTIC_FAMILIES.has(row.family)) return row;
    const scale = 1 / Math.max(1, Math.abs(Number.isFinite(row.ub) ? row.ub : row.lb));
    const terms = [...row.terms];
    for (const sign of [1, -1] as const) {
      // +slack relaxes a ≥ bound, −slack relaxes a ≤ bound.
      if (sign === 1 && !Number.isFinite(row.lb)) continue;
      if (sign === -1 && !Number.isFinite(row.ub)) continue;
      const v = variables.length;
      variables.push({ name: `elastic_${sign === 1 ? "up" : "down"}[${row.name}]`, role: "elastic", lb: 0, ub: Infinity, integer: false, key: {} });
      terms.push({ v, c: sign });
      objective.push({ v, c: scale });
      slackOf.push({ row: i, v, sign });
    }
    return { ...row, terms };
  });
  const result = await solver.solve({ variables, rows, objective, objectiveConstant: 0 });
  if (result.status !== "optimal") {
    return [{ kind: "stage_fix", where: "model", violation: 0, message: `the elastic re-solve did not succeed (${result.status}${result.message ? `: ${result.message}` : ""})` }];
  }
  const namer = new Namer(scenario);
  const conflicts: Conflict[] = [];
  for (const s of slackOf) {
    const amount = result.primal[s.v];
    if (amount <= 1e-6) continue;
    const row = relaxed.rows[s.row];
    const give = s.sign === 1 ? "falls short by" : "is exceeded by";
    conflicts.push({
      kind: row.family,
      where: row.name,
      violation: amount,
      message: `${describeRow(row, scenario, namer)} ${give} ${formatRowAmount(row, amount)}`,
    });
  }
  if (conflicts.length === 0 && base.variables.some((v) => v.integer)) {
    conflicts.push({ kind: "stage_fix", where: "integrality", violation: 0, message: "the plan is feasible with fractional starts but not with whole units: relax `integer` or widen a limit" });
  }
  return conflicts.sort((a, b) => b.violation - a.violation || a.where.localeCompare(b.where));
}
