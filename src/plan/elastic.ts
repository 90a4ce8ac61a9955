/**
 * Infeasibility diagnosis: re-solve with an elastic slack on every planning constraint (budgets,
 * capacity, shares, residents' caps, links, stock, start limits, hard targets) and minimise the
 * total relative violation. The rows that must give way are the conflict, reported in planning
 * words with the amount by which each must give.
 */
import { rowName } from "../model/names.js";
import type { ConstraintFamily, LinearModel, Row, Term, Variable } from "../model/types.js";
import type { Scenario } from "../scenario/types.js";
import { solverFor } from "../solve/auto.js";
import type { InfeasibleSubsystem } from "../solve/types.js";
import { describeRow, formatRowAmount, Namer } from "./describe.js";
import { relaxIntegers } from "./stageModels.js";

export interface Conflict {
  kind: ConstraintFamily;
  where: string;
  message: string;
  /** How much the row must give, in row units (万元 for money rows). */
  violation: number;
}

const ELASTIC_FAMILIES = new Set<ConstraintFamily>([
  "budgets", "capacity", "shares", "resident_cap", "links", "stock", "start_limits", "targets",
]);

export async function diagnoseInfeasibility(
  base: LinearModel,
  scenario: Scenario,
  _iis: InfeasibleSubsystem | null = null,
): Promise<Conflict[]> {
  const solver = solverFor("highs");
  const relaxed = relaxIntegers(base);
  const variables: Variable[] = [...relaxed.variables];
  const objective: Term[] = [];
  const slackOf: { row: number; v: number; sign: 1 | -1 }[] = [];
  const rows = relaxed.rows.map((row, i) => {
    if (!ELASTIC_FAMILIES.has(row.ref.family)) return row;
    const scale = 1 / Math.max(1, Math.abs(Number.isFinite(row.ub) ? row.ub : row.lb));
    const terms = [...row.terms];
    for (const sign of [1, -1] as const) {
      // +slack relaxes a ≥ bound, −slack relaxes a ≤ bound.
      if (sign === 1 && !Number.isFinite(row.lb)) continue;
      if (sign === -1 && !Number.isFinite(row.ub)) continue;
      const v = variables.length;
      variables.push({ lb: 0, ub: Infinity, integer: false, ref: { role: "elastic", row, direction: sign === 1 ? "up" : "down" } });
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
      kind: row.ref.family,
      where: rowName(row),
      violation: amount,
      message: `${describeRow(row, scenario, namer)} ${give} ${formatRowAmount(row, amount)}`,
    });
  }
  const violated = new Set(conflicts.map((c) => c.where));
  const binding = bindingRows(relaxed.rows, result.duals, violated).map((row) => ({
    kind: row.ref.family,
    where: rowName(row),
    violation: 0,
    message: `${describeRow(row, scenario, namer)} is binding in the conflict`,
  }));
  if (conflicts.length === 0 && base.variables.some((v) => v.integer)) {
    conflicts.push({ kind: "stage_fix", where: "integrality", violation: 0, message: "the plan is feasible with fractional starts but not with whole units: relax `integer` or widen a limit" });
  }
  conflicts.sort((a, b) => b.violation - a.violation || a.where.localeCompare(b.where));
  return [...conflicts, ...binding];
}

/**
 * The other side of the conflict: planning rows that hold with a non-zero dual in the elastic
 * solution, i.e. the limits that force the violated rows to give (e.g. the budgets a hard target
 * cannot be reached within).
 */
function bindingRows(rows: Row[], duals: Float64Array | null, violated: Set<string>): Row[] {
  if (!duals) return [];
  return rows
    .map((row, i) => ({ row, name: rowName(row), dual: Math.abs(duals[i]) }))
    .filter(({ row, name, dual }) => ELASTIC_FAMILIES.has(row.ref.family) && dual > 1e-9 && !violated.has(name))
    .sort((a, b) => b.dual - a.dual || a.name.localeCompare(b.name))
    .map(({ row }) => row);
}
