/**
 * Words for how a run was made and what its diagnostics say, in both languages: the date actuals
 * run to (run.json `as_of`), the Monte Carlo mode (run.json `monte_carlo.mode`), a diagnostics.csv
 * `kind`, and a stage's name. The CSVs and
 * run.json keep the codes; the report and the workbook show these.
 */
import { type Label, l, wordsFor } from "./labels.js";

const MONTE_CARLO_MODES: Record<string, Label> = {
  evaluate: l("按计划执行（evaluate：计划固定，逐次抽样执行）", "evaluate (the plan fixed, executed in each draw)"),
  replan: l("逐年重新规划（replan：每年按上年实际调整计划）", "replan (each year re-planned from what happened)"),
  reoptimize: l("每次抽样重新优化（reoptimize：预知该次抽样的成本、预算与居民同意情况后的最好计划，不计开工推迟）", "reoptimize (each draw re-planned knowing its costs, budgets and consent; slips not applied)"),
};

/** How a run's draws were made (run.json `monte_carlo.mode`), in the page's language. */
export function monteCarloModeLabel(mode: string): Label {
  return wordsFor(MONTE_CARLO_MODES, mode);
}

/** The limit families a conflict names (diagnostics.csv `conflict:<family>`). */
const CONFLICT_FAMILIES: Record<string, Label> = {
  budgets: l("预算", "budget"),
  capacity: l("施工能力", "capacity"),
  shares: l("出资比例", "share"),
  resident_cap: l("居民出资上限", "residents' cap"),
  links: l("资金配套关系", "link"),
  stock: l("可改造存量", "stock"),
  start_limits: l("开工数限制", "start limits"),
  targets: l("目标", "target"),
  margin: l("规划余量", "margin"),
  commitments: l("分年付款", "payments due"),
  stage_fix: l("求解", "solve"),
};

const DIAGNOSTIC_KINDS: Record<string, Label> = {
  target_missed: l("目标未完成", "target missed"),
  budget_binding: l("预算用尽", "budget fully used"),
  capacity_binding: l("施工能力用满", "capacity fully used"),
  warning: l("警告", "warning"),
  rounding: l("按分取整", "rounding to the fen"),
  error: l("出错", "error"),
  not_planned: l("未规划", "not planned"),
  confidence_not_reached: l("未达到把握度", "confidence not reached"),
  confidence_limit: l("限制把握度的约束", "limit on confidence"),
};

/** A limit family (a conflict's, min_budget_binding.csv `family`): "budgets" → 预算; unknown families as written. */
export function familyLabel(family: string): Label {
  return wordsFor(CONFLICT_FAMILIES, family);
}

/** A diagnostics.csv `kind` in the page's language ("conflict:budgets" → 冲突：预算); unknown kinds as written. */
export function diagnosticKindLabel(kind: string): Label {
  const family = /^conflict:(.+)$/.exec(kind)?.[1];
  if (family !== undefined) {
    const f = familyLabel(family);
    return l(`冲突：${f.zh}`, `conflict: ${f.en}`);
  }
  return wordsFor(DIAGNOSTIC_KINDS, kind);
}

const STAGES: Record<string, Label> = {
  shortfall: l("缺口", "shortfall"),
  cost: l("成本", "cost"),
  smoothing: l("平滑", "smoothing"),
  margin: l("余量", "margin"),
  hard: l("约束性目标", "hard targets"),
  near: l("贴近基准方案", "near the 0% plan"),
  min_budget: l("最低预算", "minimum budget"),
};

/** A stage's name ("cost" → 成本); unknown names as written. */
export function stageLabel(stage: string): Label {
  return wordsFor(STAGES, stage);
}

/** run.json's `as_of` as a date to read: a year alone means its start (docs/scenario-reference.md), not "through" it. */
export function asOfLabel(asOf: string): Label {
  return /^\d{4}$/.test(asOf) ? l(`${asOf}年初`, `the start of ${asOf}`) : l(asOf, asOf);
}
