/**
 * Planning words for model rows: "budget of 中央补助 (central) for 广东省 (guangdong) in 2023".
 * Used by the infeasibility diagnosis, the stdout summary and `simulate explain`.
 */
import type { Row } from "../model/types.js";
import type { Scenario } from "../scenario/types.js";
import { formatYuan } from "../scenario/units.js";
import { MONEY_UNIT } from "../model/context.js";

export class Namer {
  private names = new Map<string, string>();
  constructor(private scenario: Scenario) {
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
  const k = row.key;
  const at = (id: string | number) => namer.label("region", id);
  switch (row.family) {
    case "budgets":
      return `budget of ${namer.label("source", k.source)} for ${at(k.region)} in ${k.year}`;
    case "capacity":
      return `construction capacity '${k.capacity}' of ${at(k.region)} in ${k.year}`;
    case "shares":
      return `${k.bound === "min" ? "minimum" : "maximum"} share ${pct(Number(k.share))} of ${namer.label("source", k.source)} in ${namer.label("program", k.program)} at ${at(k.region)} in ${k.year}`;
    case "resident_cap":
      return `residents' cap of ${formatYuan(Number(k.cap))} per household (${namer.label("source", k.source)}) in ${namer.label("program", k.program)} at ${at(k.region)} in ${k.year}`;
    case "links":
      return `link '${k.link}': ${namer.label("source", k.source)} ${k.bound === "min" ? "≥" : "≤"} ${k.ratio} × ${namer.label("source", k.of)} in ${at(k.region)} in ${k.year}`;
    case "stock":
      return `stock of ${namer.label("program", k.program)} units in ${at(k.region)}`;
    case "start_limits":
      return `start limits of ${namer.label("program", k.program)} in ${at(k.region)} in ${k.year}`;
    case "targets": {
      const t = scenario.targets.find((x) => x.id === k.target)!;
      return `${t.kind} target ${namer.label("target", t.id)}: ${t.metric} ≥ ${t.atLeast} by ${t.by} in ${at(t.region)}`;
    }
    default:
      return row.name;
  }
}

/** A row's amount in the units planners read: yuan for money rows, units otherwise. */
export function formatRowAmount(row: Row, amount: number): string {
  const money = row.family === "budgets" || row.family === "shares" || row.family === "resident_cap" || row.family === "links";
  return money ? formatYuan(amount * MONEY_UNIT) : `${round(amount)}`;
}

function pct(x: number): string {
  return `${round(x * 100)}%`;
}

function round(x: number): string {
  return String(Number(x.toFixed(2)));
}
