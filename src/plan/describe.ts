/**
 * Planning words for model rows: "budget of 中央补助 (central) for 广东省 (guangdong) in 2023", and
 * in Chinese for diagnostics.csv's message_zh: "中央补助（central）在广东省（guangdong）2023年的预算".
 * Used by the infeasibility diagnosis, the stdout summary and `simulate explain`.
 */
import { rowName } from "../model/names.js";
import type { Row } from "../model/types.js";
import type { Scenario } from "../scenario/types.js";
import { formatMoney } from "../format/numbers.js";
import { MONEY_UNIT } from "../model/context.js";
import { metricLabel, TARGET_KIND_LABELS, wordsFor } from "../format/labels.js";

export class Namer {
  private names = new Map<string, string>();
  constructor(scenario: Scenario) {
    for (const r of scenario.regions) this.names.set(`region:${r.id}`, r.name);
    for (const p of scenario.programs) this.names.set(`program:${p.id}`, p.name);
    for (const s of scenario.sources) this.names.set(`source:${s.id}`, s.name);
    for (const t of scenario.targets) this.names.set(`target:${t.id}`, t.name);
    for (const c of scenario.capacity) if (c.name !== undefined) this.names.set(`capacity:${c.id}`, c.name);
  }
  /** "广东省 (guangdong)", or the bare id when the name is the id. */
  label(kind: EntityKind, id: string | number): string {
    return this.withId(kind, id, " (", ")");
  }
  /** "广东省（guangdong）": the Chinese text's full-width brackets. */
  labelZh(kind: EntityKind, id: string | number): string {
    return this.withId(kind, id, "（", "）");
  }
  name(kind: EntityKind, id: string | number): string {
    return this.names.get(`${kind}:${id}`) ?? String(id);
  }
  private withId(kind: EntityKind, id: string | number, open: string, close: string): string {
    const name = this.names.get(`${kind}:${id}`);
    return name && name !== String(id) ? `${name}${open}${id}${close}` : String(id);
  }
}

export type EntityKind = "region" | "program" | "source" | "target" | "capacity";

/** What the row stands for, in planning words. */
export function describeRow(row: Row, scenario: Scenario, namer = new Namer(scenario)): string {
  const r = row.ref;
  const at = (id: string | number) => namer.label("region", id);
  switch (r.family) {
    case "budgets":
      return `budget of ${namer.label("source", r.source)} for ${at(r.region)} in ${r.year}`;
    case "capacity":
      return `construction capacity '${namer.label("capacity", r.capacity)}' of ${at(r.region)} in ${r.year}`;
    case "shares":
      return `${r.bound === "min" ? "minimum" : "maximum"} share ${pct(r.share)} of ${namer.label("source", r.source)} in ${namer.label("program", r.program)} at ${at(r.region)} in ${r.year}`;
    case "resident_cap":
      return `residents' cap of ${formatMoney(r.cap)} per household (${namer.label("source", r.source)}) in ${namer.label("program", r.program)} at ${at(r.region)} in ${r.year}`;
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

/** A target's kind as Chinese plans say it: a hard target is 约束性, a soft one 预期性. */
export function targetKindZh(kind: string): string {
  return wordsFor(TARGET_KIND_LABELS, kind).zh;
}

/** describeRow in Chinese, a noun phrase a 住建局 or 财政厅 reader would write. */
export function describeRowZh(row: Row, scenario: Scenario, namer = new Namer(scenario)): string {
  const r = row.ref;
  const at = (id: string | number) => namer.labelZh("region", id);
  switch (r.family) {
    case "budgets":
      return `${namer.labelZh("source", r.source)}在${at(r.region)}${r.year}年的预算`;
    case "capacity":
      return `${at(r.region)}${r.year}年的施工能力“${namer.labelZh("capacity", r.capacity)}”`;
    case "shares":
      return `${namer.labelZh("source", r.source)}在${at(r.region)}${r.year}年${namer.labelZh("program", r.program)}中的${r.bound === "min" ? "最低" : "最高"}占比（${pct(r.share)}）`;
    case "resident_cap":
      return `${at(r.region)}${r.year}年${namer.labelZh("program", r.program)}的居民每户出资上限（${formatMoney(r.cap)}，${namer.labelZh("source", r.source)}）`;
    case "links":
      return `${at(r.region)}${r.year}年的资金配套关系“${r.link}”（${namer.labelZh("source", r.source)} ${r.bound === "min" ? "≥" : "≤"} ${r.ratio} × ${namer.labelZh("source", r.of)}）`;
    case "stock":
      return `${at(r.region)}${namer.labelZh("program", r.program)}的可改造存量`;
    case "start_limits":
      return `${at(r.region)}${r.year}年${namer.labelZh("program", r.program)}的开工数限制`;
    case "targets": {
      const t = scenario.targets.find((x) => x.id === r.target)!;
      return `${targetKindZh(t.kind)}目标${namer.labelZh("target", t.id)}：${at(t.region)}至${t.by}年${metricLabel(t.metric).zh} ≥ ${t.atLeast}`;
    }
    case "margin": {
      const t = scenario.targets.find((x) => x.id === r.target)!;
      return `目标${namer.labelZh("target", t.id)}的规划余量（${at(t.region)}至${t.by}年${metricLabel(t.metric).zh}）`;
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
  return isMoneyRow(row) ? formatMoney(amount * MONEY_UNIT) : `${round(amount)}`;
}

function pct(x: number): string {
  return `${round(x * 100)}%`;
}

function round(x: number): string {
  return String(Number(x.toFixed(2)));
}
