/**
 * Planning words for model rows: "budget of 中央补助 (central) for 广东省 (guangdong) in 2023".
 * Used by the infeasibility diagnosis, the stdout summary and `simulate explain`.
 */
import { rowName } from "../model/names.js";
import type { Row } from "../model/types.js";
import type { Scenario } from "../scenario/types.js";
import { formatYuan } from "../scenario/units.js";
import { MONEY_UNIT } from "../model/context.js";

export class Namer {
  private names = new Map<string, string>();
  constructor(scenario: Scenario) {
    for (const r of scenario.regions) this.names.set(`region:${r.id}`, r.name);
    for (const p of scenario.programs) this.names.set(`program:${p.id}`, p.name);
    for (const s of scenario.sources) this.names.set(`source:${s.id}`, s.name);
    for (const t of scenario.targets) this.names.set(`target:${t.id}`, t.name);
  }
  /** "广东省 (guangdong)", or the bare id when the name is the id. */
  label(kind: "region" | "program" | "source" | "target", id: string | number): string {
    const name = this.names.get(`${kind}:${id}`);
    return name && name !== String(id) ? `${name} (${id})` : String(id);
  }
  name(kind: "region" | "program" | "source" | "target", id: string | number): string {
    return this.names.get(`${kind}:${id}`) ?? String(id);
  }
}

/** What the row stands for, in planning words. */
export function describeRow(row: Row, scenario: Scenario, namer = new Namer(scenario)): string {
  const r = row.ref;
  const at = (id: string | number) => namer.label("region", id);
  switch (r.family) {
    case "budgets":
      return `budget of ${namer.label("source", r.source)} for ${at(r.region)} in ${r.year}`;
    case "capacity":
      return `construction capacity '${r.capacity}' of ${at(r.region)} in ${r.year}`;
    case "shares":
      return `${r.bound === "min" ? "minimum" : "maximum"} share ${pct(r.share)} of ${namer.label("source", r.source)} in ${namer.label("program", r.program)} at ${at(r.region)} in ${r.year}`;
    case "resident_cap":
      return `residents' cap of ${formatYuan(r.cap)} per household (${namer.label("source", r.source)}) in ${namer.label("program", r.program)} at ${at(r.region)} in ${r.year}`;
    case "links":
      return `link '${r.link}': ${namer.label("source", r.source)} ${r.bound === "min" ? "≥" : "≤"} ${r.ratio} × ${namer.label("source", r.of)} in ${at(r.region)} in ${r.year}`;
    case "stock":
      return `stock of ${namer.label("program", r.program)} units in ${at(r.region)}`;
    case "start_limits":
      return `start limits of ${namer.label("program", r.program)} in ${at(r.region)} in ${r.year}`;
    case "targets": {
      const t = scenario.targets.find((x) => x.id === r.target)!;
      return `${t.kind} target ${namer.label("target", t.id)}: ${t.metric} ≥ ${t.atLeast} by ${t.by} in ${at(t.region)}`;
    }
    case "margin": {
      const t = scenario.targets.find((x) => x.id === r.target)!;
      return `planning margin of target ${namer.label("target", t.id)} (${t.metric} by ${t.by} in ${at(t.region)})`;
    }
    default:
      return rowName(row);
  }
}

/** Rows whose amounts are money (万元 in the model). */
export function isMoneyRow(row: Row): boolean {
  const f = row.ref.family;
  return f === "budgets" || f === "shares" || f === "resident_cap" || f === "links";
}

/** A row's amount in the units planners read: yuan for money rows, units otherwise. */
export function formatRowAmount(row: Row, amount: number): string {
  return isMoneyRow(row) ? formatYuan(amount * MONEY_UNIT) : `${round(amount)}`;
}

function pct(x: number): string {
  return `${round(x * 100)}%`;
}

function round(x: number): string {
  return String(Number(x.toFixed(2)));
}
