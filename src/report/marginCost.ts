/**
 * What the margins of a plan to a confidence level cost against the plan without them (run.json's
 * `confidence` record): government money, what offices budget, then the whole bill and each source
 * whose money changed — "+28万元" of government money hid residents paying 20万元 → 912万元.
 */
import { type MarginSplitRecord, marginSplitLines } from "../confidence/marginSplitRecord.js";
import { levelsReachedLabel, PRICE_OF_CONFIDENCE } from "../format/confidenceLabels.js";
import { formatMoneyApart, formatMoneyChange } from "../format/numbers.js";
import type { Label } from "../format/labels.js";
import { records, text } from "../output/resultTables.js";
import { REPORT_TOLERANCE } from "../results/tolerance.js";
import { type KeyFigure, keyFigure as f } from "./keyFigure.js";
import type { RunContext } from "./runContext.js";

interface Money {
  government_used_yuan?: unknown;
  total_used_yuan?: unknown;
  used_by_source_yuan?: unknown;
}

/**
 * The plan without margins' government money and the margins' price in it — noting, where some
 * targets could not get their level, that the money did not buy it for every target — then the
 * money of all sources and of each source that changed, before → after (change).
 */
export function marginCost(ctx: RunContext, targets: ReturnType<typeof records>): KeyFigure[] {
  const info = ctx.runJson.confidence as (Money & { plain?: Money; price_of_confidence_yuan?: unknown; margin_split?: unknown }) | undefined;
  const plain = info?.plain?.government_used_yuan;
  const price = info?.price_of_confidence_yuan;
  if (typeof plain !== "number" || typeof price !== "number") return [];
  // Only targets that ask for a level count: "1 / 4" read as three failures where three asked none.
  const asked = targets.filter((t) => typeof t.confidence_required === "number" && t.confidence_required > 0);
  const reached = asked.filter((t) => t.confidence_status === "reached").length;
  const partly = reached < asked.length ? levelsReachedLabel(reached, asked.length) : null;
  // Only where every level asked is reached is it the price of confidence (as printed): else what the margins cost.
  const [zh, en] = partly
    ? [`余量的代价：比不加余量的计划多用政府资金（${partly.zh}，见上）`, `Cost of the margins: government money above the plan without them (${partly.en}, see above)`]
    : [`${PRICE_OF_CONFIDENCE.zh}：比不加余量的计划多用政府资金`, `Price of confidence: government money above the plan without margins`];
  return [
    f("不加余量的计划：政府资金", "Plan without margins: government money", plain, "money"),
    f(zh, en, price, "money"),
    ...split(info!, targets),
    ...wholeBill(info!),
    ...bySource(ctx, info!),
  ];
}

/**
 * Where some targets stay below their level: what the levels reached cost, and what the margins of
 * the others cost on top and buy (run.json `confidence.margin_split`, the printed summary's words).
 */
function split(info: { margin_split?: unknown }, targets: ReturnType<typeof records>): KeyFigure[] {
  const r = info.margin_split as MarginSplitRecord | undefined;
  if (!r || !Array.isArray(r.short_targets) || !r.reached_levels || !r.short_margins) return [];
  const others = Math.abs(r.reached_levels.total_price_yuan - r.reached_levels.price_yuan) > 0.5 || Math.abs(r.short_margins.total_price_yuan - r.short_margins.price_yuan) > 0.5;
  const names = new Map(targets.map((t) => [text(t.target), text(t.name)]));
  const nameOf = (id: string) => names.get(id) || id;
  return marginSplitLines(r, others, nameOf).map((line, i) => f(
    i === 0 && r.reached_targets.length > 0 ? "其中：达到要求的把握度" : "其中：未达到要求的把握度",
    i === 0 && r.reached_targets.length > 0 ? "Of which: the levels reached" : "Of which: the levels not reached",
    line, "text",
  ));
}

const CHANGE = { zh: "不加余量的计划 → 本方案", en: "plan without margins → this plan" };

/**
 * "3.2亿元 → 3.31亿元（+1,120万元）", the printed summary's "all sources A → B (+C)"; "1.278亿元 →
 * 1.280亿元（+20万元）" where two decimals would read the same (formatMoneyApart).
 */
function change(before: number, after: number): Label {
  const [a, b] = formatMoneyApart([before, after]);
  const c = formatMoneyChange(after - before);
  return { zh: `${a} → ${b}（${c}）`, en: `${a} → ${b} (${c})` };
}

/** All sources, where other sources than government pay in either plan (as the printed summary shows it). */
function wholeBill(info: Money & { plain?: Money }): KeyFigure[] {
  const [all0, all, gov0, gov] = [info.plain?.total_used_yuan, info.total_used_yuan, info.plain?.government_used_yuan, info.government_used_yuan];
  if (typeof all0 !== "number" || typeof all !== "number" || typeof gov0 !== "number" || typeof gov !== "number") return [];
  const others = Math.abs(all - gov) > 0.5 || Math.abs(all0 - gov0) > 0.5;
  return others ? [f(`全部资金：${CHANGE.zh}`, `All money: ${CHANGE.en}`, change(all0, all), "text")] : [];
}

/**
 * Each source whose money changed by a yuan or more (REPORT_TOLERANCE), the largest change first;
 * none for a folder written before run.json recorded the money by source.
 */
function bySource(ctx: RunContext, info: Money & { plain?: Money }): KeyFigure[] {
  const before = yuanBySource(info.plain?.used_by_source_yuan);
  const after = yuanBySource(info.used_by_source_yuan);
  if (!before || !after) return [];
  const ids = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return ids
    .map((id) => ({ id, before: before[id] ?? 0, after: after[id] ?? 0 }))
    .filter((s) => Math.abs(s.after - s.before) >= REPORT_TOLERANCE.yuan)
    .sort((a, b) => Math.abs(b.after - b.before) - Math.abs(a.after - a.before))
    .map((s) => {
      const name = sourceName(ctx, s.id);
      return f(`其中${name.zh}：${CHANGE.zh}`, `of which ${name.en}: ${CHANGE.en}`, change(s.before, s.after), "text");
    });
}

function yuanBySource(v: unknown): Record<string, number> | null {
  if (v === null || typeof v !== "object") return null;
  const out: Record<string, number> = {};
  for (const [id, yuan] of Object.entries(v)) if (typeof yuan === "number") out[id] = yuan;
  return out;
}

/** "村民自筹（residents）" as funding.csv names the source, else its id. */
function sourceName(ctx: RunContext, id: string): Label {
  const row = records(ctx.tables.get("funding.csv")).find((r) => r.source === id);
  const name = text(row?.source_name);
  return name && name !== id ? { zh: `${name}（${id}）`, en: `${name} (${id})` } : { zh: id, en: id };
}
