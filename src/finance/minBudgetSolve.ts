/**
 * Solves the minimum-budget model in the stage runner and reads the breaking point back
 * in planning units: the scale(s) λ, every selected budget today and at λ (yuan), what is used of
 * it in the cheapest plan at λ, and which rows hold λ up (non-zero duals of the min-λ stage, from
 * its LP relaxation for integer plans). No λ at all when the targets cannot be met with any money:
 * then the elastic diagnosis says, in planning words, what else stands in the way.
 */
import type { Label } from "../format/labels.js";
import { MONEY_UNIT } from "../model/context.js";
import { Namer } from "../plan/describe.js";
import { type Conflict, diagnoseInfeasibility } from "../plan/elastic.js";
import type { SolverChoice } from "../solve/auto.js";
import { StagedSession } from "../plan/stagedSession.js";
import type { StageRun } from "../plan/stageRun.js";
import { isBinding, reportYuan, round } from "../results/numbers.js";
import type { Scenario } from "../scenario/types.js";
import { snapWholeUnits } from "../plan/wholeUnitPlan.js";
import { freezeBeforeSelection } from "./freezePast.js";
import { buildMinBudgetModel, type MinBudgetModel } from "./minBudget.js";
import type { BudgetSelection } from "./selection.js";
import { budgetMoney } from "../results/carry.js";
import { roundingNotice } from "../results/roundingNotes.js";
import type { FundingRow } from "../results/types.js";
import { wholeUnitNotice, wholeUnitScale } from "./wholeUnitScale.js";
import { planScenario, type PlannedScenario, type ScenarioPlanner } from "../plan/planScenario.js";
import { notesOf } from "../runWarnings.js";
import type { CarryingBudget } from "./carriedBudget.js";
import { type BindingRow, bindingRows } from "./minBudgetBinding.js";
import { fundingOfPlan, type MinBudgetFundingRow, minBudgetFundingRows } from "./minBudgetFunding.js";
import { byYearSourceRegion, type MinBudgetRow, minBudgetRow, rowTotals } from "./minBudgetRows.js";

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
  /** min_budget_funding.csv: what each source pays in the plan at λ, against today's plan (empty unless asked and optimal). */
  funding: MinBudgetFundingRow[];
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
   * What each source pays at λ against today's plan, min_budget_funding.csv (default true; one more
   * plan, today's, unless `--from` planned it already). min-budget --confidence makes its own, of its
   * plan to the level at λ (minBudgetConfidence.ts), so it asks none here.
   */
  funding?: boolean;
  /**
   * How the whole-unit check plans a scenario (default: as `simulate` does, planScenario with
   * `solver`). Tests pass their own to reach a check's outcome that no small scenario gives.
   */
  plan?: ScenarioPlanner;
}

/** The plan at λ the folder reports: min_budget.csv's rows, every budget entry's money, and what each source pays. */
interface WrittenPlan {
  scale: (column: number) => number;
  rows: MinBudgetRow[];
  budgets: CarryingBudget[];
  funding: FundingRow[];
  /** Its notes, each naming the plan: its solver warnings and the sums of its payments the rounding to the fen could not hold. */
  notices: Label[];
}

/**
 * With `--from`, the years before it are frozen at today's plan first, as stress freezes them: a
 * budget set from 2024 cannot change what 2021–2023 started and paid. Today's plan is made once,
 * for that and for min_budget_funding.csv's change.
 */
export async function solveMinBudget(given: Scenario, sel: BudgetSelection, options: MinBudgetOptions = {}): Promise<MinBudgetResult> {
  const perYear = options.perYear ?? false;
  const solver = options.solver ?? "auto";
  // Today's plan as `simulate` writes it (and stress's 0 % level): what --from keeps of the years
  // before it, and what min_budget_funding.csv compares with.
  let today: Promise<PlannedScenario> | null = null;
  const todaysPlan = () => (today ??= planScenario(given, solver));
  const { scenario, notice } = options.freezePast === false
    ? { scenario: given, notice: null }
    : await freezeBeforeSelection(given, sel.from, async () => (await todaysPlan()).solution);
  const notices = notice ? [notice] : [];
  const mb = buildMinBudgetModel(scenario, sel, perYear);
  // Whole units: the rows come from `simulate`'s plan at the scale found (atPlannedWholeUnits), so
  // the model's own cost stage — a MIP at the tightest budgets, which ran into its 300 s limit on a
  // planner's five-district 城中村 scenario — is solved only when no such plan is found.
  const wholeUnits = !perYear && options.checkWholeUnits !== false && scenario.programs.some((p) => p.integer);
  const staged = StagedSession.open(mb, solver);
  let result: MinBudgetResult;
  let plan: WrittenPlan | null;
  try {
    let run = await staged.run(wholeUnits ? { stages: 1 } : {});
    if (run.status !== "optimal") return await failed(run, scenario, perYear, [...notices, ...run.warnings]);
    let primal = snapWholeUnits(mb.pm.ctx, run.primal); // the scale columns stay as solved
    const checked = wholeUnits ? await atPlannedWholeUnits(mb, scenario, sel, primal, options.plan ?? ((s) => planScenario(s, solver))) : null;
    plan = checked?.plan ?? null;
    if (checked && !plan) {
      // No whole-unit plan up to +10 %: the MILP's λ stays, with the rows of its own cost stage,
      // solved on from the λ stage above (the λ MILP is not solved again).
      run = await staged.finish();
      if (run.status !== "optimal") return await failed(run, scenario, perYear, [...notices, ...run.warnings, ...checked.notices]);
      primal = snapWholeUnits(mb.pm.ctx, run.primal);
    }
    plan ??= modelPlan(mb, scenario, primal);
    // A stage stopped at its time limit: the summary, run.json and the report say so.
    result = answer(run, mb, scenario, perYear, primal, plan, [...notices, ...run.warnings, ...(checked?.notices ?? []), ...plan.notices]);
    if (checked?.grownFrom) result.grownFrom = checked.grownFrom;
  } finally {
    await staged.dispose();
  }
  if (options.funding !== false) {
    const planned = await todaysPlan();
    result.funding = minBudgetFundingRows(scenario, result.rows, plan.funding, planned.solution.status === "optimal" ? planned.tables.funding : null);
  }
  return result;
}

/** Why there is no λ: the elastic diagnosis of an infeasible stage, or the solver's message. */
async function failed(run: StageRun, scenario: Scenario, perYear: boolean, notices: Label[]): Promise<MinBudgetResult> {
  const stages = stageReports(run);
  const empty = { perYear, scales: [], rows: [], binding: [], funding: [], dualMethod: "none" as const, notices };
  if (run.infeasible) {
    const conflicts = await diagnoseInfeasibility(run.infeasible.model, scenario, run.infeasible.iis);
    return { status: "infeasible", ...empty, conflicts, stages };
  }
  return { status: "error", ...empty, conflicts: [], stages, message: run.message };
}

function stageReports(run: StageRun): MinBudgetResult["stages"] {
  return run.stages.map(({ stage, status, objective, solver, seconds }) => ({ stage, status, objective, solver, seconds }));
}

/**
 * The answer: λ and the plan written at it, and the prices that hold it up: `run`'s min-λ stage duals
 * (none without), taken at `primal`, its plan. The funding table is added by the caller, who plans
 * today's budgets for it.
 */
function answer(run: StageRun, mb: MinBudgetModel, scenario: Scenario, perYear: boolean, primal: Float64Array, plan: WrittenPlan, notices: Label[]): MinBudgetResult {
  const duals = run.duals[0];
  return {
    status: "optimal",
    perYear,
    scales: mb.scales.map((c) => ({ year: c.year, scale: round(plan.scale(c.v), 9), ...rowTotals(plan.rows, c.year) })),
    rows: plan.rows,
    binding: duals ? bindingRows(mb, scenario, { duals, primal, relaxed: run.dualMethod === "lp_relaxation" }, plan.budgets) : [],
    funding: [],
    conflicts: [],
    stages: stageReports(run),
    dualMethod: duals ? run.dualMethod : "none",
    notices,
  };
}

/**
 * λ as `simulate` can plan it in whole units (wholeUnitScale.ts): that plan at the scale found — λ
 * itself when its plan meets every target — and, when it had to grow, a note; when no scale up to
 * +10 % gave such a plan, only the note.
 */
async function atPlannedWholeUnits(
  mb: MinBudgetModel, scenario: Scenario, sel: BudgetSelection, primal: Float64Array, plan: ScenarioPlanner,
): Promise<{ plan: WrittenPlan | null; notices: Label[]; grownFrom?: MinBudgetResult["grownFrom"] }> {
  const lambda = round(primal[mb.scales[0].v], 9);
  const found = await wholeUnitScale(scenario, sel, lambda, plan);
  const notice = wholeUnitNotice(lambda, found);
  if (!found.planned) return { plan: null, notices: notice ? [notice] : [] };
  return {
    plan: plannedAt(mb, scenario, found.scale, found.planned),
    notices: notice ? [notice] : [],
    ...(found.missedAt !== null ? { grownFrom: { milpScale: lambda, missedAt: found.missedAt } } : {}),
  };
}

/** The plan `simulate` makes with the budgets at `scale`, as min-budget writes it. */
function plannedAt(mb: MinBudgetModel, scenario: Scenario, scale: number, planned: PlannedScenario): WrittenPlan {
  const namer = new Namer(scenario);
  const budgets = new Map(planned.tables.budgets.map((b) => [`${b.source}|${b.region}|${b.year}`, b]));
  const rows = mb.scaled.map((s) => {
    const b = budgets.get(`${s.source}|${s.region}|${s.year}`);
    const money = { used: (b?.used_yuan ?? 0) / MONEY_UNIT, carriedIn: (b?.carried_in_yuan ?? 0) / MONEY_UNIT };
    return minBudgetRow(namer, scenario.sources.find((x) => x.id === s.source)!, s.region, s.year, s.amount, scale, money);
  });
  // The plan's own warnings (at the tightest budgets its cost stage can run into its time limit)
  // and the sums its rounding to the fen could not hold (its diagnostics.csv rows in `simulate`).
  const at = scale.toFixed(4);
  const own = [...planned.solution.warnings, ...planned.tables.diagnostics.filter((d) => d.kind === "rounding").map(roundingNotice)];
  const notices = notesOf({ en: `the plan at λ = ${at}`, zh: `λ = ${at} 时的方案` }, own);
  return { scale: () => scale, rows: rows.sort(byYearSourceRegion), budgets: planned.tables.budgets, funding: planned.tables.funding, notices };
}

/**
 * The plan at λ as the model solved it: min_budget.csv's rows (each budget's use rounded on its own,
 * so never over its minimum as written: the model gives it B·λ, which the minimum rounds to the fen),
 * the carry as budgets.csv reports it (the leftover, results/carry.ts), and the payments as
 * `simulate` reports them — to the fen together (payments.ts), so the sums of funding.csv's rows.
 */
function modelPlan(mb: MinBudgetModel, scenario: Scenario, primal: Float64Array): WrittenPlan {
  const { ctx } = mb.pm;
  const namer = new Namer(scenario);
  const entryOf = new Map(ctx.index.budgetRows.map((b, k) => [b.row, k]));
  const scaledAt = new Map(mb.scaled.map((s) => [entryOf.get(s.row)!, s]));
  // Each selected budget at its scale (万元).
  const money = budgetMoney(ctx, primal, (k) => {
    const s = scaledAt.get(k);
    return s && (s.amount / MONEY_UNIT) * primal[s.scale];
  });
  const rows: MinBudgetRow[] = [];
  const budgets = ctx.index.budgetRows.map((b, k): CarryingBudget => {
    const source = scenario.sources[b.source];
    const s = scaledAt.get(k);
    const row = s && minBudgetRow(namer, source, s.region, s.year, s.amount, primal[s.scale], { used: money.used[k], carriedIn: money.carriedIn[k] });
    if (row) rows.push(row);
    // A budget not scaled is bound by its row, as budgets.csv reads it.
    const binding = row ? row.binding : isBinding(ctx.model.rows[b.row].ub + money.carriedIn[k], money.used[k]);
    return { source: source.id, region: b.region, year: b.year, binding, carried_out_yuan: reportYuan(money.carriedOut[k]) };
  });
  const { funding, notices } = fundingOfPlan(ctx, primal, { en: "the plan at λ", zh: "λ 时的方案" }, namer);
  return { scale: (v) => primal[v], rows: rows.sort(byYearSourceRegion), budgets, funding, notices };
}
