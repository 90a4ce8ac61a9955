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
import { formatMoney, grouped } from "../format/numbers.js";
import { formatMoneyRoom, formatRoom, moneyPriceStep, priceStep, shownRoom } from "../format/priceSteps.js";
import { bindsAt } from "../model/rowActivity.js";
import { bindsThePlan, budgetEntry } from "./carriedBudget.js";
import { costUnit, stateOf, stepText } from "./explainText.js";
import type { Certainty, ExplainedRow } from "./explainTypes.js";
import { unitSteps } from "../results/wholeUnitTargets.js";

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
  const steps = unitSteps(sol);
  const bindsPlan = (row: Row) => {
    // A budget binds it as budgets.csv and the summary say, or through the year its carried money
    // runs out (carriedBudget.ts); another row when tight in it with something paid or due.
    const budget = budgetEntry(row, tables);
    return budget ? bindsThePlan(budget, tables) : bindsAt(row, sol.primal);
  };
  model.rows.forEach((row, i) => {
    const family = row.ref.family;
    // A price that holds for no step either way (a degenerate vertex) is left out.
    if (!PRICED.has(family) || !stepFor(sol, row, i, 1, "")) return;
    if (relaxed && !bindsPlan(row)) return;
    // A year an as_of has closed is history: more money in 2021 is not a choice left to price.
    if ("year" in row.ref && row.ref.year < (scenario.asOf?.firstOpenYear ?? -Infinity)) return;
    const money = isMoneyRow(row);
    const natural = money ? 1e8 / MONEY_UNIT : 1; // row units (万元 or units) in the family's natural step
    const base = { family, where: rowName(row), what: describeRow(row, scenario, namer), state: stateOf(row, tables) };
    const target = row.ref.family === "targets" ? row.ref : null;
    const atLeast = !Number.isFinite(row.ub); // a ≥ row: a minimum share or link, a target
    const counted = family === "capacity" ? "slot" : target ? `${countUnit(row, sol)} of ${target.target}` : "unit";
    // One step rule for every line, a target's included: its price is a rate that holds only over
    // its range, so a whole town is not quoted where the price holds for 0.014 of one.
    const stepOf = (wanted: 1 | -1) => stepFor(sol, row, i, wanted, counted)!;
    const gains = scenario.targets
      .map((t, ti) => ({ target: t.id, unit: `${t.metric} of ${t.id}`, value: targetGain(sol, ti, i) }))
      .filter((g) => Math.abs(g.value * natural) > EPS && g.target !== target?.target);
    if (gains.length > 0) {
      // Relax in the direction that helps the reference target (for a ≥ row: one unit less) —
      // unless the price holds only the other way (a degenerate basis): then say what tightening costs.
      const lead = gains.find((g) => g.target === ref?.id) ?? gains[0];
      const step = stepOf(lead.value > 0 ? 1 : -1);
      const sign = step.sign;
      const moved = [lead, ...gains.filter((g) => g !== lead)];
      const [first, ...also] = moved.map((g) => ({ ...g, value: round(sign * g.value * step.rows, 6) }));
      out.push({
        stage: "shortfall", ...base, value: first.value, rate: sign * lead.value * natural, unit: first.unit,
        step: stepText(family, sign, step.label, atLeast), also, holds: holds(sol, row, i, sign), index: i, sign,
        ...(relaxed ? { relaxedRate: moved.flatMap((g) => steps.get(g.target) ?? []) } : {}),
      });
    }
    const g2 = sol.costDuals ? -sol.costDuals[i] : 0;
    // Only a missed soft target can make more room cost more; with every target met the price is the
    // cost stage's own (an independent audit saw "buys more of a missed target" with none missed).
    const anyMissed = tables.targets.some((t) => !t.met);
    const missed = target?.kind === "soft" && tables.targets.some((t) => t.target === target.target && !t.met);
    if (Math.abs(g2) > EPS && !missed) {
      const targetCost = family === "targets";
      const step = stepOf(1);
      const sign = step.sign;
      const saved = sign * g2;
      // Relaxing: raising an "at most" limit's bound, lowering an "at least" rule's (a minimum share).
      const relaxes = (sign > 0) !== atLeast;
      out.push({
        // Both in yuan of weighted cost: value per the step, rate per the natural step.
        stage: "cost", ...base, value: round(Math.abs(g2) * step.rows * MONEY_UNIT, 2), rate: Math.abs(g2) * natural * MONEY_UNIT,
        unit: costUnit(targetCost, sign, saved, relaxes && anyMissed),
        step: stepText(family, sign, step.label, atLeast),
        also: [],
        holds: holds(sol, row, i, sign),
        index: i,
        sign,
        ...(relaxed ? { relaxedRate: [] } : {}),
      });
    }
  });
  return out.sort(explainOrder);
}

/**
 * Shortfall prices before cost prices, each largest first; prices equal to 9 significant digits
 * (two budgets of one rule priced through different bases differ in the 13th) by where they bind.
 */
export function explainOrder(a: ExplainedRow, b: ExplainedRow): number {
  const stageOrder = (r: ExplainedRow) => (r.stage === "shortfall" ? 0 : 1);
  const price = (r: ExplainedRow) => Number(r.rate.toPrecision(9));
  return stageOrder(a) - stageOrder(b) || price(b) - price(a) || a.where.localeCompare(b.where);
}

type Step = { sign: 1 | -1; rows: number; label: string };

/**
 * The direction and step a line's price is quoted for: `wanted`, or the other way where the price
 * holds only that way (a degenerate basis); null where it holds for no step either way. Money rows
 * follow moneyPriceStep, the rule of shadow_prices.csv and the summary (1亿元, or a power of ten of
 * yuan within the room, never past it); a count's step is 1 slot or unit (of a target: of its
 * metric), or the largest power of ten below where the price is certain ("+0.1 unit" for a start
 * limit certain up to +0.33; "−0.01 started" of a town target certain down to −0.014).
 */
function stepFor(sol: PlanSolution, row: Row, i: number, wanted: 1 | -1, unit: string): Step | null {
  if (isMoneyRow(row)) {
    const s = moneyPriceStep(moneyRoom(sol, row, i, 1), moneyRoom(sol, row, i, -1), wanted);
    return s && { sign: s.sign, rows: s.yuan / MONEY_UNIT, label: formatMoney(s.yuan) };
  }
  // A count's room that formatRoom prints as 0 (shownRoom: under a thousandth) counts as none.
  const fits = (r: number | null) => r === null || shownRoom(r) > 0;
  const back: 1 | -1 = wanted > 0 ? -1 : 1;
  const sign = fits(room(sol, row, i, wanted)) ? wanted : fits(room(sol, row, i, back)) ? back : null;
  if (sign === null) return null;
  const rows = priceStep(room(sol, row, i, sign), 1);
  return { sign, rows, label: `${grouped(rows, 3)} ${unit}` };
}

/** How far the row's bound can move in direction `sign` (+1: up) with the same prices; null unknown. */
function room(sol: PlanSolution, row: Row, i: number, sign: 1 | -1): number | null {
  const v = validity(sol, i);
  if (!v) return null;
  const bound = Number.isFinite(row.ub) ? row.ub : row.lb;
  return sign > 0 ? v.to - bound : bound - v.from;
}

/**
 * A money row's room in yuan, from its bound and interval to the fen as budgets.csv and
 * shadow_prices.csv write them, so a budget's step here is the one those files quote.
 */
function moneyRoom(sol: PlanSolution, row: Row, i: number, sign: 1 | -1): number | null {
  const v = validity(sol, i);
  if (!v) return null;
  const yuan = (x: number) => (Number.isFinite(x) ? round(x * MONEY_UNIT, 2) : x);
  const bound = yuan(Number.isFinite(row.ub) ? row.ub : row.lb);
  return sign > 0 ? yuan(v.to) - bound : bound - yuan(v.from);
}

/** The part of the validity interval in the direction of the step (sign +1: raising the bound). */
function holds(sol: PlanSolution, row: Row, i: number, sign: 1 | -1): Certainty {
  const money = isMoneyRow(row);
  const r = money ? moneyRoom(sol, row, i, sign) : room(sol, row, i, sign);
  if (r === null) return null;
  if (!Number.isFinite(r)) return "any_change";
  // Rounded down, never past where the price is certain (shownMoneyRoom, shownRoom).
  const amount = money ? formatMoneyRoom(r) : `${formatRoom(r)} ${countUnit(row, sol)}`;
  return { upTo: `${sign > 0 ? "+" : "−"}${amount}` };
}

/** What a non-money row counts, for its validity range ("up to +24.33 households_started"). */
function countUnit(row: Row, sol: PlanSolution): string {
  const r = row.ref;
  if (r.family === "capacity") return "slots";
  if (r.family === "targets") return sol.pm.ctx.scenario.targets.find((t) => t.id === r.target)?.metric ?? "units";
  return "units";
}

