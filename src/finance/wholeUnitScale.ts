/**
 * min-budget's λ for a scenario with whole-unit programmes, checked the way `simulate` plans it.
 *
 * The min-λ MILP proves that a whole-unit plan meeting every target exists at λ. `simulate` solves
 * its shortfall stage only to half a unit (docs/model.md, "Integer stages"), and at the breaking
 * point, where every such plan is tight, it can stop at one that misses a target by less than that
 * — the Guangzhou towns' greenway, a continuous programme, 82.6 of 83 km at λ = 0.9497, while a
 * plan meeting it was 34 s of branch and bound away. An office plans with `simulate`, so λ is
 * planned as `simulate` would, grown in 0.5 % steps until that plan meets every target, and the
 * last step bisected.
 */
import { type Label, statusLabel } from "../format/labels.js";
import type { PlannedScenario, ScenarioPlanner } from "../plan/planScenario.js";
import type { Scenario } from "../scenario/types.js";
import { scaleBudgets } from "./cuts.js";
import type { BudgetSelection } from "./selection.js";

/**
 * Each step grows λ by this factor (by STEP − 1 of today's budgets when λ is 0); after MAX_STEPS
 * (≈ +10 %) the search gives up and says so. Between the last step that missed and the first that
 * met, BISECTIONS halve the interval: to 0.5 % / 2³ ≈ 0.06 % of λ.
 */
const STEP = 1.005;
const MAX_STEPS = 20;
const BISECTIONS = 3;

export interface WholeUnitScale {
  /** The smallest scale found, from λ up, at which the plan meets every target (λ itself when it does). */
  scale: number;
  /** The plan at `scale`; null when no step met every target. */
  planned: PlannedScenario | null;
  /** What the plan at λ missed, in planning words ("qgy-greenway 82.625 of 83"); empty when it met all. */
  missedAtLambda: Label[];
  /** The largest scale tried whose plan missed a target (λ when the plan there missed); null if none. */
  missedAt: number | null;
}

/** `plan`: how `simulate` plans a scenario (planScenario; a test passes its own). */
export async function wholeUnitScale(
  scenario: Scenario, sel: BudgetSelection, lambda: number, plan: ScenarioPlanner,
): Promise<WholeUnitScale> {
  const tryScale = async (scale: number) => {
    const planned = await plan(scaleBudgets(scenario, sel, scale));
    const missed = planned.solution.status === "optimal" ? planned.tables.targets.filter((t) => !t.met) : null;
    return { planned, missed };
  };
  const stepped = (k: number) => (lambda > 0 ? lambda * STEP ** k : (STEP - 1) * k);
  const first = await tryScale(lambda);
  if (first.missed?.length === 0) return { scale: lambda, planned: first.planned, missedAtLambda: [], missedAt: null };
  const status = first.planned.solution.status;
  const missedAtLambda: Label[] = first.missed
    ? first.missed.map((t) => ({ en: `${t.name || t.target} ${round4(t.planned)} of ${t.target_value}`, zh: `${t.name || t.target}（计划${round4(t.planned)}，目标${t.target_value}）` }))
    : [{ en: `no plan (${status})`, zh: `无方案（${statusLabel(status).zh}）` }];
  let low = lambda;
  for (let k = 1; k <= MAX_STEPS; k++) {
    const high = stepped(k);
    const at = await tryScale(high);
    if (at.missed?.length !== 0) {
      low = high;
      continue;
    }
    let best = { scale: high, planned: at.planned };
    for (let i = 0; i < BISECTIONS; i++) {
      const mid = (low + best.scale) / 2;
      const m = await tryScale(mid);
      if (m.missed?.length === 0) best = { scale: mid, planned: m.planned };
      else low = mid;
    }
    return { ...best, missedAtLambda, missedAt: low };
  }
  return { scale: lambda, planned: null, missedAtLambda, missedAt: low };
}

export function wholeUnitNotice(lambda: number, found: WholeUnitScale): Label | null {
  if (found.missedAtLambda.length === 0) return null;
  const at = `a whole-unit plan meeting every target exists at λ = ${lambda.toFixed(4)} (the MILP's, a lower bound; the prices that hold the budget up are taken there), but \`simulate\` at those budgets solves whole units to half a unit (docs/model.md "Integer stages") and its plan misses ${found.missedAtLambda.map((m) => m.en).join(", ")}`;
  const atZh = `λ = ${lambda.toFixed(4)} 时存在完成全部目标的整数方案（混合整数规划求得的 λ，是下界；支撑预算的影子价格按此取得），` +
    `但 \`simulate\` 在这一预算下对整数单位只求解到半个单位的精度（见 docs/model.md “Integer stages”），其方案未完成${found.missedAtLambda.map((m) => m.zh).join("、")}`;
  if (!found.planned) {
    const above = (STEP ** MAX_STEPS * 100 - 100).toFixed(0);
    return {
      en: `${at}; no plan up to ${above} % above λ met every target, so λ is reported as the MILP found it`,
      zh: `${atZh}；λ 以上${above}%范围内没有方案完成全部目标，故按混合整数规划求得的 λ 报告`,
    };
  }
  return {
    en: `${at}; λ = ${found.scale.toFixed(4)} is the smallest scale found at which that plan meets every target (at ${found.missedAt!.toFixed(4)} it still misses one), and is what this folder reports`,
    zh: `${atZh}；λ = ${found.scale.toFixed(4)} 是所找到的该方案完成全部目标的最小缩放系数（λ = ${found.missedAt!.toFixed(4)} 时仍有目标未完成），本文件夹按此报告`,
  };
}

function round4(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
