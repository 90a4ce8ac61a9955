/** Column order of every result table: the contract that `compare` and users' spreadsheets rely on. */
import type { MinBudgetRow } from "../finance/minBudgetRows.js";
import type { BindingRow } from "../finance/minBudgetBinding.js";
import type { MinBudgetFundingRow } from "../finance/minBudgetFunding.js";
import type { StressStartsRow } from "../finance/stressStarts.js";
import type { MetricLayout } from "../montecarlo/metrics.js";
import type { McSummaryRow, McTargetColumns, SensitivityRow } from "../montecarlo/tables.js";
import type { BudgetRow, CapacityRow, DiagnosticRow, FundingRow, PlanRow, ShadowPriceRow, TargetRow } from "../results/types.js";

export const PLAN_COLUMNS: (keyof PlanRow)[] = [
  "year", "region", "region_name", "program", "program_name", "units_started", "actual_started",
  "units_active", "units_completed", "households_started", "households_completed", "cost_due_yuan", "slots_used",
];
export const FUNDING_COLUMNS: (keyof FundingRow)[] = [
  "year", "region", "region_name", "program", "program_name", "source", "source_name", "source_kind",
  "amount_yuan", "share_of_cost", "actual_amount_yuan",
];
export const BUDGET_COLUMNS: (keyof BudgetRow)[] = [
  "year", "region", "region_name", "source", "source_name", "budget_yuan", "carried_in_yuan", "used_yuan",
  "carried_out_yuan", "utilisation", "binding", "shadow_price_units_per_100m_yuan", "shadow_price_target",
  "shadow_price_score_per_100m_yuan", "cost_saved_per_yuan", "shadow_price_valid_from_yuan",
  "shadow_price_valid_to_yuan", "shadow_price_method",
];
export const CAPACITY_COLUMNS: (keyof CapacityRow)[] = [
  "capacity", "year", "region", "region_name", "slots", "slots_used", "utilisation", "binding",
  "shadow_price_units_per_slot", "shadow_price_target", "shadow_price_valid_from_slots",
  "shadow_price_valid_to_slots", "shadow_price_method",
];
export const TARGET_COLUMNS: (keyof TargetRow)[] = [
  "target", "name", "program", "region", "region_name", "metric", "by", "kind", "weight", "target_value",
  "planned", "shortfall", "attainment", "met", "marginal_cost_yuan_per_unit", "marginal_cost_valid_from",
  "marginal_cost_valid_to",
];
/**
 * targets.csv's columns for these rows: TARGET_COLUMNS, then any columns a feature added to the
 * rows (confidence planning's), in the order the rows hold them — so a merged shard run, whose
 * planned rows come back from shard.json, writes the same header.
 */
export function targetColumnsOf(rows: readonly object[]): string[] {
  const known = new Set<string>(TARGET_COLUMNS);
  return [...TARGET_COLUMNS, ...Object.keys(rows[0] ?? {}).filter((k) => !known.has(k))];
}
export const SHADOW_PRICE_COLUMNS: (keyof ShadowPriceRow)[] = [
  "limit", "where", "year", "region", "region_name", "of", "of_name", "target", "target_name", "metric",
  "units_per_step", "step", "step_amount", "valid_from", "valid_to", "method",
];
export const DIAGNOSTIC_COLUMNS: (keyof DiagnosticRow)[] = ["kind", "where", "message", "message_zh", "input_line"];

/** Result tables in the order a reader checks them: outcomes first, then the plan, money and limits. */
export const READING_ORDER = [
  "targets.csv", "plan.csv", "budgets.csv", "capacity.csv", "funding.csv", "shadow_prices.csv", "diagnostics.csv",
  "stress_summary.csv", "stress_funding.csv", "stress_starts.csv", "stress.csv", "min_budget.csv", "min_budget_funding.csv", "min_budget_binding.csv", "frontier.csv",
];

/** Key columns of each table, used to align rows across result folders. */
export const TABLE_KEYS: Record<string, string[]> = {
  "plan.csv": ["year", "region", "program"],
  "funding.csv": ["year", "region", "program", "source"],
  "budgets.csv": ["year", "region", "source"],
  "capacity.csv": ["capacity", "year"],
  "targets.csv": ["target"],
  "shadow_prices.csv": ["where", "target"],
  "diagnostics.csv": ["kind", "where"],
  // The finance tools' folders, so two stress (or min-budget, frontier) runs compare too.
  "stress.csv": ["cut", "target"],
  "stress_summary.csv": ["cut"],
  "stress_funding.csv": ["cut", "source"],
  "stress_starts.csv": ["cut", "region", "program"],
  "min_budget.csv": ["source", "region", "year"],
  "min_budget_funding.csv": ["year", "source"],
  "min_budget_binding.csv": ["family", "where"],
  "frontier.csv": ["confidence", "target"],
};

/** One row of frontier.csv (`simulate frontier`): a confidence level and a target. */
export interface FrontierRow {
  confidence: number;
  target: string;
  target_name: string;
  government_used_yuan: number | null;
  total_used_yuan: number | null;
  planned_value: number | null;
  target_value: number;
  p_met_calibration: number | null;
  p_met: number | null;
  p_met_se: number | null;
  confidence_required: number;
  confidence_reached: boolean;
  plan_of_level: number;
  /** The level's P(all targets met) on the validation draws, the same on each of its rows (empty without --draws or with one target). */
  p_all_targets_met: number | null;
  p_all_targets_met_se: number | null;
}
export const FRONTIER_COLUMNS: (keyof FrontierRow)[] = [
  "confidence", "target", "target_name", "government_used_yuan", "total_used_yuan", "planned_value", "target_value",
  "p_met_calibration", "p_met", "p_met_se", "confidence_required", "confidence_reached", "plan_of_level",
  "p_all_targets_met", "p_all_targets_met_se",
];

/** stress.csv (`simulate stress`): one row per cut level and target; the level hooks' columns follow (extraColumns). */
export const STRESS_COLUMNS = [
  "cut", "cut_label", "status", "target", "name", "program", "region", "region_name", "metric", "by", "kind",
  "weight", "target_value", "planned", "attainment", "shortfall", "met", "planned_change_vs_base", "gained_vs_base",
];
/** stress_summary.csv (`simulate stress`): one row per cut level; the level hooks' columns follow (extraColumns). */
export const STRESS_SUMMARY_COLUMNS = [
  "cut", "cut_label", "status", "targets_met", "targets", "shortfall_objective", "budget_cut_yuan",
  "government_used_yuan", "government_change_yuan", "households_lost", "households_lost_per_100m_yuan",
  "households_started_lost", "regions_losing_most", "regions_gaining_most", "regions_held_near",
  "starts_held_near",
];
/** stress_funding.csv (`simulate stress`): one row per cut level and source, what it pays and the change vs 0 %. */
export const STRESS_FUNDING_COLUMNS = [
  "cut", "cut_label", "status", "source", "source_name", "source_kind", "cut_source", "used_yuan", "change_yuan",
];
/**
 * stress_starts.csv (`simulate stress`): one row per cut level, leaf region and programme, the units
 * and households started over the horizon, the 0 % plan's and the change.
 */
export const STRESS_STARTS_COLUMNS: (keyof StressStartsRow)[] = [
  "cut", "cut_label", "status", "region", "region_name", "program", "program_name", "units_started", "units_started_base",
  "units_started_change", "households_started", "households_started_base", "households_started_change",
];
/** diagnostics.csv of a stress folder: diagnostics.csv's columns after the level's cut. */
export const STRESS_DIAGNOSTIC_COLUMNS: ("cut" | "cut_label" | keyof DiagnosticRow)[] = ["cut", "cut_label", ...DIAGNOSTIC_COLUMNS];
/** Every extra column the hooks added to stress.csv or stress_summary.csv rows, sorted, so the CSV header is stable. */
export function extraColumns(rows: Record<string, unknown>[], known: string[]): string[] {
  const names = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r)) if (!known.includes(k)) names.add(k);
  return [...names].sort();
}

/** targets.csv of a Monte Carlo run: the Monte Carlo columns, after the planned ones (mcTargetColumnsOf). */
export const MC_COLUMNS: (keyof McTargetColumns)[] = ["p_met", "p_met_se", "p10", "p50", "p90"];
/** stress_summary.csv of `simulate stress --draws`: P(all targets met) per cut level (stressMonteCarlo's summary columns). */
export const STRESS_MC_SUMMARY_COLUMNS = ["p_all_targets_met", "p_all_targets_met_se"];
/**
 * stress.csv of `simulate stress --draws`, after the level hooks' columns: whether a P(met) rose
 * above the 0 % level's though the level does not plan the target higher (the ↑ of the printout and
 * the report: finance/surerAfterCut.ts), where P(met) is reported.
 */
export const STRESS_MC_TARGET_COLUMNS = ["surer_after_cut"];
/**
 * Every column only a Monte Carlo run writes: targets.csv's and stress.csv's (MC_COLUMNS,
 * STRESS_MC_TARGET_COLUMNS) and stress_summary.csv's (STRESS_MC_SUMMARY_COLUMNS), so compare
 * explains them all alike when missing.
 */
export const MONTE_CARLO_COLUMNS: readonly string[] = [...MC_COLUMNS, ...STRESS_MC_TARGET_COLUMNS, ...STRESS_MC_SUMMARY_COLUMNS];
/** targets.csv of a Monte Carlo run: the planned columns of these rows (targetColumnsOf), then the Monte Carlo ones. */
export function mcTargetColumnsOf(rows: readonly object[]): (keyof (TargetRow & McTargetColumns))[] {
  const mc = new Set<string>(MC_COLUMNS);
  return [...targetColumnsOf(rows).filter((c) => !mc.has(c)), ...MC_COLUMNS] as (keyof (TargetRow & McTargetColumns))[];
}
/** mc_summary.csv: per metric, year, region, programme and source, the draws' statistics. */
export const MC_SUMMARY_COLUMNS: (keyof McSummaryRow)[] = [
  "metric", "year", "region", "program", "source", "draws", "mean", "sd", "p5", "p10", "p50", "p90", "p95",
];
/** sensitivity.csv: per input and output, Spearman's ρ and its tornado rank. */
export const SENSITIVITY_COLUMNS: (keyof SensitivityRow)[] = ["input", "output", "spearman_rho", "rank"];
/** draws.csv (--save-draws): the draw, each target's realised value, the total funding gap, each input (drawRows fills them). */
export function drawColumnsOf(layout: Pick<MetricLayout, "targets" | "inputs">): string[] {
  return ["draw", ...layout.targets.map((t) => `target:${t.id}`), "gap_total", ...layout.inputs.map((i) => `input:${i}`)];
}

/** min_budget.csv (`simulate min-budget`, with or without --confidence): every selected budget today and at the minimum. */
export const MIN_BUDGET_COLUMNS: (keyof MinBudgetRow)[] = [
  "source", "source_name", "source_kind", "region", "region_name", "year", "budget_yuan", "scale",
  "min_budget_yuan", "change_yuan", "carried_in_yuan", "used_yuan", "binding",
];
/** min_budget_funding.csv (`simulate min-budget`): per payment year and source, what the plan at λ pays and its change against today's plan. */
export const MIN_BUDGET_FUNDING_COLUMNS: (keyof MinBudgetFundingRow)[] = [
  "year", "source", "source_name", "source_kind", "scaled_source", "today_used_yuan", "used_yuan", "change_yuan",
];
/** min_budget_binding.csv (`simulate min-budget`): the limits that hold the minimum. */
export const MIN_BUDGET_BINDING_COLUMNS: (keyof BindingRow)[] = ["family", "where", "what", "what_zh", "min_budget_change_yuan", "per"];
/** min_budget_confidence.csv (`simulate min-budget --confidence`): per target, at the scale found and 1 % below it. */
export const MIN_BUDGET_CONFIDENCE_COLUMNS = [
  "target", "name", "confidence_required", "target_value", "scale", "planned_value", "p_met_calibration", "confidence_reached", "p_met", "p_met_se",
  "scale_below", "planned_value_below", "p_met_calibration_below", "confidence_reached_below", "p_met_below", "p_met_se_below",
] as const;
/**
 * min_budget_search.csv (`simulate min-budget --confidence`): every scale tried; `status` optimal, or
 * infeasible where the scale has no plan at all (below λ₀; targets_reached then empty).
 */
export const MIN_BUDGET_SEARCH_COLUMNS = ["scale", "whole_units", "reached", "targets_reached", "targets", "status"] as const;

/**
 * Columns that hold an amount of money in yuan. "…_per_100m_yuan" and "…_per_yuan" are rates per
 * amount of money (cost_saved_per_yuan), not amounts; a marginal cost per unit is one.
 */
export function isMoneyColumn(column: string): boolean {
  return (/_yuan$/.test(column) && !/_per_(100m_)?yuan$/.test(column)) || column === "marginal_cost_yuan_per_unit";
}

/**
 * Columns that hold a share or a probability (0.926 = 92.6 %): shown as per cent, and compared in
 * percentage points — a P(met) from 0.7 % to 92.6 % is +91.9 points, not "+13,128.6 %".
 */
const SHARE_COLUMNS = new Set([
  "utilisation", "share_of_cost", "attainment", "p_met", "p_met_se", "p_met_calibration", "confidence", "scale",
  "confidence_required", "plan_of_level", "scale_below", "p_met_below", "p_met_se_below", "p_met_calibration_below",
  "p_all_targets_met", "p_all_targets_met_se",
]);

export function isShareColumn(column: string): boolean {
  return SHARE_COLUMNS.has(column);
}

/**
 * Columns that hold a price of the plan — what one more unit, yuan or slot is worth at the margin —
 * rather than a quantity of it: a target's marginal cost, a budget's or a capacity's shadow prices,
 * the weighted cost saved per yuan, a price per a budget's own step, min-budget's change per unit.
 * A price moving (a marginal cost from 3.51亿元 to 0 is −100 %) is not what a reader compares
 * first: compare's report charts prices apart from the quantities (src/report/compareCharts.ts).
 */
const PRICE_COLUMNS = new Set(["marginal_cost_yuan_per_unit", "cost_saved_per_yuan", "units_per_step", "min_budget_change_yuan"]);

export function isPriceColumn(column: string): boolean {
  return PRICE_COLUMNS.has(column) || /^shadow_price_.*_per_/.test(column);
}
