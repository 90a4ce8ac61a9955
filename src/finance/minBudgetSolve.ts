/**
 * Solves the minimum-budget model in the stage runner and reads the breaking point back
 * in planning units: the scale(s) λ, every selected budget today and at λ (yuan), what is used of
 * it in the cheapest plan at λ, and which rows hold λ up (non-zero duals of the min-λ stage, from
 * its LP relaxation for integer plans). No λ at all when the targets cannot be met with any money:
 * then the elastic diagnosis says, in planning words, what else stands in the way.
 */
import type { Label } from "../format/labels.js";
import { MONEY_UNIT } from "../model/context.js";
import { rowName } from "../model/names.js";
import type { ConstraintFamily } from "../model/types.js";
import { describeRow, describeRowZh, isMoneyRow, Namer } from "../plan/describe.js";
import { type Conflict, diagnoseInfeasibility } from "../plan/elastic.js";
import type { SolverChoice } from "../solve/auto.js";
import { StagedSession } from "../plan/stagedSession.js";
import type { StageRun } from "../plan/stageRun.js";
import { round } from "../results/numbers.js";
import { formatMoney, priceStepYuan } from "../format/numbers.js";
import type { Scenario } from "../scenario/types.js";
import { buildPlanningModel } from "../model/build.js";
import { solveStages } from "../plan/solvePlan.js";
import { snapWholeUnits } from "../plan/wholeUnitPlan.js";
import { freezeBeforeSelection } from "./freezePast.js";
import { buildMinBudgetModel, type MinBudgetModel } from "./minBudget.js";
import type { BudgetSelection } from "./selection.js";
import { bindsAt } from "../model/rowActivity.js";
import { budgetMoney } from "../results/carry.js";
import { wholeUnitNotice, wholeUnitScale } from "./wholeUnitScale.js";
import { planScenario, type ScenarioPlanner } from "../plan/planScenario.js";
import { notesOf } from "../runWarnings.js";
import { byYearSourceRegion, type MinBudgetRow, minBudgetRow, rowTotals } from "./minBudgetRows.js";

export interface BindingRow {
  family: string;
  where: string;
  what: string;
  /** `what` in Chinese (for the workbook and Chinese readers), as diagnostics.csv's message_zh. */
  what_zh: string;
  /** Change of the minimum selected budget (yuan) per one more `per` of the row's limit. */
  min_budget_change_yuan: number;
  per: string;
}

export interface ScaleResult {
  year: number | null;
  scale: number;
  budget_yuan: number;
  min_budget_yuan: number;
}

export interface MinBudgetResult {
  status: "optimal" | "infeasible" | "error";
  perYear: boolean;
  scales: ScaleResult[];
  rows: MinBudgetRow[];
  binding: BindingRow[];
  conflicts: Conflict[];
  stages: { stage: string; status: string; objective: number; solver: string; seconds: number }[];
  dualMethod: "lp" | "lp_relaxation" | "none";
  message?: string;
  /** What the planner should know about how the question was answered (e.g. a past that could not be frozen). */
  notices: Label[];
  /**
   * Whole units: the MILP's λ (a lower bound), where `simulate`'s own plan missed a target, when the
   * reported scale was grown to one that plan meets (wholeUnitScale.ts); absent otherwise.
   */
  grownFrom?: { milpScale: number; missedAt: number };
}

const EXPLAINED = new Set<ConstraintFamily>(["targets", "budgets", "capacity", "shares", "resident_cap", "links", "stock", "start_limits"]);

export interface MinBudgetOptions {
  solver?: SolverChoice;
  perYear?: boolean;
  /**
   * Keep the years before `--from` as today's plan (default true); false when the caller froze them
   * itself (min-budget --confidence freezes today's plan to α).
   */
  freezePast?: boolean;
  /**
   * With whole-unit programmes, plan λ as `simulate` would and grow it until that plan meets every
   * target (default true; wholeUnitScale.ts). min-budget --confidence checks its own λ instead.
   */
  checkWholeUnits?: boolean;
  /**
   * How the whole-unit check plans a scenario (default: as `simulate` does, planScenario with
   * `solver`). Tests pass their own to reach a check's outcome that no small scenario gives.
   */
  plan?: ScenarioPlanner;
}

/**
 * With `--from`, the years before it are frozen at today's plan first, as stress freezes them: a
 * budget set from 2024 cannot change what 2021–2023 started and paid.
 */
export async function solveMinBudget(given: Scenario, sel: BudgetSelection, options: MinBudgetOptions = {}): Promise<MinBudgetResult> {
  const perYear = options.perYear ?? false;
  const solver = options.solver ?? "auto";
  const { scenario, notice } = options.freezePast === false
    ? { scenario: given, notice: null }
    : await freezeBeforeSelection(given, sel.from, (s) => solveStages(buildPlanningModel(s), solver, { duals: false }));
  const notices = notice ? [notice] : [];
  const mb = buildMinBudgetModel(scenario, sel, perYear);
  // Whole units: the rows come from `simulate`'s plan at the scale found (atPlannedWholeUnits), so
  // the model's own cost stage — a MIP at the tightest budgets, which ran into its 300 s limit on a
  // planner's five-district 城中村 scenario — is solved only when no such plan is found.
  const wholeUnits = !perYear && options.checkWholeUnits !== false && scenario.programs.some((p) => p.integer);
  const staged = StagedSession.open(mb, solver);
  try {
    const result = await resultOf(await staged.run(wholeUnits ? { stages: 1 } : {}), mb, scenario, perYear, notices);
    if (!wholeUnits || result.status !== "optimal") return result;
    const checked = await atPlannedWholeUnits(result, scenario, sel, options.plan ?? ((s) => planScenario(s, solver)));
    if ("rows" in checked) return checked;
    // No whole-unit plan up to +10 %: the MILP's λ stays, with the rows of its own cost stage,
    // solved on from the λ stage above (the λ MILP is not solved again).
    const full = await resultOf(await staged.finish(), mb, scenario, perYear, notices);
    return { ...full, notices: [...full.notices, ...checked.notices] };
  } finally {
    await staged.dispose();
  }
}

/** The answer a stage run gives: λ, the rows at it and the prices that hold it up; or why there is none. */
async function resultOf(run: StageRun, mb: MinBudgetModel, scenario: Scenario, perYear: boolean, given: Label[]): Promise<MinBudgetResult> {
  const stages = run.stages.map(({ stage, status, objective, solver, seconds }) => ({ stage, status, objective, solver, seconds }));
  const notices = [...given, ...run.warnings]; // a stage stopped at its time limit: the summary, run.json and the report say so
  const empty = { perYear, scales: [], rows: [], binding: [], dualMethod: "none" as const, notices };
  if (run.infeasible) {
    const conflicts = await diagnoseInfeasibility(run.infeasible.model, scenario, run.infeasible.iis);
    return { status: "infeasible", ...empty, conflicts, stages };
  }
  if (run.status !== "optimal") return { status: "error", ...empty, conflicts: [], stages, message: run.message };
  const primal = snapWholeUnits(mb.pm.ctx, run.primal); // the scale columns stay as solved
  const duals = run.duals[0];
  const rows = budgetRows(mb, scenario, primal);
  return {
    status: "optimal",
    perYear,
    scales: mb.scales.map((c) => ({ year: c.year, scale: round(primal[c.v], 9), ...rowTotals(rows, c.year) })),
    rows,
    binding: duals ? bindingRows(mb, scenario, duals, primal, run.dualMethod === "lp_relaxation") : [],
    conflicts: [],
    stages,
    dualMethod: duals ? run.dualMethod : "none",
    notices,
  };
}

/**
 * λ as `simulate` can plan it in whole units (wholeUnitScale.ts): the rows of that plan at the scale
 * found — λ itself when its plan meets every target — and, when it had to grow, a note; when no
 * scale up to +10 % gave such a plan, only the note.
 */
async function atPlannedWholeUnits(
  result: MinBudgetResult, scenario: Scenario, sel: BudgetSelection, plan: ScenarioPlanner,
): Promise<MinBudgetResult | { notices: Label[] }> {
  const lambda = result.scales[0].scale;
  const found = await wholeUnitScale(scenario, sel, lambda, plan);
  const notice = wholeUnitNotice(lambda, found);
  // The plan's own warnings too: at the tightest budgets its cost stage can run into its time limit.
  const at = found.scale.toFixed(4);
  const planned = notesOf({ en: `the plan at λ = ${at}`, zh: `λ = ${at} 时的方案` }, found.planned?.solution.warnings ?? []);
  if (!found.planned) return { notices: notice ? [notice] : [] };
  const notices = [...result.notices, ...(notice ? [notice] : []), ...planned];
  const namer = new Namer(scenario);
  const planBudgets = new Map(found.planned.tables.budgets.map((b) => [`${b.source}|${b.region}|${b.year}`, b]));
  const rows = result.rows.map((r) => {
    const b = planBudgets.get(`${r.source}|${r.region}|${r.year}`);
    const money = { used: (b?.used_yuan ?? 0) / MONEY_UNIT, carriedIn: (b?.carried_in_yuan ?? 0) / MONEY_UNIT };
    return minBudgetRow(namer, scenario.sources.find((x) => x.id === r.source)!, r.region, r.year, r.budget_yuan, found.scale, money);
  });
  const scales = result.scales.map((c) => ({ ...c, scale: round(found.scale, 9), ...rowTotals(rows, c.year) }));
  return { ...result, scales, rows, notices, ...(found.missedAt !== null ? { grownFrom: { milpScale: lambda, missedAt: found.missedAt } } : {}) };
}

function budgetRows(mb: MinBudgetModel, scenario: Scenario, primal: Float64Array): MinBudgetRow[] {
  const namer = new Namer(scenario);
  const entryOf = new Map(mb.pm.ctx.index.budgetRows.map((b, k) => [b.row, k]));
  const scaledAt = new Map(mb.scaled.map((s) => [entryOf.get(s.row)!, s]));
  // Carried money as budgets.csv reports it (the leftover, results/carry.ts), with each selected
  // budget at its scale.
  const money = budgetMoney(mb.pm.ctx, primal, (k) => {
    const s = scaledAt.get(k);
    return s && (s.amount / MONEY_UNIT) * primal[s.scale];
  });
  return [...scaledAt].map(([k, s]) => {
    const source = scenario.sources.find((x) => x.id === s.source)!;
    return minBudgetRow(namer, source, s.region, s.year, s.amount, primal[s.scale], { used: money.used[k], carriedIn: money.carriedIn[k] });
  }).sort(byYearSourceRegion);
}

/**
 * Rows with a non-zero min-λ dual, in planning words. The stage objective is (minimum selected
 * budget) / (today's selected budget) in both modes, so dual × today's total is the change in the
 * minimum budget (yuan) per unit more of the row's limit: > 0 for targets (asking more costs
 * money), < 0 for limits (more capacity or fixed money saves selected money). A budget's price is
 * quoted per its own money step (priceStepYuan of the budget at λ: a county's 220万 per 100万元,
 * not per 1亿元, which stretched a marginal price far past the money there is); other money rows
 * per 1亿元. Rows are ordered by their price per yuan. A whole-unit plan's duals are its LP
 * relaxation's (`wholeUnitPlan`): only rows that bind that plan are listed.
 */
function bindingRows(mb: MinBudgetModel, scenario: Scenario, duals: Float64Array, primal: Float64Array, wholeUnitPlan: boolean): BindingRow[] {
  const namer = new Namer(scenario);
  const total = mb.scales.reduce((s, c) => s + c.amount, 0);
  const scaled = new Map(mb.scaled.map((b) => [b.row, b.amount * primal[b.scale]]));
  const out: (BindingRow & { order: number; perYi: number })[] = [];
  mb.model.rows.forEach((row, i) => {
    const family = row.ref.family;
    if (!EXPLAINED.has(family) || i >= duals.length || Math.abs(duals[i]) <= 1e-9) return;
    if (wholeUnitPlan && !bindsAt(row, primal)) return;
    const money = isMoneyRow(row);
    // A budget's amount in yuan: a selected one at λ, another its bound.
    const budget = family !== "budgets" ? null : scaled.get(i) ?? (Number.isFinite(row.ub) ? Math.max(0, row.ub * MONEY_UNIT) : null);
    const step = money ? priceStepYuan(budget) : 0;
    out.push({
      family,
      where: rowName(row),
      what: describeRow(row, scenario, namer),
      what_zh: describeRowZh(row, scenario, namer),
      min_budget_change_yuan: round(duals[i] * total * (money ? step / MONEY_UNIT : 1), 2),
      per: money ? formatMoney(step) : family === "capacity" ? "slot" : family === "targets" ? "target unit" : "unit",
      order: family === "targets" ? 0 : 1,
      perYi: Math.abs(duals[i] * total * (money ? 1e8 / MONEY_UNIT : 1)),
    });
  });
  return out
    .sort((a, b) => a.order - b.order || b.perYi - a.perYi || a.where.localeCompare(b.where))
    .map(({ order: _, perYi: __, ...r }) => r);
}
