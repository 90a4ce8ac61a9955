/**
 * "What is one more 亿元 worth?" — the binding constraints of a plan in planning words with their
 * shadow prices in human units, largest first, each with the range over which it holds:
 *   stage 1 (attainment): what relaxing the row by one step — +1亿元 for money rows, +1 slot for
 *     capacity, one unit less of a hard target, +1 unit of stock or start limit, each less where the
 *     price holds for less (priceStep) — adds to each
 *     target, in that target's own units (not a weighted score converted into one target's units);
 *   stage 2 (cost): weighted cost (every source's money × its cost weight) saved by relaxing the
 *     row by that step, or what one more unit of a met target costs (or one less saves; a fraction of
 *     a unit where the price holds for less). All figures are total derivatives through the stages (results/shadow.ts),
 *     so a re-plan with the limit moved by a small step shows them.
 * A missed soft target has no stage-2 price (it would price re-balancing between targets).
 */
import { MONEY_UNIT } from "../model/context.js";
import { rowName } from "../model/names.js";
import type { ConstraintFamily, Row } from "../model/types.js";
import { describeRow, isMoneyRow, Namer } from "../plan/describe.js";
import type { PlanSolution } from "../plan/solvePlan.js";
import { round } from "../results/numbers.js";
import { referenceTarget, targetGain, validity } from "../results/shadow.js";
import type { PlanTables } from "../results/types.js";
import { formatMoney, formatRoom, grouped, priceStep, priceStepYuan, shownRoom } from "../format/numbers.js";
import { bindsAt } from "../model/rowActivity.js";
import { bindsThePlan, budgetEntry } from "./carriedBudget.js";
import { costUnit, stateOf, stepText } from "./explainText.js";
import type { Certainty, ExplainedRow } from "./explainTypes.js";

const PRICED = new Set<ConstraintFamily>(["budgets", "capacity", "targets", "shares", "resident_cap", "links", "stock", "start_limits"]);
const EPS = 1e-9;

export function explainPlan(sol: PlanSolution, tables: PlanTables): ExplainedRow[] {
  if (sol.status !== "optimal") return [];
  const { scenario, model } = sol.pm.ctx;
  const namer = new Namer(scenario);
  const ref = referenceTarget(sol);
  const out: ExplainedRow[] = [];
  // Whole-unit plans are priced by their LP relaxation, whose binding limits need not bind the plan.
  const relaxed = sol.dualMethod === "lp_relaxation";
  const bindsPlan = (row: Row) => {
    // A budget binds it as budgets.csv and the summary say, or through the year its carried money
    // runs out (carriedBudget.ts); another row when tight in it with something paid or due.
    const budget = budgetEntry(row, tables);
    return budget ? bindsThePlan(budget, tables) : bindsAt(row, sol.primal);
  };
  model.rows.forEach((row, i) => {
    const family = row.ref.family;
    if (!PRICED.has(family) || pointRange(sol, row, i)) return;
    if (relaxed && !bindsPlan(row)) return;
    // A year an as_of has closed is history: more money in 2021 is not a choice left to price.
    if ("year" in row.ref && row.ref.year < (scenario.asOf?.firstOpenYear ?? -Infinity)) return;
    const money = isMoneyRow(row);
    const natural = money ? 1e8 / MONEY_UNIT : 1; // row units (万元 or units) in the family's natural step
    const base = { family, where: rowName(row), what: describeRow(row, scenario, namer), state: stateOf(row, tables) };
    const target = row.ref.family === "targets" ? row.ref : null;
    const counted = family === "capacity" ? "slot" : target ? `${countUnit(row, sol)} of ${target.target}` : "unit";
    // One step rule for every line, a target's included: its price is a rate that holds only over
    // its range, so a whole town is not quoted where the price holds for 0.014 of one.
    const stepOf = (sign: 1 | -1) => (money ? moneyStep(room(sol, row, i, sign)) : countStep(room(sol, row, i, sign), counted));
    const gains = scenario.targets
      .map((t, ti) => ({ target: t.id, unit: `${t.metric} of ${t.id}`, value: targetGain(sol, ti, i) }))
      .filter((g) => Math.abs(g.value * natural) > EPS && g.target !== target?.target);
    if (gains.length > 0) {
      // Relax in the direction that helps the reference target (for a ≥ row: one unit less) —
      // unless the price holds only the other way (a degenerate basis): then say what tightening costs.
      const lead = gains.find((g) => g.target === ref?.id) ?? gains[0];
      const sign = direction(sol, row, i, lead.value > 0 ? 1 : -1);
      const step = stepOf(sign);
      const [first, ...also] = [lead, ...gains.filter((g) => g !== lead)].map((g) => ({ ...g, value: round(sign * g.value * step.rows, 6) }));
      out.push({
        stage: "shortfall", ...base, value: first.value, rate: sign * lead.value * natural, unit: first.unit,
        step: stepText(family, sign, step.label), also, holds: holds(sol, row, i, sign), index: i, sign,
      });
    }
    const g2 = sol.costDuals ? -sol.costDuals[i] : 0;
    // Only a missed soft target can make more room cost more; with every target met the price is the
    // cost stage's own (an independent audit saw "buys more of a missed target" with none missed).
    const anyMissed = tables.targets.some((t) => !t.met);
    const missed = target?.kind === "soft" && tables.targets.some((t) => t.target === target.target && !t.met);
    if (Math.abs(g2) > EPS && !missed) {
      const targetCost = family === "targets";
      const sign = direction(sol, row, i, 1);
      const step = stepOf(sign);
      const saved = sign * g2;
      out.push({
        stage: "cost", ...base, value: round(Math.abs(g2) * step.rows * MONEY_UNIT, 2), rate: Math.abs(g2) * natural,
        unit: costUnit(targetCost, sign, saved, anyMissed),
        step: stepText(family, sign, step.label),
        also: [],
        holds: holds(sol, row, i, sign),
        index: i,
        sign,
      });
    }
  });
  const stageOrder = (r: ExplainedRow) => (r.stage === "shortfall" ? 0 : 1);
  return out.sort((a, b) => stageOrder(a) - stageOrder(b) || b.rate - a.rate || a.where.localeCompare(b.where));
}

/** The step a money row's price is quoted for (priceStepYuan); `room` in row units (null: unknown). */
function moneyStep(room: number | null): { rows: number; label: string } {
  const step = priceStepYuan(room === null ? null : room * MONEY_UNIT);
  return { rows: step / MONEY_UNIT, label: formatMoney(step) };
}

/**
 * The step a count row's price is quoted for: 1 slot or unit (of a target: of its metric), or the
 * largest power of ten below where the price is certain ("+0.1 unit" for a start limit certain up to
 * +0.33, not "+1 unit"; "−0.01 started" of a town target certain down to −0.014).
 */
function countStep(room: number | null, unit: string): { rows: number; label: string } {
  const rows = priceStep(room, 1);
  return { rows, label: `${grouped(rows, 3)} ${unit}` };
}

/** How far the row's bound can move in direction `sign` (+1: up) with the same prices; null unknown. */
function room(sol: PlanSolution, row: Row, i: number, sign: 1 | -1): number | null {
  const v = validity(sol, i);
  if (!v) return null;
  const bound = Number.isFinite(row.ub) ? row.ub : row.lb;
  return sign > 0 ? v.to - bound : bound - v.from;
}

/**
 * Room too small to print — under half a yuan, or a count's that formatRoom prints as 0 (shownRoom:
 * under a thousandth of a unit, slot or household) — counts as none: a price that holds only that
 * far holds for no step at all.
 */
function noRoom(row: Row, r: number): boolean {
  return isMoneyRow(row) ? r <= 0.5 / MONEY_UNIT : !(shownRoom(r) > 0);
}

/** A validity interval of (practically) a single point: the dual holds for no step (a degenerate vertex). */
function pointRange(sol: PlanSolution, row: Row, i: number): boolean {
  const up = room(sol, row, i, 1);
  const down = room(sol, row, i, -1);
  return up !== null && down !== null && noRoom(row, up) && noRoom(row, down);
}

/** `wanted`, or the opposite direction when the prices hold only that way (degenerate basis). */
function direction(sol: PlanSolution, row: Row, i: number, wanted: 1 | -1): 1 | -1 {
  const ahead = room(sol, row, i, wanted);
  const back = room(sol, row, i, wanted > 0 ? -1 : 1);
  return ahead !== null && back !== null && noRoom(row, ahead) && !noRoom(row, back) ? (wanted > 0 ? -1 : 1) : wanted;
}

/** The part of the validity interval in the direction of the step (sign +1: raising the bound). */
function holds(sol: PlanSolution, row: Row, i: number, sign: 1 | -1): Certainty {
  const r = room(sol, row, i, sign);
  if (r === null) return null;
  if (!Number.isFinite(r)) return "any_change";
  const amount = isMoneyRow(row) ? formatMoney(r * MONEY_UNIT) : `${formatRoom(r)} ${countUnit(row, sol)}`;
  return { upTo: `${sign > 0 ? "+" : "−"}${amount}` };
}

/** What a non-money row counts, for its validity range ("up to +24.33 households_started"). */
function countUnit(row: Row, sol: PlanSolution): string {
  const r = row.ref;
  if (r.family === "capacity") return "slots";
  if (r.family === "targets") return sol.pm.ctx.scenario.targets.find((t) => t.id === r.target)?.metric ?? "units";
  return "units";
}

