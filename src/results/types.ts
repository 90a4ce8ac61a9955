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
  households_started: number;
  households_completed: number;
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
  /** Target units gained per extra 1亿元 (shortfall stage), in the units of `shadow_price_target`. */
  shadow_price_units_per_100m_yuan: number;
  shadow_price_target: string;
  /** Weighted target-normalised shortfall removed per extra 1亿元 (the raw shortfall-stage dual). */
  shadow_price_objective_per_100m_yuan: number;
  /** Weighted government yuan saved per extra yuan of this budget (cost stage). */
  cost_saved_per_yuan: number;
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
  /** Extra weighted government yuan per one more unit of target (cost stage), when binding. */
  marginal_cost_yuan_per_unit: number;
}

export interface DiagnosticRow {
  kind: string;
  where: string;
  message: string;
}

export interface PlanTables {
  plan: PlanRow[];
  funding: FundingRow[];
  budgets: BudgetRow[];
  capacity: CapacityRow[];
  targets: TargetRow[];
  diagnostics: DiagnosticRow[];
}
