/**
 * Infeasibility diagnosis, in planning words:
 *  1. which limits conflict — the irreducible infeasible subsystem (IIS) HiGHS finds: the smallest
 *     set of budgets, capacities, shares, targets … that cannot all hold (definitional rows such as
 *     commitments and balances are left out of the report);
 *  2. by how much — an elastic re-solve with a slack on every planning limit, minimising the total
 *     relative violation: the limits that must give, each with its amount.
 * A zero budget (a source without money that year) is a fact of the scenario, not a limit to
 * negotiate: it is neither relaxed nor named, unless nothing else can resolve the conflict.
 * Without an IIS (jslp-only runs, models too large for HiGHS's, or HiGHS finding none) the limits
 * holding with a non-zero dual in the elastic solution stand in for it, those linked to a limit that
 * must give (`dualRows`). Every limit named carries the YAML path of the scenario
 * entry that states it, so the planner is sent to its file and line.
 */
import { rowName } from "../model/names.js";
import type { ConstraintFamily, LinearModel, Row, Term, Variable } from "../model/types.js";
import type { Scenario, YamlPath } from "../scenario/types.js";
import { solverFor } from "../solve/auto.js";
import type { InfeasibleSubsystem, SolveResult } from "../solve/types.js";
import { describeRow, describeRowZh, formatRowAmount, Namer } from "./describe.js";
import { elasticFailed, limitGives, limitHolds, WHOLE_UNITS_ONLY } from "./diagnosticText.js";
import { inputPathOf } from "./rowInputs.js";
import { relaxIntegers } from "./stageModels.js";

export interface Conflict {
  kind: ConstraintFamily;
  where: string;
  message: string;
  /** `message` in Chinese (diagnostics.csv's message_zh). */
  message_zh: string;
  /** How much the row must give, in row units (万元 for money rows). */
  violation: number;
  /** Model row, when the conflict names one (for locating it in the scenario files). */
  row?: number;
  /** YAML path of the scenario entry that states the limit, when one does. */
  input?: YamlPath;
}

/**
 * A finding that says what must give: a limit the elastic re-solve moves, or one without a limit
 * (whole units only, a failed re-solve). The other limits are in the conflict — the IIS, or binding
 * against it — but need not move: never "must give by 0".
 */
export function mustGive(c: Conflict): boolean {
  return c.violation > 0 || c.row === undefined;
}

const PLANNING_LIMITS = new Set<ConstraintFamily>([
  "budgets", "capacity", "shares", "resident_cap", "links", "stock", "start_limits", "targets",
]);

/** A budget row of a source with no money in that year. */
function isZeroBudget(row: Row): boolean {
  return row.ref.family === "budgets" && row.ub === 0;
}

export async function diagnoseInfeasibility(
  base: LinearModel,
  scenario: Scenario,
  iis: InfeasibleSubsystem | null = null,
): Promise<Conflict[]> {
  const relaxed = relaxIntegers(base);
  let elastic = await elasticSolve(relaxed, (row) => PLANNING_LIMITS.has(row.ref.family) && !isZeroBudget(row));
  if (elastic.result.status !== "optimal") elastic = await elasticSolve(relaxed, (row) => PLANNING_LIMITS.has(row.ref.family));
  if (elastic.result.status !== "optimal") {
    const r = elastic.result;
    const { en, zh } = elasticFailed(r.status, r.message);
    return [{ kind: "stage_fix", where: "model", violation: 0, message: en, message_zh: zh }];
  }
  const namer = new Namer(scenario);
  const what = (row: Row) => ({ en: describeRow(row, scenario, namer), zh: describeRowZh(row, scenario, namer) });
  const conflicts: Conflict[] = [];
  for (const s of elastic.slacks) {
    const amount = elastic.result.primal[s.v];
    if (amount <= 1e-6) continue;
    const row = relaxed.rows[s.row];
    const { en, zh } = limitGives(what(row), s.sign === 1, formatRowAmount(row, amount));
    conflicts.push({ kind: row.ref.family, where: rowName(row), violation: amount, row: s.row, ...inputOf(row, scenario), message: en, message_zh: zh });
  }
  if (conflicts.length === 0 && base.variables.some((v) => v.integer)) {
    conflicts.push({ kind: "stage_fix", where: "integrality", violation: 0, message: WHOLE_UNITS_ONLY.en, message_zh: WHOLE_UNITS_ONLY.zh });
  }
  conflicts.sort((a, b) => b.violation - a.violation || a.where.localeCompare(b.where));
  const violated = new Set(conflicts.map((c) => c.row));
  const holding = (iis ? iisRows(relaxed, iis) : dualRows(relaxed, elastic.result.duals, violated))
    .filter((i) => !violated.has(i) && PLANNING_LIMITS.has(relaxed.rows[i].ref.family) && !isZeroBudget(relaxed.rows[i]));
  for (const i of holding) {
    const row = relaxed.rows[i];
    const { en, zh } = limitHolds(what(row), Boolean(iis));
    conflicts.push({ kind: row.ref.family, where: rowName(row), violation: 0, row: i, ...inputOf(row, scenario), message: en, message_zh: zh });
  }
  return conflicts;
}

function inputOf(row: Row, scenario: Scenario): { input?: YamlPath } {
  const input = inputPathOf(row, scenario);
  return input ? { input } : {};
}

interface ElasticSolve {
  result: SolveResult;
  slacks: { row: number; v: number; sign: 1 | -1 }[];
}

/** Re-solves with a slack on each row `elastic` picks, minimising the total relative violation. */
async function elasticSolve(model: LinearModel, elastic: (row: Row) => boolean): Promise<ElasticSolve> {
  const variables: Variable[] = [...model.variables];
  const objective: Term[] = [];
  const slacks: ElasticSolve["slacks"] = [];
  const rows = model.rows.map((row, i) => {
    if (!elastic(row)) return row;
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
      slacks.push({ row: i, v, sign });
    }
    return { ...row, terms };
  });
  const result = await solverFor("highs").solve({ variables, rows, objective, objectiveConstant: 0 });
  return { result, slacks };
}

/** IIS rows, in row order. */
function iisRows(model: LinearModel, iis: InfeasibleSubsystem): number[] {
  return [...new Set(iis.rows)].filter((i) => i < model.rows.length).sort((a, b) => a - b);
}

/**
 * Without an IIS: the limits holding with a non-zero dual in the elastic solution, i.e. those that
 * force the violated rows to give (e.g. the budgets a hard target cannot be reached within) — only
 * those linked to a violated row through rows with non-zero duals (sharing columns). A degenerate
 * elastic LP can put non-zero duals on limits that have nothing to do with the conflict (the stock
 * of other programmes whose hard targets take all of it); such a group of rows touches no violated
 * row, and dropping its duals leaves an optimal dual, so it is no part of the reason.
 */
function dualRows(model: LinearModel, duals: Float64Array | null, violated: ReadonlySet<number | undefined>): number[] {
  if (!duals) return [];
  const support = model.rows.map((_, i) => Math.abs(duals[i]) > 1e-9);
  const linked = linkedRows(model, support, [...violated].filter((i): i is number => i !== undefined && support[i]));
  return model.rows
    .map((row, i) => ({ i, name: rowName(row), dual: Math.abs(duals[i]) }))
    .filter(({ i }) => linked[i])
    .sort((a, b) => b.dual - a.dual || a.name.localeCompare(b.name))
    .map(({ i }) => i);
}

/** Rows of `support` reachable from `from` through shared columns, staying inside `support`. */
function linkedRows(model: LinearModel, support: boolean[], from: number[]): boolean[] {
  const rowsOfColumn: number[][] = model.variables.map(() => []);
  model.rows.forEach((row, i) => {
    if (support[i]) for (const t of row.terms) rowsOfColumn[t.v].push(i);
  });
  const seen = model.rows.map(() => false);
  const queue = [...from];
  for (const i of from) seen[i] = true;
  while (queue.length > 0) {
    for (const t of model.rows[queue.pop()!].terms) {
      for (const j of rowsOfColumn[t.v]) {
        if (!seen[j]) {
          seen[j] = true;
          queue.push(j);
        }
      }
    }
  }
  return seen;
}
