/**
 * The identities docs/outputs.md promises "to the fen", checked exactly on the tables as written
 * (amounts added as whole fen, as a reader's spreadsheet adds the CSV's decimals): plan.csv's cost due
 * is the sum of its funding.csv payments; budgets.csv's used is the sum of the source's payments over
 * the node's leaves that year; carried out = budget + carried in − used, and the next year brings in
 * what this one carried out; and (unless `allowOverspend`: whole units at a breaking point can cost a
 * fraction of a yuan more than the budgets hold, docs/model.md) no budget pays more than it has.
 */
import type { Scenario } from "../../src/scenario/types.js";
import type { PlanTables } from "../../src/results/types.js";
import type { Violation } from "./invariants.js";

const fen = (yuan: number) => Math.round(yuan * 100);

export function fenIdentities(scenario: Scenario, t: PlanTables, allowOverspend = false): Violation[] {
  const out: Violation[] = [];
  const add = (invariant: string, where: string, detail: string) => out.push({ invariant, where, detail });
  const paid = new Map<string, number>();
  for (const f of t.funding) {
    const k = `${f.year}|${f.region}|${f.program}`;
    paid.set(k, (paid.get(k) ?? 0) + fen(f.amount_yuan));
  }
  for (const r of t.plan) {
    const k = `${r.year}|${r.region}|${r.program}`;
    if ((paid.get(k) ?? 0) !== fen(r.cost_due_yuan)) add("cost_due", k, `${r.cost_due_yuan} due, ${(paid.get(k) ?? 0) / 100} paid`);
  }
  const carryover = new Set(scenario.sources.filter((s) => s.carryover).map((s) => s.id));
  const entry = new Map(t.budgets.map((b) => [`${b.source}|${b.region}|${b.year}`, b]));
  for (const b of t.budgets) {
    const where = `${b.source}|${b.region}|${b.year}`;
    const leaves = new Set(scenario.regions.find((r) => r.id === b.region)!.leaves);
    const used = t.funding.filter((f) => f.source === b.source && f.year === b.year && leaves.has(f.region)).reduce((s, f) => s + fen(f.amount_yuan), 0);
    if (used !== fen(b.used_yuan)) add("used", where, `${b.used_yuan} used, ${used / 100} paid`);
    const left = fen(b.budget_yuan) + fen(b.carried_in_yuan) - fen(b.used_yuan);
    if (left < 0 && !allowOverspend) add("overspent", where, `${b.used_yuan} used of ${b.budget_yuan} + ${b.carried_in_yuan}`);
    const next = entry.get(`${b.source}|${b.region}|${b.year + 1}`);
    const carries = carryover.has(b.source) && next !== undefined;
    if (carries && fen(b.carried_out_yuan) !== Math.max(0, left)) add("carried_out", where, `${b.carried_out_yuan} carried, ${left / 100} left`);
    if (carries && fen(next.carried_in_yuan) !== fen(b.carried_out_yuan)) add("carried_in", where, `${b.carried_out_yuan} carried out, ${next.carried_in_yuan} in`);
    if (!carries && b.carried_out_yuan !== 0) add("carried_out", where, `${b.carried_out_yuan} carried with no year to carry into`);
  }
  return out;
}
