/**
 * Chinese (and English) names of the result columns, for the workbook's header rows and the report;
 * the machine keys stay the CSV column names (test/format/labels.test.ts checks every column of
 * src/output/columns.ts has one).
 */
import { type Label, l } from "./labels.js";

export const COLUMN_LABELS: Record<string, Label> = {
  year: l("年份", "Year"),
  region: l("地区代码", "Region id"),
  region_name: l("地区", "Region"),
  program: l("项目代码", "Programme id"),
  program_name: l("项目", "Programme"),
  units_started: l("计划开工数", "Units started"),
  actual_started: l("已开工数（实绩）", "Actually started"),
  units_active: l("在建数", "Units active"),
  units_completed: l("竣工数", "Units completed"),
  households_started: l("开工惠及户数", "Households started"),
  households_completed: l("竣工惠及户数", "Households completed"),
  cost_due_yuan: l("应付投资", "Cost due"),
  slots_used: l("占用施工能力", "Slots used"),
  source: l("资金来源代码", "Source id"),
  source_name: l("资金来源", "Source"),
  source_kind: l("资金类别", "Source kind"),
  amount_yuan: l("金额", "Amount"),
  share_of_cost: l("占投资比例", "Share of cost"),
  actual_amount_yuan: l("已支付金额（实绩）", "Actually paid"),
  budget_yuan: l("预算", "Budget"),
  carried_in_yuan: l("上年结转", "Carried in"),
  used_yuan: l("已使用", "Used"),
  carried_out_yuan: l("结转下年", "Carried out"),
  utilisation: l("使用率", "Utilisation"),
  binding: l("是否紧约束", "Binding"),
  shadow_price_units_per_100m_yuan: l("影子价格（每亿元增加目标单位）", "Shadow price (target units per 1亿元)"),
  shadow_price_target: l("影子价格对应目标", "Shadow price target"),
  shadow_price_score_per_100m_yuan: l("影子价格（每亿元加权缺口得分改善）", "Shadow price (weighted shortfall score per 1亿元)"),
  cost_saved_per_yuan: l("每增加1元节约的加权出资成本（各来源出资×成本权重）", "Weighted cost saved per extra yuan (every source × cost weight)"),
  shadow_price_method: l("影子价格计算方法", "Shadow price method"),
  shadow_price_valid_from_yuan: l("影子价格有效下限", "Shadow price valid from"),
  shadow_price_valid_to_yuan: l("影子价格有效上限", "Shadow price valid to"),
  capacity: l("施工能力代码", "Capacity id"),
  slots: l("施工能力", "Slots"),
  shadow_price_units_per_slot: l("影子价格（每单位能力）", "Shadow price per slot"),
  shadow_price_valid_from_slots: l("影子价格有效下限（能力）", "Shadow price valid from (slots)"),
  shadow_price_valid_to_slots: l("影子价格有效上限（能力）", "Shadow price valid to (slots)"),
  // Target values, not money: 5.986–6 for six towns, the range where the price per unit holds.
  marginal_cost_valid_from: l("边际成本有效下限（目标值）", "Marginal cost valid from (target value)"),
  marginal_cost_valid_to: l("边际成本有效上限（目标值）", "Marginal cost valid to (target value)"),
  limit: l("约束类型", "Limit"),
  of: l("资金来源或能力代码", "Source or capacity"),
  of_name: l("资金来源或能力名称", "Source or capacity name"),
  units_per_step: l("每步增加目标单位", "Target units per step"),
  step: l("步长", "Step"),
  step_amount: l("步长（元或个）", "Step (yuan or slots)"),
  valid_from: l("有效下限", "Valid from"),
  valid_to: l("有效上限", "Valid to"),
  method: l("计算方法", "Method"),
  target: l("目标代码", "Target id"),
  name: l("目标名称", "Target name"),
  target_name: l("目标名称", "Target name"),
  metric: l("指标", "Metric"),
  by: l("完成年份", "By year"),
  kind: l("类型", "Kind"),
  weight: l("权重", "Weight"),
  target_value: l("目标值", "Target value"),
  planned: l("计划值", "Planned"),
  planned_value: l("计划值", "Planned"),
  shortfall: l("缺口", "Shortfall"),
  attainment: l("完成率", "Attainment"),
  met: l("是否完成", "Met"),
  // No unit in the header: each cell's format names its own (万元, or 亿元 from 1亿; workbook/cellFormats.ts "price").
  // A rate per unit, not the cost of one unit more: it holds only within its valid range, which for
  // six towns of a stock of six is 5.986–6 (a seventh does not exist; "每增加1个单位" promised one).
  marginal_cost_yuan_per_unit: l("边际加权成本（每单位目标的边际率，仅在有效范围内；按资金权重加权）", "Marginal weighted cost per target unit (a rate, holding only within its valid range; money × cost_weight)"),
  p_met: l("完成概率 P(met)", "P(met)"),
  p_met_se: l("完成概率标准误", "P(met) standard error"),
  p_met_calibration: l("校准完成概率", "P(met) at calibration"),
  p_all_targets_met: l("全部目标同时完成的概率", "P(all targets met)"),
  p_all_targets_met_se: l("全部目标同时完成概率标准误", "P(all targets met) standard error"),
  p5: l("P5", "P5"),
  p10: l("P10", "P10"),
  p50: l("P50（中位数）", "P50 (median)"),
  p90: l("P90", "P90"),
  p95: l("P95", "P95"),
  where: l("位置", "Where"),
  // diagnostics.csv's two messages side by side in the 诊断 sheet: told apart by their language.
  message: l("说明（英文）", "Message"),
  message_zh: l("说明（中文）", "Message (Chinese)"),
  input_line: l("场景文件位置", "Scenario file and line"),
  draws: l("抽样次数", "Draws"),
  mean: l("均值", "Mean"),
  sd: l("标准差", "Standard deviation"),
  input: l("不确定输入", "Uncertain input"),
  output: l("输出", "Output"),
  spearman_rho: l("斯皮尔曼相关系数 ρ", "Spearman ρ"),
  rank: l("排序", "Rank"),
  draw: l("抽样序号", "Draw"),
  gap_total: l("资金缺口合计", "Total funding gap"),
  cut: l("削减比例", "Cut"),
  cut_label: l("削减档位", "Cut level"),
  status: l("求解状态", "Status"),
  planned_change_vs_base: l("较基准变化", "Change vs baseline"),
  gained_vs_base: l("较基准增加", "Gained vs baseline"),
  // The ↑ of the printout and the report; 概要 gives its legend (surerAfterCut.ts).
  surer_after_cut: l("削减后完成概率上升↑（计划值未提高）", "Surer after the cut ↑ (not planned higher)"),
  targets_met: l("完成目标数", "Targets met"),
  targets: l("目标数", "Targets"),
  shortfall_objective: l("缺口目标函数值", "Shortfall objective"),
  budget_cut_yuan: l("削减预算", "Budget cut"),
  government_used_yuan: l("政府资金使用", "Government money used"),
  government_change_yuan: l("政府资金变化", "Government money change"),
  households_lost: l("减少惠及户数", "Households lost"),
  households_lost_per_100m_yuan: l("每削减1亿元减少户数", "Households lost per 1亿元 cut"),
  households_started_lost: l("减少开工惠及户数", "Households started lost"),
  regions_losing_most: l("开工户数减少最多的地区", "Regions losing most"),
  regions_gaining_most: l("开工户数增加最多的地区", "Regions gaining most"),
  regions_held_near: l("地区变化贴近0%档位", "Regions held near the 0% plan"),
  starts_held_near: l("各地区开工贴近0%档位", "Starts by region held near the 0% plan"),
  cut_source: l("是否被削减的来源", "Source cut"),
  units_started_base: l("0%档位开工数", "Units started at 0%"),
  units_started_change: l("开工数较0%档位变化", "Units started: change vs 0%"),
  households_started_base: l("0%档位开工惠及户数", "Households started at 0%"),
  households_started_change: l("开工惠及户数较0%档位变化", "Households started: change vs 0%"),
  scaled_source: l("预算是否按λ缩放", "Budget scaled by λ"),
  today_used_yuan: l("现有预算下方案的支出", "Paid in the plan with today's budgets"),
  scale: l("预算系数", "Scale"),
  min_budget_yuan: l("最低预算", "Minimum budget"),
  change_yuan: l("变化", "Change"),
  family: l("约束类别", "Constraint family"),
  what: l("内容（英文）", "What"),
  what_zh: l("内容（中文）", "What (Chinese)"),
  min_budget_change_yuan: l("最低预算变化", "Minimum budget change"),
  per: l("单位", "Per"),
  file: l("文件", "File"),
  key: l("键", "Key"),
  column: l("列", "Column"),
  missing_in: l("缺失于", "Missing in"),
  confidence: l("把握度", "Confidence"),
  total_used_yuan: l("资金使用合计", "Total money used"),
  confidence_required: l("要求把握度", "Confidence required"),
  planned_margin: l("计划余量", "Planned margin"),
  confidence_status: l("把握度状态", "Confidence status"),
  confidence_reached: l("是否达到把握度", "Confidence reached"),
  plan_of_level: l("采用方案的把握度", "Plan of level"),
  scale_below: l("低1%的预算系数", "Scale 1% below"),
  planned_value_below: l("低1%时计划值", "Planned 1% below"),
  p_met_calibration_below: l("低1%时校准完成概率", "P(met) at calibration 1% below"),
  confidence_reached_below: l("低1%时是否达到把握度", "Confidence reached 1% below"),
  p_met_below: l("低1%时完成概率", "P(met) 1% below"),
  p_met_se_below: l("低1%时完成概率标准误", "P(met) standard error 1% below"),
  reached: l("是否达到", "Reached"),
  targets_reached: l("达到把握度的目标数", "Targets reached"),
  whole_units: l("整单位方案", "Planned in whole units"),
};

/**
 * Columns one table means differently from plan.csv: stress_starts.csv sums units_started over the
 * horizon, where plan.csv's 计划开工数 is one year's (a finance officer copying 广州's 1,400.6 into an
 * annual table would have overstated a year threefold).
 */
const TABLE_COLUMN_LABELS: Record<string, Record<string, Label>> = {
  "stress_starts.csv": {
    units_started: l("规划期开工数合计", "Units started over the horizon"),
    units_started_base: l("0%档位规划期开工数合计", "Units started over the horizon at 0%"),
    units_started_change: l("规划期开工数较0%档位变化", "Units started over the horizon: change vs 0%"),
    households_started: l("规划期开工惠及户数合计", "Households started over the horizon"),
    households_started_base: l("0%档位规划期开工惠及户数合计", "Households started over the horizon at 0%"),
    households_started_change: l("规划期开工惠及户数较0%档位变化", "Households started over the horizon: change vs 0%"),
  },
};

/** A column's label in the table `file`, where that table means it differently from the rest. */
export function tableColumnLabel(file: string, key: string): Label {
  return TABLE_COLUMN_LABELS[file]?.[key] ?? columnLabel(key);
}

/** Columns that vary with the run (compare's value_2, delta_2 …; Monte Carlo input columns). */
export function columnLabel(key: string): Label {
  const known = COLUMN_LABELS[key];
  if (known) return known;
  // draws.csv names a target's and an input's column by its id.
  const drawn = /^(target|input):(.+)$/.exec(key);
  if (drawn) return drawn[1] === "target" ? l(`目标：${drawn[2]}`, `target: ${drawn[2]}`) : l(`输入：${drawn[2]}`, `input: ${drawn[2]}`);
  const numbered = /^(value|delta|rel_delta)_(\d+)$/.exec(key);
  if (numbered) {
    const [, what, n] = numbered;
    if (what === "value") return l(`方案${n}取值`, `Value ${n}`);
    if (what === "delta") return l(`方案${n}较方案1变化`, `Change ${n} vs 1`);
    return l(`方案${n}较方案1变化率`, `Relative change ${n} vs 1`);
  }
  return l(key, key);
}
