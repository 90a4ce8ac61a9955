/**
 * Chinese (and English) names of the result files, codes and units, for the workbook and the report
 * (the columns' in columnLabels.ts). The machine keys stay the CSV names; these are what a 住建局
 * reader sees.
 */

export interface Label {
  zh: string;
  en: string;
}

export const l = (zh: string, en: string): Label => ({ zh, en });

/** A label as a sentence of its own: the English capitalised, each language's full stop after it. */
export function sentence(label: Label): Label {
  return { zh: `${label.zh}。`, en: `${label.en.charAt(0).toUpperCase()}${label.en.slice(1)}.` };
}

/** A code's words from `words`, or the code itself in both languages where it has none. */
export function wordsFor(words: Record<string, Label>, code: string): Label {
  return words[code] ?? l(code, code);
}

/** A target's kind as Chinese plans say it: a hard target is 约束性, a soft one 预期性. */
export const TARGET_KIND_LABELS: Record<string, Label> = { soft: l("预期性", "soft"), hard: l("约束性", "hard") };

/** Sheet / section titles per result file. Sheet names: ≤ 31 characters, none of []:*?/\ . */
export const FILE_LABELS: Record<string, Label> = {
  "targets.csv": l("目标完成", "Targets"),
  "plan.csv": l("分年计划", "Plan"),
  "funding.csv": l("资金来源", "Funding"),
  "budgets.csv": l("预算", "Budgets"),
  "capacity.csv": l("施工能力", "Capacity"),
  "diagnostics.csv": l("诊断", "Diagnostics"),
  "mc_summary.csv": l("蒙特卡洛汇总", "Monte Carlo summary"),
  "sensitivity.csv": l("敏感性", "Sensitivity"),
  "draws.csv": l("逐次抽样", "Draws"),
  "stress.csv": l("压力测试-目标", "Stress by target"),
  "stress_summary.csv": l("压力测试-汇总", "Stress summary"),
  "stress_funding.csv": l("压力测试-各资金来源", "Stress by source"),
  "stress_starts.csv": l("压力测试-各地区开工", "Stress starts by region"),
  "min_budget.csv": l("最低预算", "Minimum budget"),
  "min_budget_binding.csv": l("最低预算-紧约束", "Minimum budget: binding"),
  "min_budget_funding.csv": l("最低预算-各资金来源", "Minimum budget: by source"),
  "compare.csv": l("方案比较", "Comparison"),
  "frontier.csv": l("资金-把握度前沿", "Money–confidence frontier"),
  "min_budget_confidence.csv": l("最低预算-把握度", "Minimum budget: confidence"),
  "min_budget_search.csv": l("最低预算-搜索过程", "Minimum budget: search"),
  "shadow_prices.csv": l("影子价格", "Shadow prices"),
};

export function fileLabel(file: string): Label {
  return FILE_LABELS[file] ?? l(file.replace(/\.csv$/, ""), file.replace(/\.csv$/, ""));
}

/** Metrics of targets and mc_summary in planning words. */
export const METRIC_LABELS: Record<string, Label> = {
  started: l("开工数", "units started"),
  completed: l("竣工数", "units completed"),
  households_started: l("开工惠及户数", "households started"),
  households_completed: l("竣工惠及户数", "households completed"),
  paid_yuan: l("实际拨付", "money paid"),
  funding_gap_yuan: l("资金缺口", "funding gap"),
};

/** What an uncertain input varies (its `applies_to`), for charts that list inputs. */
export const UNCERTAIN_INPUT_LABELS: Record<string, Label> = {
  unit_cost: l("单位造价", "unit cost"),
  budget: l("预算到位", "budget realised"),
  enterprise_shortfall: l("企业出资缺口", "enterprise shortfall"),
  consent_failure: l("居民同意未达成", "consent failure"),
  slip: l("开工推迟", "start slip"),
};

export const SOURCE_KIND_LABELS: Record<string, Label> = {
  government: l("政府", "government"),
  enterprise: l("企业", "enterprise"),
  property_unit: l("产权单位", "property unit"),
  resident: l("居民", "residents"),
};

/** A programme's `unit` in planning words (the scenario's own word where it is not one of these). */
const UNIT_WORDS: Record<string, Label> = {
  community: l("个小区", "communities"),
  km: l("公里", "km"),
  town: l("个镇", "towns"),
  village: l("个村", "villages"),
  project: l("个项目", "projects"),
  site: l("处", "sites"),
  household: l("户", "households"),
};

/** What a target's values count: households for a households metric, else the programme's unit. */
export function targetUnitLabel(metric: string, programUnit: unknown): Label | null {
  if (metric.startsWith("households")) return UNIT_WORDS.household;
  if (typeof programUnit !== "string" || programUnit === "") return null;
  // A unit written in both languages, "小区 (community)", is split into them.
  const both = /^(.+?)\s*[(（]([^()（）]+)[)）]$/.exec(programUnit);
  return UNIT_WORDS[programUnit] ?? (both ? l(both[1], both[2]) : l(programUnit, programUnit));
}

export function metricLabel(metric: string): Label {
  return wordsFor(METRIC_LABELS, metric);
}

const STATUS: Record<string, Label> = {
  optimal: l("最优", "optimal"),
  infeasible: l("无可行解", "infeasible"),
  unreachable: l("无法达到（预算放大到上限仍达不到把握度）", "unreachable (no budget scale up to the limit reaches the level)"),
  error: l("求解出错", "error"),
  not_planned: l("未规划（不削减时已无可行方案）", "not planned (no plan even uncut)"),
};

/** A plan's or a search's status in the page's language (run.json and the CSVs keep the English word). */
export function statusLabel(status: string): Label {
  return wordsFor(STATUS, status);
}

/**
 * How many targets the plan meets in the planned world (the summary's "targets: 4 of 4 met in the
 * plan"): "met as planned" stood right above a P(met) of 12 %, as though the two disagreed.
 */
export const MET_IN_PLAN = l("计划内达标的目标数", "Targets met in the plan");

/**
 * How many targets reached a confidence level (frontier): "4个目标全部达到 ✓", or "4个目标中2个达到 ✗"
 * — the money of a level buys the level only when every target reached it.
 */
export function reachedLabel(reached: number, targets: number): Label {
  if (reached === targets) return l(`${targets}个目标全部达到 ✓`, `all ${targets} targets reach it ✓`);
  return l(`${targets}个目标中${reached}个达到 ✗`, `${reached} of ${targets} targets reach it ✗`);
}

/** The payment years after the horizon that a cut or a scale reaches too, or null when none. */
export function tailLabel(tail: readonly [number, number] | null): Label | null {
  if (tail === null) return null;
  if (tail[0] === tail[1]) return l(`（含规划期后的付款年份${tail[0]}年）`, `(with the payment year ${tail[0]} after the horizon)`);
  return l(`（含规划期后的付款年份${tail[0]}–${tail[1]}年）`, `(with the payment years ${tail[0]}–${tail[1]} after the horizon)`);
}

/**
 * The years a budget selection covers (stress and min-budget `--from` / `--to`): "from 2024"
 * 自2024年起, "in 2024" 仅2024年, "in 2024–2025" 2024–2025年, "up to 2023" 至2023年; null for every year.
 */
export function yearsLabel(from: number | null, to: number | null): Label | null {
  if (to === null) return from === null ? null : l(`自${from}年起`, `from ${from}`);
  if (from === null) return l(`至${to}年`, `up to ${to}`);
  return from === to ? l(`仅${from}年`, `in ${from}`) : l(`${from}–${to}年`, `in ${from}–${to}`);
}
