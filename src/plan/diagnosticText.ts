/**
 * The sentences of diagnostics.csv, in English (`message`) and Chinese (`message_zh`) side by side,
 * so that neither language drifts from the other. The limits themselves are named by describe.ts
 * (describeRow / describeRowZh); amounts come formatted (万元/亿元 for money). A text HiGHS writes
 * (a solver status's message) stays as HiGHS wrote it in both.
 */
import { type Label, metricLabel, statusLabel } from "../format/labels.js";
import { stageLabel } from "../format/runLabels.js";
import type { BudgetRow, CapacityRow, TargetRow } from "../results/types.js";
import { targetKindZh } from "./describe.js";

/** A limit that must give `amount`: a ≥ limit (a target, a minimum share) falls short, a ≤ limit is exceeded. */
export function limitGives(what: Label, short: boolean, amount: string): Label {
  return short
    ? { en: `${what.en} falls short by ${amount}`, zh: `${what.zh}，缺口${amount}` }
    : { en: `${what.en} is exceeded by ${amount}`, zh: `${what.zh}需增加${amount}` };
}

/** A limit holding in the conflict: in the IIS when there is one, else binding in the elastic re-solve. */
export function limitHolds(what: Label, inIis: boolean): Label {
  return inIis
    ? { en: `${what.en} is part of the smallest set of conflicting limits`, zh: `${what.zh}属于相互冲突的最小约束组` }
    : { en: `${what.en} is binding in the conflict`, zh: `${what.zh}在冲突中起约束作用` };
}

/**
 * The printed line's words for the limits in a conflict that need not give (the IIS's, or those
 * binding against it), after those that must: by group, never as a limit that "must give" by 0.
 * English, as the printed summaries are.
 */
export function alsoInConflict(groups: { what: string; count: number }[], shown: number): string {
  const named = groups.slice(0, shown).map((g) => `${g.what} (${g.count} ${g.count === 1 ? "limit" : "limits"})`);
  const rest = groups.length - named.length;
  return `also in the conflict, without having to give: ${named.join(", ")}${rest > 0 ? ` and ${rest} more ${rest === 1 ? "group" : "groups"} (diagnostics.csv)` : ""}`;
}

export const WHOLE_UNITS_ONLY: Label = {
  en: "the plan is feasible with fractional starts but not with whole units: relax `integer` or widen a limit",
  zh: "按小数开工数有可行方案，按整数开工则没有：请取消 `integer` 或放宽某项限制",
};

/** The elastic re-solve itself failed: its status, and HiGHS's message as written. */
export function elasticFailed(status: string, message: string | undefined): Label {
  return {
    en: `the elastic re-solve did not succeed (${status}${message ? `: ${message}` : ""})`,
    zh: `弹性重算未成功（${statusLabel(status).zh}${message ? `：${message}` : ""}）`,
  };
}

export function targetMissed(t: TargetRow): Label {
  const named = t.name && t.name !== t.target;
  const name = named ? `${t.name}（${t.target}）` : t.target;
  return {
    en: `${t.kind} target ${named ? `${t.name} (${t.target})` : t.target} (${t.metric} by ${t.by} in ${t.region_name}) reaches ${t.planned} of ${t.target_value}: short by ${t.shortfall}`,
    zh: `${targetKindZh(t.kind)}目标${name}：${t.region_name}至${t.by}年${metricLabel(t.metric).zh}计划${t.planned}，目标值${t.target_value}，缺口${t.shortfall}`,
  };
}

export function budgetFullyUsed(b: BudgetRow): Label {
  return {
    en: `budget of ${b.source_name} for ${b.region_name} in ${b.year} is fully used`,
    zh: `${b.source_name}在${b.region_name}${b.year}年的预算已全部用完`,
  };
}

/** `name`: the capacity's scenario name, if it has one. */
export function capacityFullyUsed(c: CapacityRow, name: string | undefined): Label {
  const named = name !== undefined && name !== c.capacity;
  return {
    en: `capacity ${named ? `'${name}' (${c.capacity})` : c.capacity} (${c.region_name}) in ${c.year} is fully used`,
    zh: `${c.region_name}${c.year}年的施工能力“${named ? `${name}（${c.capacity}）` : c.capacity}”已全部用满`,
  };
}

/**
 * stress: a cut level left unplanned. A cut only lowers budgets, so a scenario with no plan uncut
 * (its 0 % level) has none at any cut.
 */
export const NOT_PLANNED: Label = {
  en: "not planned: the 0% level has no plan, and a cut only lowers budgets, so no cut level can have one",
  zh: "未规划：不削减（0%档位）时已无可行方案，削减只会降低预算，任何削减档位都不可能有可行方案",
};

/** A solver error without a message of its own. */
export const SOLVER_ERROR: Label = { en: "solver error", zh: "求解出错" };

/** A solver error with its message, which stays as the solver (HiGHS) wrote it in both languages. */
export function solverFailed(message: string): Label {
  return { en: message, zh: `求解出错（求解器原文）：${message}` };
}

/** objective.smoothing asked for, but these programmes are planned in whole units. */
export function notSmoothed(whole: string[]): Label {
  return {
    en: `smoothing applies to continuous programmes only: ${whole.join(", ")} ${whole.length > 1 ? "are" : "is"} planned in whole units and not smoothed`,
    zh: `平滑（objective.smoothing）只作用于连续规划的项目：${whole.join("、")}按整数单位规划，不作平滑`,
  };
}

/** A stage stopped at its time limit with a feasible plan, which is kept. */
export function stageTimedOut(stage: string, seconds: number, objective: number): Label {
  return {
    en: `stage ${stage} stopped at the ${seconds} s time limit; its best plan is kept (objective ${objective}), not proven optimal`,
    zh: `${stageLabel(stage).zh}阶段在${seconds}秒时间上限处停止：保留其已找到的最好方案（目标函数值${objective}），未证明为最优`,
  };
}
