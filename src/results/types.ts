/**
 * The extracted plan, as typed tidy tables (one record per key combination). Output writers turn
 * these into CSV; Monte Carlo, stress and compare read them directly.
 */

export interface PlanRow {
  year: number;
  region: string;
  region_name: string;
  program: string;
  program_name: string;
  units_started: number;
  actual_started: number;
  units_active: number;
  units_completed: number;
  /**
   * Null (an empty cell) for a programme whose units hold no households (a town, a street, a km:
   * householdPrograms.ts): its households per unit are the model's default 1, and a town read as
   * one household is a wrong figure, not a small one.
   */
  households_started: number | null;
  households_completed: number | null;
  cost_due_yuan: number;
  slots_used: number;
}

export interface FundingRow {
  year: number;
  region: string;
  region_name: string;
  program: string;
  program_name: string;
  source: string;
  source_name: string;
  source_kind: string;
  amount_yuan: number;
  share_of_cost: number;
  /** Of it, recorded in actuals (`paid`); 0 where nothing is recorded. */
  actual_amount_yuan: number;
}

export interface BudgetRow {
  year: number;
  region: string;
  region_name: string;
  source: string;
  source_name: string;
  budget_yuan: number;
  carried_in_yuan: number;
  used_yuan: number;
  carried_out_yuan: number;
  utilisation: number;
  binding: boolean;
  /** Units of `shadow_price_target` (the first missed soft target) the plan gains per extra 1亿元. */
  shadow_price_units_per_100m_yuan: number;
  shadow_price_target: string;
  /** Weighted, target-normalised shortfall score removed per extra 1亿元 (the stage-1 dual). */
  shadow_price_score_per_100m_yuan: number;
  /** Weighted cost (every source's money × its cost weight) saved per extra yuan of this budget (negative: the plan spends more). */
  cost_saved_per_yuan: number;
  /** Budget amounts (yuan) between which these prices hold; NaN (blank) for a row without a price. */
  shadow_price_valid_from_yuan: number;
  shadow_price_valid_to_yuan: number;
  shadow_price_method: string;
}

export interface CapacityRow {
  capacity: string;
  year: number;
  region: string;
  region_name: string;
  slots: number;
  slots_used: number;
  utilisation: number;
  binding: boolean;
  shadow_price_units_per_slot: number;
  shadow_price_target: string;
  /** Slots between which the price holds; NaN (blank) for a row without a price. */
  shadow_price_valid_from_slots: number;
  shadow_price_valid_to_slots: number;
  shadow_price_method: string;
}

export interface TargetRow {
  target: string;
  name: string;
  program: string;
  region: string;
  region_name: string;
  metric: string;
  by: number;
  kind: string;
  weight: number;
  target_value: number;
  planned: number;
  shortfall: number;
  attainment: number;
  met: boolean;
  /** Extra weighted cost per one more unit of target (cost stage), when binding. */
  marginal_cost_yuan_per_unit: number;
  /** Target values between which that cost holds; NaN (blank) when it is 0. */
  marginal_cost_valid_from: number;
  marginal_cost_valid_to: number;
}

/** shadow_prices.csv: what one more step of a budget or capacity buys of each target. */
export interface ShadowPriceRow {
  limit: "budget" | "capacity";
  /** The model row, e.g. `budget[central,guangdong,2025]`. */
  where: string;
  year: number;
  region: string;
  region_name: string;
  /** Source of a budget, capacity id of a capacity. */
  of: string;
  of_name: string;
  target: string;
  target_name: string;
  metric: string;
  /** Units of the target gained per `step`. */
  units_per_step: number;
  /** "1亿元", "10万元" (a budget's price held for less than 1亿元), or "1 slot". */
  step: string;
  /** The step in yuan (budgets) or slots (capacity). */
  step_amount: number;
  /** The limit's amount (yuan or slots) between which the figure holds. */
  valid_from: number;
  valid_to: number;
  method: string;
}

export interface DiagnosticRow {
  kind: string;
  where: string;
  message: string;
  /** `message` in Chinese; a solver's own text (an error, a HiGHS status) stays as written, headed 求解出错. */
  message_zh: string;
  /** File and line of the scenario entry the finding is about (`scenario.yaml:37`); "" when none. */
  input_line: string;
}

export interface PlanTables {
  plan: PlanRow[];
  funding: FundingRow[];
  budgets: BudgetRow[];
  capacity: CapacityRow[];
  targets: TargetRow[];
  shadowPrices: ShadowPriceRow[];
  diagnostics: DiagnosticRow[];
}
