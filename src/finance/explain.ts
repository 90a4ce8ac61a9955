/**
 * "What is one more 亿元 worth?" — the binding constraints of a plan in planning words with their
 * shadow prices in human units, largest first, each with the range over which it holds:
 *   stage 1 (attainment): what relaxing the row by one step — +1亿元 for money rows (less where
 *     the price holds for less: moneyStep), +1 slot for capacity, one unit less of a hard target,
 *     +1 unit of stock or start limit — adds to each
 *     target, in that target's own units (not a weighted score converted into one target's units);
 *   stage 2 (cost): weighted cost (every source's money × its cost weight) saved by relaxing the
 *     row, or what one more unit of a met target costs. All figures are total derivatives through the stages (results/shadow.ts),
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
import { formatChange, formatCount, formatMoney, formatPercent, grouped, priceStepYuan } from "../format/numbers.js";
import { bindsAt } from "../model/rowActivity.js";

export interface TargetGain {
  target: string;
  /** e.g. "households_started of gd-households". */
  unit: string;
  value: number;
}

export interface ExplainedRow {
  stage: "shortfall" | "cost";
  family: string;
  where: string;
  what: string;
  /** How full the row is (from the result tables), e.g. "uses 9.6亿元 of 9.6亿元". */
  state: string;
  /** Value of relaxing the row by one `step`, in `unit` (stage 1: for the first target it moves). */
  value: number;
  /** The same per the family's natural step (1亿元, 1 slot, 1 unit): what the list is ordered by. */
  rate: number;
  unit: string;
  step: string;
  /** Stage 1: what the same step does to the other targets. */
  also: TargetGain[];
  /** Over which change of the limit the price is certain (the basis's range, in the step's direction). */
  holds: Certainty;
  /** The row (base model index) and the direction its bound moves in the step (+1: raised). */
  index: number;
  sign: 1 | -1;
  /** What re-planning with the bound moved by 1亿元 gave (explainReplan.ts); budgets only. */
  replanned?: Replanned;
}

/**
 * Where the basis makes a price certain: up to a change of the limit ("+3.2亿元", "+0.03 slots"; it
 * may hold further), for any change in the step's direction, or unknown (null: no ranging).
 */
export type Certainty = { upTo: string } | "any_change" | null;

/** A re-plan with a budget moved by 1亿元, against what the price predicts for that step. */
export interface Replanned {
  /** The step's stage objective moved by price × step (to 1e-6): the price holds for the whole step. */
  linear: boolean;
  /** The step's objective change as a share of price × step (1: all of it). */
  share: number;
  /** Stage 1: what the step added to each target, in its own units (the led target first). */
  gains: TargetGain[];
  /** Stage 1: targets missed in the plan that the re-plan meets. */
  met: string[];
  /** Stage 2: weighted cost the step saved (negative: spent more). */
  saved: number;
  /** The stage objective's improvement, for ordering (stage 1: weighted shortfall score; stage 2: yuan). */
  improvement: number;
}

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
  model.rows.forEach((row, i) => {
    const family = row.ref.family;
    if (!PRICED.has(family) || pointRange(sol, row, i)) return;
    if (relaxed && !bindsAt(row, sol.primal)) return;
    // A year an as_of has closed is history: more money in 2021 is not a choice left to price.
    if ("year" in row.ref && row.ref.year < (scenario.asOf?.firstOpenYear ?? -Infinity)) return;
    const money = isMoneyRow(row);
    const natural = money ? 1e8 / MONEY_UNIT : 1; // row units (万元 or units) in the family's natural step
    const stepOf = (sign: 1 | -1) => (money ? moneyStep(room(sol, row, i, sign)) : countStep(room(sol, row, i, sign), family === "capacity" ? "slot" : "unit"));
    const base = { family, where: rowName(row), what: describeRow(row, scenario, namer), state: stateOf(row, tables) };
    const target = row.ref.family === "targets" ? row.ref : null;
    const targetUnit = target ? `${countUnit(row, sol)} of ${target.target}` : "";
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
      const step = targetCost ? { rows: 1, label: `1 ${targetUnit}` } : stepOf(sign);
      const saved = sign * g2;
      out.push({
        stage: "cost", ...base, value: round(Math.abs(g2) * step.rows * MONEY_UNIT, 2), rate: Math.abs(g2) * natural,
        unit: targetCost ? `of weighted cost it ${sign > 0 ? "adds" : "saves"}` : saved > 0 ? "of weighted cost saved" : sign > 0 && anyMissed ? "of weighted cost spent more (it buys more of a missed target)" : "of weighted cost spent more",
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
 * The step a count row's price is quoted for: 1 slot or unit, or the largest power of ten below
 * where the price is certain ("+0.1 unit" for a start limit certain up to +0.33, not "+1 unit").
 */
function countStep(room: number | null, unit: string): { rows: number; label: string } {
  const r = room ?? Infinity;
  const rows = r >= 1 ? 1 : 10 ** Math.floor(Math.log10(r));
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
 * Room too small to print — under half a yuan, or 0.005 of a unit, slot or household (what "+0"
 * would show) — counts as none: a price that holds only that far holds for no step at all.
 */
function noRoom(row: Row, r: number): boolean {
  return r <= (isMoneyRow(row) ? 0.5 / MONEY_UNIT : 0.005);
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
  const amount = isMoneyRow(row) ? formatMoney(r * MONEY_UNIT) : `${grouped(r, 2)} ${countUnit(row, sol)}`;
  return { upTo: `${sign > 0 ? "+" : "−"}${amount}` };
}

/** " (certain up to +3.2亿元; it may hold further)", as a price line ends. */
export function certaintyText(c: Certainty): string {
  if (c === null) return "";
  return c === "any_change" ? " (holds for any change in that direction)" : ` (certain up to ${c.upTo}; it may hold further)`;
}

/**
 * The step a line prices. A share or residents' cap is a percentage, but its row is in money: "+1万元
 * above the share" is the source paying 1万元 more than its share allows.
 */
function stepText(family: ConstraintFamily, sign: 1 | -1, label: string): string {
  const limit = family === "shares" ? " the share" : family === "resident_cap" ? " the residents' cap" : "";
  return `${sign > 0 ? "+" : "−"}${label}${limit ? (sign > 0 ? " above" : " below") + limit : ""}`;
}

/** What a non-money row counts, for its validity range ("up to +24.33 households_started"). */
function countUnit(row: Row, sol: PlanSolution): string {
  const r = row.ref;
  if (r.family === "capacity") return "slots";
  if (r.family === "targets") return sol.pm.ctx.scenario.targets.find((t) => t.id === r.target)?.metric ?? "units";
  return "units";
}

function stateOf(row: Row, tables: PlanTables): string {
  const r = row.ref;
  switch (r.family) {
    case "budgets": {
      const b = tables.budgets.find((x) => x.source === r.source && x.region === r.region && x.year === r.year);
      return b ? `uses ${formatMoney(b.used_yuan)} of ${formatMoney(b.budget_yuan + b.carried_in_yuan)}` : "";
    }
    case "capacity": {
      const c = tables.capacity.find((x) => x.capacity === r.capacity && x.year === r.year);
      // Rounded as counts are elsewhere: "12 of 12 slots", not the solver's 11.999998.
      return c ? `uses ${formatCount(c.slots_used, false)} of ${formatCount(c.slots, false)} slots` : "";
    }
    case "targets": {
      const t = tables.targets.find((x) => x.target === r.target);
      // Households are whole; a met target reads as met, not as 1,419,999.858 of 1,420,000.
      const whole = t?.metric.startsWith("households") ?? false;
      return t ? `plans ${formatCount(t.planned, whole)} of ${formatCount(t.target_value, whole)}${t.met ? " (met)" : " (missed)"}` : "";
    }
    default:
      return "at its limit";
  }
}

/** A line's price for its step, and where the basis makes it certain. */
function priceText(r: ExplainedRow): string {
  const value = r.stage === "shortfall" ? `≈ ${formatChange(r.value)} ${r.unit}` : `≈ ${formatMoney(r.value)} ${r.unit}`;
  const also = r.also.map((g) => `, ${formatChange(g.value)} ${g.unit}`).join("");
  return `${r.step}: ${value}${also}${certaintyText(r.holds)}`;
}

/** A budget line checked by re-planning with 1亿元 more (or less): what the re-plan gave. */
function replannedText(r: ExplainedRow, p: Replanned): string {
  const step = `+${formatMoney(1e8)}`;
  const got = r.stage === "shortfall"
    ? p.gains.map((g) => `${formatChange(g.value)} ${g.unit}`).join(", ") || "no target moves"
    : `${formatMoney(Math.abs(p.saved))} of weighted cost ${p.saved >= 0 ? "saved" : "spent more"}`;
  if (p.linear) return `${step} (re-planned): ${got} — the price holds for the whole step`;
  // The rate with its unit, which says its direction ("… spent more"), as the price line would.
  const rate = r.stage === "shortfall" ? `${formatChange(r.rate)} ${r.unit}` : `${formatMoney(r.rate * MONEY_UNIT)} ${r.unit}`;
  const certain = r.holds !== null && r.holds !== "any_change" ? `, certain up to ${r.holds.upTo}` : "";
  const meets = p.met.length > 0 ? `meets ${p.met.join(", ")}; ` : "";
  // A re-plan that moves the other way than the rate ("saved" where the rate says "spent more") is
  // not "-38.8 % of" it: the price does not reach a step this size.
  if (p.share < 0) return `${step} (re-planned): ${got} — ${meets}the opposite way to the marginal rate (${rate} per ${formatMoney(1e8)}${certain}): that price does not hold for a step this size`;
  return `${step} (re-planned): ${got} — ${meets}${formatPercent(p.share)} of what the marginal rate (${rate} per ${formatMoney(1e8)}${certain}) gives for the whole step`;
}

/** Groups of the printed list: the rows finance offices ask about first, then the other limits. */
const GROUPS: { title: string; families: string[] }[] = [
  { title: "budgets", families: ["budgets"] },
  { title: "construction capacity", families: ["capacity"] },
  { title: "targets", families: ["targets"] },
  { title: "shares, residents' caps, links, stock, start limits", families: ["shares", "resident_cap", "links", "stock", "start_limits"] },
];

/** The text `simulate explain` prints: per stage and group, the `top` largest values. */
export function explainText(rows: ExplainedRow[], top: number, title: string, refNote: string): string {
  const lines = [title];
  const section = (stage: ExplainedRow["stage"], heading: string) => {
    lines.push("", heading);
    const inStage = rows.filter((r) => r.stage === stage);
    if (inStage.length === 0) lines.push("  (none)");
    for (const group of GROUPS) {
      const all = inStage.filter((r) => group.families.includes(r.family));
      if (all.length === 0) continue;
      lines.push(`  ${group.title}:`);
      all.slice(0, top).forEach((r, i) => lines.push(`    ${i + 1}. ${r.what} — ${r.state}`, `       ${r.replanned ? replannedText(r, r.replanned) : priceText(r)}`));
      if (all.length > top) lines.push(`    … and ${all.length - top} more (use --top)`);
    }
  };
  section("shortfall", `What limits attainment (stage 1; ${refNote}):`);
  section("cost", "What limits the cost of the plan (stage 2: its weighted cost, every source's money × its cost_weight):");
  return lines.join("\n") + "\n";
}
