/**
 * Readable names for columns and rows, made from their typed references only when a name is needed
 * (CPLEX-LP export, diagnostics' `where`, messages): `funds[guangzhou-urban,retrofit,2023,central]`.
 */
import type { Row, RowRef, Variable, VarRef } from "./types.js";

export function nameOf(family: string, ...keys: (string | number)[]): string {
  return `${family}[${keys.join(",")}]`;
}

export function variableName(v: Variable): string {
  return refName(v.ref);
}

function refName(r: VarRef): string {
  switch (r.role) {
    case "starts":
    case "cost":
    case "smooth_up":
    case "smooth_down":
    case "near_up":
    case "near_down":
      return nameOf(r.role, r.region, r.program, r.year);
    case "funds":
      return nameOf("funds", r.region, r.program, r.year, r.source);
    case "shortfall":
    case "margin_shortfall":
    case "hard_shortfall":
      return nameOf(r.role, r.target);
    case "carry":
      return nameOf("carry", r.source, r.region, r.year);
    case "elastic":
      return `elastic_${r.direction}[${rowName(r.row)}]`;
    case "budget_scale":
      return r.year === null ? "budget_scale" : nameOf("budget_scale", r.year);
    case "other":
      return r.name;
  }
}

export function rowName(row: Row): string {
  return rowRefName(row.ref);
}

function rowRefName(r: RowRef): string {
  switch (r.family) {
    case "commitments":
      return nameOf("commit", r.region, r.program, r.year);
    case "funding_balance":
      return nameOf("balance", r.region, r.program, r.year);
    case "smoothing":
      return nameOf("smooth", r.region, r.program, r.year);
    case "near":
      return nameOf("near", r.region, r.program, r.year);
    case "shares":
      return nameOf(`share_${r.bound}`, r.region, r.program, r.year, r.source);
    case "resident_cap":
      return nameOf("resident_cap", r.region, r.program, r.year, r.source);
    case "budgets":
      return nameOf("budget", r.source, r.region, r.year);
    case "links":
      return nameOf(`link_${r.bound}`, r.link, r.region, r.year);
    case "capacity":
      return nameOf("capacity", r.capacity, r.year);
    case "stock":
      return nameOf("stock", r.region, r.program);
    case "start_limits":
      return nameOf("start_limit", r.program, r.region, r.year);
    case "targets":
      return nameOf("target", r.target);
    case "margin":
      return nameOf("margin", r.target);
    case "stage_fix":
      return nameOf("stage_fix", r.stage);
    case "other":
      return r.name;
  }
}
