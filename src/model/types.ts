/**
 * Solver-neutral linear model. Builders append variables and rows with readable names that map
 * back to scenario entities (`funds[guangzhou-urban,retrofit,2023,central]`); adapters translate
 * this one shape to each solver, and the CPLEX-LP exporter writes it for audit.
 */

export type ConstraintFamily =
  | "commitments"
  | "funding_balance"
  | "shares"
  | "resident_cap"
  | "budgets"
  | "links"
  | "capacity"
  | "stock"
  | "start_limits"
  | "targets"
  | "stage_fix"
  | "smoothing";

export type VariableRole = "starts" | "cost" | "funds" | "shortfall" | "carry" | "smooth" | "elastic";

export interface Variable {
  name: string;
  role: VariableRole;
  lb: number;
  ub: number; // Infinity when unbounded
  integer: boolean;
  /** Scenario keys the variable stands for (region, program, year, source, target …). */
  key: Record<string, string | number>;
}

export interface Term {
  v: number; // variable index
  c: number; // coefficient
}

export interface Row {
  name: string;
  family: ConstraintFamily;
  terms: Term[];
  lb: number; // -Infinity when none
  ub: number; // Infinity when none
  /** Scenario keys the row stands for, used to explain it in planning words. */
  key: Record<string, string | number>;
}

export interface LinearModel {
  variables: Variable[];
  rows: Row[];
  /** Minimisation objective. */
  objective: Term[];
  objectiveConstant: number;
}
