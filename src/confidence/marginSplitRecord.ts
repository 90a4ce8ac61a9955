/**
 * The price split of a confidence plan whose targets do not all reach their level (marginSplit.ts)
 * as run.json's `confidence.margin_split`, and the words the summary, report.html and the
 * workbook's 概要 read it in: what the levels reached cost against the plan without margins, what
 * the margins of the targets below their level cost on top of that, and their P(met) on the
 * calibration sample without → with those margins. One record, so the three say the same.
 */
import { governmentUsed } from "../finance/stressTables.js";
import { MARGIN_SPLIT } from "../format/confidenceLabels.js";
import { type Label, l } from "../format/labels.js";
import { formatPercent } from "../format/numbers.js";
import { round } from "../results/numbers.js";
import type { PlanTables } from "../results/types.js";
import { usedBySource } from "../results/usedBySource.js";
import type { Scenario } from "../scenario/types.js";
import type { MarginSplit } from "./marginSplit.js";
import type { TargetConfidence } from "./types.js";

export interface MarginSplitRecord {
  /** Targets that reach their level in the final plan; their margins are kept in the split's plan. */
  reached_targets: string[];
  /** Targets asking for a level that stay below it; their margins are left out of the split's plan. */
  short_targets: string[];
  /** The plan with only the reached targets' margins. */
  reached_levels: {
    government_used_yuan: number;
    total_used_yuan: number;
    used_by_source_yuan: Record<string, number>;
    /** Against the plan without margins: the price of the levels reached. */
    price_yuan: number;
    total_price_yuan: number;
    /** The same in weighted cost (every source's money × its cost weight), which the plan minimises. */
    weighted_price_yuan: number;
    /** Calibration P(met) of every target in that plan. */
    p_met_calibration: Record<string, number>;
    /** Reached targets that this plan leaves below their level (normally none). */
    not_held: string[];
  };
  /** The final plan against the plan with only the reached margins. */
  short_margins: {
    price_yuan: number;
    total_price_yuan: number;
    weighted_price_yuan: number;
    required: Record<string, number>;
    /** The short targets' calibration P(met) in the plan with only the reached margins. */
    p_met_calibration_before: Record<string, number>;
    /** Every target's calibration P(met) in the final plan. */
    p_met_calibration_after: Record<string, number>;
  };
  /** The MIP gap both plans are solved to where some programme is whole units; null for an LP. */
  mip_gap: number | null;
}

const total = (t: PlanTables) => round(t.funding.reduce((s, f) => s + f.amount_yuan, 0), 2);

/**
 * The plan's weighted cost, the cost stage's objective in yuan: government money is not what the
 * plan minimises, so a plan holding more margins can pay less of it (docs/confidence.md).
 */
function weightedCost(scenario: Scenario, t: PlanTables): number {
  const weight = new Map(scenario.sources.map((s) => [s.id, s.costWeight]));
  return round(t.funding.reduce((s, f) => s + f.amount_yuan * (weight.get(f.source) ?? 0), 0), 2);
}

export function marginSplitRecord(scenario: Scenario, targets: TargetConfidence[], split: MarginSplit, plan: PlanTables, plain: PlanTables): MarginSplitRecord {
  const ids = scenario.targets.map((t) => t.id);
  const reached = ids.filter((_, i) => targets[i]?.status === "reached");
  const short = ids.filter((_, i) => split.short[i]);
  const p = (met: number, draws: number) => round(met / draws, 6);
  const [gov0, govR, gov] = [governmentUsed(plain), governmentUsed(split.tables), governmentUsed(plan)];
  const [all0, allR, all] = [total(plain), total(split.tables), total(plan)];
  const [w0, wR, w] = [weightedCost(scenario, plain), weightedCost(scenario, split.tables), weightedCost(scenario, plan)];
  const pick = (list: string[], v: (i: number) => number) => Object.fromEntries(list.map((id) => [id, v(ids.indexOf(id))]));
  return {
    reached_targets: reached,
    short_targets: short,
    reached_levels: {
      government_used_yuan: govR,
      total_used_yuan: allR,
      used_by_source_yuan: Object.fromEntries(usedBySource(split.tables)),
      price_yuan: round(govR - gov0, 2),
      total_price_yuan: round(allR - all0, 2),
      weighted_price_yuan: round(wR - w0, 2),
      p_met_calibration: pick(ids, (i) => p(split.met[i], split.draws)),
      not_held: reached.filter((id) => !split.reached[ids.indexOf(id)]),
    },
    short_margins: {
      price_yuan: round(gov - govR, 2),
      total_price_yuan: round(all - allR, 2),
      weighted_price_yuan: round(w - wR, 2),
      required: pick(short, (i) => targets[i].required),
      p_met_calibration_before: pick(short, (i) => p(split.met[i], split.draws)),
      p_met_calibration_after: pick(ids, (i) => p(targets[i].met, targets[i].draws)),
    },
    mip_gap: scenario.programs.some((p) => p.integer) ? scenario.objective.mipGap : null,
  };
}

/**
 * The split in words: the levels reached and their price, the other margins' price and what they
 * buy — the short targets' P(met) without → with them, and that of any reached target they move.
 * `others`: whether sources besides government pay (then each price gives the whole bill too);
 * `nameOf` gives a target's name for the words (the record keeps ids; bare ids without it).
 */
export function marginSplitLines(r: MarginSplitRecord, others: boolean, nameOf: (id: string) => string = (id) => id): Label[] {
  const all = (yuan: number) => (others ? yuan : null);
  const pct = (v: number | undefined) => formatPercent(v ?? 0);
  const join = (parts: string[]) => l(parts.join("，"), parts.join(", "));
  const lines: Label[] = [];
  const before = r.reached_levels.p_met_calibration;
  const after = r.short_margins.p_met_calibration_after;
  if (r.reached_targets.length > 0) {
    const ids = join(r.reached_targets.map(nameOf));
    const pMet = join(r.reached_targets.map((id) => `${nameOf(id)} ${pct(before[id])}`));
    const part = { gov: r.reached_levels.price_yuan, all: all(r.reached_levels.total_price_yuan) };
    const why = saving(r, r.reached_levels);
    const line = (lang: "zh" | "en") => MARGIN_SPLIT.reached(ids[lang], part, pMet[lang])[lang] + why[lang];
    lines.push(l(line("zh"), line("en")));
    if (r.reached_levels.not_held.length > 0) lines.push(MARGIN_SPLIT.notHeld(r.reached_levels.not_held.map(nameOf).join(", ")));
  }
  const s = r.short_margins;
  const ids = join(r.short_targets.map(nameOf));
  // The reached targets these margins move too (the province's margin fills county communities).
  const moved = r.reached_targets.filter((id) => typeof after[id] === "number" && pct(after[id]) !== pct(before[id]));
  const change = (id: string, from: number | undefined) => `${nameOf(id)} ${pct(from)} → ${pct(after[id])}`;
  const changes = join(r.short_targets.map((id) => change(id, s.p_met_calibration_before[id])));
  const movedText = moved.length > 0 ? join(moved.map((id) => change(id, before[id]))) : null;
  const levels = [...new Set(r.short_targets.map((id) => pct(s.required[id])))].join("/");
  const part = { gov: s.price_yuan, all: all(s.total_price_yuan) };
  const why = saving(r, s);
  const line = (lang: "zh" | "en") => MARGIN_SPLIT.limited(ids[lang], part, changes[lang], levels, movedText?.[lang] ?? null)[lang] + why[lang];
  lines.push(l(line("zh"), line("en")));
  return lines;
}

/**
 * Why a part that saves government money leaves the other part above the whole; nothing for a part
 * that costs, or for a folder written before the record held weighted prices.
 */
function saving(r: MarginSplitRecord, part: { price_yuan: number; weighted_price_yuan?: number }): Label {
  if (part.price_yuan >= 0 || typeof part.weighted_price_yuan !== "number") return l("", "");
  return MARGIN_SPLIT.saving(part.weighted_price_yuan, typeof r.mip_gap === "number" ? r.mip_gap : null);
}
