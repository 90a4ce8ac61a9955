/**
 * The words, in English and Chinese, that tell a whole-unit plan's targets from its LP
 * relaxation's (wholeUnitTargets.ts): which targets the plan misses, one the relaxation meets, and
 * that a price is the relaxation's rate while the plan moves by whole units. explain and the plan
 * summary print the English.
 */
import { l, type Label } from "../format/labels.js";
import { formatCount } from "../format/numbers.js";
import type { MissedTarget, UnitStep } from "./wholeUnitTargets.js";

/** "village-hh and community-hh are missed in the plan" (null when none is). */
export function missedInPlanText(missed: readonly MissedTarget[]): Label | null {
  if (missed.length === 0) return null;
  const ids = missed.map((m) => m.row.target);
  const en = ids.length === 1 ? ids[0] : `${ids.slice(0, -1).join(", ")} and ${ids[ids.length - 1]}`;
  return l(`整数方案未完成${ids.join("、")}`, `${en} ${ids.length === 1 ? "is" : "are"} missed in the plan`);
}

/**
 * A target the whole-unit plan misses and its LP relaxation meets: it is missed, and no price
 * moves it because the prices are the relaxation's, which has no shortfall there to buy down.
 */
export function metByRelaxationText(m: MissedTarget, step: UnitStep | undefined): Label {
  const { row } = m;
  const whole = row.metric.startsWith("households") || step !== undefined;
  const counts = `${formatCount(row.planned, whole)} of ${formatCount(row.target_value, whole)} ${row.metric}`;
  const countsZh = `计划${formatCount(row.planned, whole)}，目标${formatCount(row.target_value, whole)}`;
  const steps = step ? stepWords(step) : null;
  return l(
    `${row.name && row.name !== row.target ? `${row.name}（${row.target}）` : row.target}：整数方案未完成（${countsZh}），` +
      `但价格所依据的线性松弛（可开工小数个单位）已完成该目标，故没有哪项限制的价格能提高它${steps ? `；整数方案${steps.zh}` : ""}`,
    `${row.target} is missed in the plan (${counts}), but the LP relaxation the prices come from (fractional units) meets it, ` +
      `so no price here moves it${steps ? `; the plan ${steps.en}` : ""}`,
  );
}

/**
 * What a price of a whole-unit plan is: the LP relaxation's rate, which whole units follow only in
 * steps — "+1,000万元 ≈ +87 households" is a slope, and the plan buys a whole village or none.
 */
export function rateCaveatText(steps: readonly UnitStep[]): Label {
  const moves = steps.map(stepWords);
  return l(
    `线性松弛（可开工小数个单位）的边际比率${moves.length ? `；整数方案${moves.map((m) => m.zh).join("，")}` : ""}`,
    `a rate of the LP relaxation (fractional units)${moves.length ? `; the plan ${moves.map((m) => m.en).join(", ")}` : ""}`,
  );
}

/** "moves 城中村改造惠及1.5万户 in steps of 950–1,600 households, one whole 村 at a time" / "按整村推进城中村改造惠及1.5万户，每村950–1,600户". */
function stepWords(s: UnitStep): Label {
  const size = s.from === s.to ? formatCount(s.from, true) : `${formatCount(s.from, true)}–${formatCount(s.to, true)}`;
  return s.households
    ? l(`按整${s.unit}推进${s.name}，每${s.unit}${size}户`, `moves ${s.name} in steps of ${size} households, one whole ${s.unit} at a time`)
    : l(`按整${s.unit}推进${s.name}`, `moves ${s.name} one whole ${s.unit} at a time`);
}
